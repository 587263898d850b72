package dev.homebudget.ledger;

/**
 * List order: one column, ascending or descending, always followed by the id in the same
 * direction so that the order is total and keyset paging is exact.
 */
public record EntrySort(Column column, boolean descending) {

	public static final EntrySort NEWEST_FIRST = new EntrySort(Column.DATE, true);

	/** Sortable columns; the SQL name comes from here, never from the request. */
	public enum Column {

		DATE("date"), AMOUNT("amount"), CATEGORY("category");

		private final String sql;

		Column(String sql) {
			this.sql = sql;
		}

		public String sql() {
			return this.sql;
		}

	}

	/** {@code "date DESC, id DESC"}. */
	public String orderBy() {
		String direction = this.descending ? " DESC" : " ASC";
		return this.column.sql() + direction + ", id" + direction;
	}

	/** The request's spelling: {@code date} or {@code -date}. */
	public String token() {
		return (this.descending ? "-" : "") + this.column.sql();
	}

}
