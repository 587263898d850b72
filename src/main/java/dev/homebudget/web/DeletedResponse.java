package dev.homebudget.web;

/** v1 body of a single delete: {@code {"status":"deleted","id":<id>}}. */
public record DeletedResponse(String status, int id) {

	public static DeletedResponse of(int id) {
		return new DeletedResponse("deleted", id);
	}

}
