package dev.homebudget.transition;

import java.util.List;

import dev.homebudget.ledger.EntryField;

/** The original's two JSON files, one per kind of entry. */
public enum LedgerFile {

	EXPENSES("expenses.json", "expense", "expenses", EntryField.EXPENSE_FIELDS),

	INCOMES("incomes.json", "income", "incomes", EntryField.INCOME_FIELDS);

	private final String fileName;

	private final String entryName;

	private final String tableName;

	private final List<EntryField> fields;

	LedgerFile(String fileName, String entryName, String tableName, List<EntryField> fields) {
		this.fileName = fileName;
		this.entryName = entryName;
		this.tableName = tableName;
		this.fields = fields;
	}

	public String fileName() {
		return this.fileName;
	}

	/** Singular name of one entry, for messages: {@code expense}, {@code income}. */
	public String entryName() {
		return this.entryName;
	}

	/** The PostgreSQL table holding the same entries. */
	public String tableName() {
		return this.tableName;
	}

	/** The fields of an entry, in the order the original wrote them (the id follows). */
	public List<EntryField> fields() {
		return this.fields;
	}

	public boolean hasBusiness() {
		return this.fields.contains(EntryField.BUSINESS);
	}

}
