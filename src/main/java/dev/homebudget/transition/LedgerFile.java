package dev.homebudget.transition;

import java.util.List;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryKind;

/** The original's two JSON files, one per kind of entry. */
public enum LedgerFile {

	EXPENSES("expenses.json", EntryKind.EXPENSE),

	INCOMES("incomes.json", EntryKind.INCOME);

	private final String fileName;

	private final EntryKind kind;

	LedgerFile(String fileName, EntryKind kind) {
		this.fileName = fileName;
		this.kind = kind;
	}

	/** The file of a kind of entry. */
	public static LedgerFile of(EntryKind kind) {
		return (kind == EntryKind.EXPENSE) ? EXPENSES : INCOMES;
	}

	public EntryKind kind() {
		return this.kind;
	}

	public String fileName() {
		return this.fileName;
	}

	/** Singular name of one entry, for messages: {@code expense}, {@code income}. */
	public String entryName() {
		return this.kind.entryName();
	}

	/** The PostgreSQL table holding the same entries. */
	public String tableName() {
		return this.kind.tableName();
	}

	/** The fields of an entry, in the order the original wrote them (the id follows). */
	public List<EntryField> fields() {
		return this.kind.fields();
	}

	public boolean hasBusiness() {
		return this.kind.hasBusiness();
	}

}
