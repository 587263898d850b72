package dev.homebudget.transition.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.LedgerFile;

/**
 * The one text form of a record by which both stores are compared and fingerprinted, and
 * in which rows are sent to PostgreSQL's {@code COPY}: the fields in the original's order
 * (the id first), tab-separated, in COPY's text format. The amount has exactly two
 * decimals, the date is ISO, and null ({@code \N}) is a different value from the empty
 * string: the original stored both (the web UI sent {@code ""} for empty notes, the API
 * kept null), so a store that turned one into the other would have changed the record.
 */
public final class CanonicalEntry {

	private CanonicalEntry() {
	}

	/** The column list matching {@link #appendRow}, for {@code COPY ... (columns)}. */
	public static String columns(LedgerFile ledger, boolean withId) {
		StringBuilder columns = new StringBuilder(withId ? "id" : "");
		for (EntryField field : ledger.fields()) {
			if (!columns.isEmpty()) {
				columns.append(", ");
			}
			columns.append(field.column());
		}
		return columns.toString();
	}

	/** Rows in COPY text format, one line each. */
	public static String rows(LedgerFile ledger, List<JsonEntry> entries, boolean withIds) {
		StringBuilder rows = new StringBuilder(entries.size() * 96);
		for (JsonEntry entry : entries) {
			appendRow(rows, ledger, entry, withIds);
		}
		return rows.toString();
	}

	/** Appends one row, ending with a newline. */
	public static void appendRow(StringBuilder out, LedgerFile ledger, JsonEntry entry, boolean withId) {
		if (withId) {
			out.append(entry.id()).append('\t');
		}
		out.append(entry.date()).append('\t');
		if (ledger.hasBusiness()) {
			text(out, entry.business()).append('\t');
		}
		text(out, entry.category()).append('\t');
		out.append(entry.amount().setScale(2).toPlainString()).append('\t');
		text(out, entry.account()).append('\t');
		text(out, entry.currency()).append('\t');
		text(out, entry.notes()).append('\n');
	}

	private static StringBuilder text(StringBuilder out, String value) {
		if (value == null) {
			return out.append("\\N");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
		return out;
	}

	/**
	 * The names of the fields in which two records with the same id differ, in the
	 * original's field order; empty when they are equal.
	 */
	public static List<String> differences(LedgerFile ledger, JsonEntry left, JsonEntry right) {
		List<String> fields = new ArrayList<>(2);
		for (EntryField field : ledger.fields()) {
			if (!sameValue(field, left, right)) {
				fields.add(field.jsonName());
			}
		}
		return fields;
	}

	private static boolean sameValue(EntryField field, JsonEntry left, JsonEntry right) {
		return switch (field) {
			case DATE -> left.date().equals(right.date());
			case BUSINESS -> Objects.equals(left.business(), right.business());
			case CATEGORY -> left.category().equals(right.category());
			case AMOUNT -> left.amount().compareTo(right.amount()) == 0;
			case ACCOUNT -> left.account().equals(right.account());
			case CURRENCY -> left.currency().equals(right.currency());
			case NOTES -> Objects.equals(left.notes(), right.notes());
		};
	}

}
