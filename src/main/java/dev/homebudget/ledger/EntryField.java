package dev.homebudget.ledger;

import java.util.List;
import java.util.Optional;

/**
 * The fields of a ledger entry (an expense or an income), with the column limits of the
 * schema. Column names equal the JSON names, so SQL built from this enum is never built
 * from user text.
 */
public enum EntryField {

	DATE("date", Kind.DATE, 0, true, false),

	BUSINESS("business", Kind.TEXT, 255, false, true),

	CATEGORY("category", Kind.TEXT, 100, true, false),

	AMOUNT("amount", Kind.AMOUNT, 0, true, false),

	ACCOUNT("account", Kind.TEXT, 100, true, false),

	CURRENCY("currency", Kind.TEXT, 10, false, false),

	NOTES("notes", Kind.TEXT, 0, false, true);

	/** The currency the original always defaulted to (U+20AA NEW SHEQEL SIGN). */
	public static final String DEFAULT_CURRENCY = "\u20aa";

	/** Fields of an expense, in the order the v1 contract writes them. */
	public static final List<EntryField> EXPENSE_FIELDS = List.of(DATE, BUSINESS, CATEGORY, AMOUNT, ACCOUNT, CURRENCY,
			NOTES);

	/** Fields of an income: the same without {@code business}. */
	public static final List<EntryField> INCOME_FIELDS = List.of(DATE, CATEGORY, AMOUNT, ACCOUNT, CURRENCY, NOTES);

	enum Kind {

		DATE, AMOUNT, TEXT

	}

	private final String jsonName;

	private final Kind kind;

	private final int maxLength;

	private final boolean requiredOnCreate;

	private final boolean nullable;

	EntryField(String jsonName, Kind kind, int maxLength, boolean requiredOnCreate, boolean nullable) {
		this.jsonName = jsonName;
		this.kind = kind;
		this.maxLength = maxLength;
		this.requiredOnCreate = requiredOnCreate;
		this.nullable = nullable;
	}

	public String jsonName() {
		return this.jsonName;
	}

	public String column() {
		return this.jsonName;
	}

	Kind kind() {
		return this.kind;
	}

	/** Maximum length in characters (code points), or 0 for unlimited. */
	public int maxLength() {
		return this.maxLength;
	}

	boolean requiredOnCreate() {
		return this.requiredOnCreate;
	}

	/** Whether the column accepts NULL. */
	public boolean nullable() {
		return this.nullable;
	}

	static Optional<EntryField> byJsonName(List<EntryField> allowed, String name) {
		return allowed.stream().filter((field) -> field.jsonName.equals(name)).findFirst();
	}

}
