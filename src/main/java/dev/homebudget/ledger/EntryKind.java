package dev.homebudget.ledger;

import java.util.List;

/** The two kinds of entry the ledger keeps, each in its own table. */
public enum EntryKind {

	EXPENSE("expense", "expenses", EntryField.EXPENSE_FIELDS),

	INCOME("income", "incomes", EntryField.INCOME_FIELDS);

	private final String entryName;

	private final String tableName;

	private final List<EntryField> fields;

	EntryKind(String entryName, String tableName, List<EntryField> fields) {
		this.entryName = entryName;
		this.tableName = tableName;
		this.fields = fields;
	}

	/** Singular name of one entry, for messages: {@code expense}, {@code income}. */
	public String entryName() {
		return this.entryName;
	}

	/** The PostgreSQL table holding these entries. */
	public String tableName() {
		return this.tableName;
	}

	/** The fields of an entry, in the order the v1 contract writes them. */
	public List<EntryField> fields() {
		return this.fields;
	}

	public boolean hasBusiness() {
		return this.fields.contains(EntryField.BUSINESS);
	}

}
