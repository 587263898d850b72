package dev.homebudget.ledger;

/** v1 body of a bulk delete: {@code {"status":"deleted","count":<rows deleted>}}. */
public record BulkDeletedResponse(String status, int count) {

	public static BulkDeletedResponse of(int count) {
		return new BulkDeletedResponse("deleted", count);
	}

}
