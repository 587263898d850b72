package dev.homebudget.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;

/**
 * Validates the rows of a CSV upload with the API's create rules. In all-or-nothing mode
 * (the default) any bad row fails the whole import with 422 items located at
 * {@code ["body", <line>, <field>]}; in partial mode bad rows are reported and skipped.
 */
public final class CsvImports {

	private CsvImports() {
	}

	/** Rows that passed validation, and those that did not (partial mode only). */
	public record Checked<T>(List<T> accepted, List<CsvImportResult.Rejected> rejected) {
	}

	public static boolean partialMode(String mode) {
		if (mode == null || mode.isEmpty() || mode.equals("all")) {
			return false;
		}
		if (mode.equals("partial")) {
			return true;
		}
		throw new RequestValidationException(new ValidationIssue("enum", List.of("query", "mode"),
				"Input should be 'all' or 'partial'", mode, null));
	}

	public static <T> Checked<T> check(List<EntryCsv.Row> rows, EntryRequestReader reader, boolean partial,
			Function<EntryValues, T> toDraft) {
		return check(rows, reader, partial, (values, row) -> toDraft.apply(values));
	}

	/**
	 * As {@link #check(List, EntryRequestReader, boolean, Function)}, where turning a
	 * valid row into a draft may also read the row's other columns and refuse it (a
	 * {@link RequestValidationException} located at {@code ["body", <column>]}).
	 */
	public static <T> Checked<T> check(List<EntryCsv.Row> rows, EntryRequestReader reader, boolean partial,
			BiFunction<EntryValues, EntryCsv.Row, T> toDraft) {
		List<T> accepted = new ArrayList<>();
		List<CsvImportResult.Rejected> rejected = new ArrayList<>();
		List<ValidationIssue> issues = new ArrayList<>();
		for (EntryCsv.Row row : rows) {
			try {
				accepted.add(toDraft.apply(reader.readCreate(row.object()), row));
			}
			catch (RequestValidationException ex) {
				for (ValidationIssue issue : ex.issues()) {
					String field = (issue.loc().size() > 1) ? String.valueOf(issue.loc().get(1)) : "row";
					rejected.add(new CsvImportResult.Rejected(row.line(), field, issue.msg()));
					issues.add(new ValidationIssue(issue.type(), List.of("body", row.line(), field), issue.msg(),
							issue.input(), issue.ctx()));
				}
			}
		}
		if (!partial && !issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		return new Checked<>(accepted, rejected);
	}

}
