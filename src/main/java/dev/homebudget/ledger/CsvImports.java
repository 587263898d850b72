package dev.homebudget.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import tools.jackson.databind.JsonNode;

/**
 * Validates the rows of a CSV upload with the API's create rules, one row at a time as
 * they are read. In all-or-nothing mode (the default) any bad row fails the whole import
 * with 422 items located at {@code ["body", <line>, <field>]}; in partial mode bad rows
 * are reported and skipped. Either way at most {@value #MAX_LISTED} problems are listed
 * and the rest only counted, and no listed text is longer than {@value #MAX_ECHO}
 * characters, so that the answer stays small whatever the upload holds.
 */
public final class CsvImports {

	/** Problems listed in an answer; the others are only counted. */
	public static final int MAX_LISTED = 100;

	/** Characters of a cell, or of a reason, echoed back in an answer. */
	static final int MAX_ECHO = 200;

	private CsvImports() {
	}

	/**
	 * Rows that passed validation, and those that did not (partial mode only).
	 *
	 * @param accepted the rows to store
	 * @param rejected the first {@value #MAX_LISTED} problems
	 * @param rejectedCount every problem, listed or not
	 * @param rejectedRows the rows with at least one problem
	 */
	public record Checked<T>(List<T> accepted, List<CsvImportResult.Rejected> rejected, int rejectedCount,
			int rejectedRows) {
	}

	public static boolean partialMode(String mode) {
		if (mode == null || mode.isEmpty() || mode.equals("all")) {
			return false;
		}
		if (mode.equals("partial")) {
			return true;
		}
		throw new RequestValidationException(new ValidationIssue("enum", List.of("query", "mode"),
				"Input should be 'all' or 'partial'", shortened(mode), null));
	}

	/**
	 * Reads and checks an upload as it arrives (see {@link EntryCsv#read}). Turning a
	 * valid row into a draft may also read the row's other columns and refuse it (a
	 * {@link RequestValidationException} located at {@code ["body", <column>]}).
	 * @throws RequestValidationException in all-or-nothing mode, when any row is bad
	 * @throws IOException when the request itself could not be read
	 */
	public static <T> Checked<T> check(InputStream body, String contentType, List<EntryField> fields,
			List<String> moreColumns, int maxRows, EntryRequestReader reader, boolean partial,
			BiFunction<EntryValues, EntryCsv.Row, T> toDraft) throws IOException {
		Checker<T> checker = new Checker<>(reader, partial, toDraft);
		EntryCsv.read(body, contentType, fields, moreColumns, maxRows, checker::check);
		return checker.finish();
	}

	/** Text echoed back, cut to {@value #MAX_ECHO} characters. */
	static String shortened(String text) {
		if (text == null || text.length() <= MAX_ECHO) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(MAX_ECHO - 1)) ? MAX_ECHO - 1 : MAX_ECHO;
		return text.substring(0, end) + "…";
	}

	/** The input of an issue, as echoed back: long text is cut. */
	static Object shortened(Object input) {
		if (input instanceof String text) {
			return shortened(text);
		}
		if (input instanceof JsonNode node) {
			if (node.isString()) {
				return shortened(node.stringValue());
			}
			String json = node.toString();
			return (json.length() <= MAX_ECHO) ? node : shortened(json);
		}
		if (input instanceof List<?> list) {
			String text = list.toString();
			return (text.length() <= MAX_ECHO) ? list : shortened(text);
		}
		return input;
	}

	private static final class Checker<T> {

		private final EntryRequestReader reader;

		private final boolean partial;

		private final BiFunction<EntryValues, EntryCsv.Row, T> toDraft;

		private final List<T> accepted = new ArrayList<>();

		private final List<CsvImportResult.Rejected> rejected = new ArrayList<>();

		private final List<ValidationIssue> issues = new ArrayList<>();

		private int problems;

		private int badRows;

		Checker(EntryRequestReader reader, boolean partial, BiFunction<EntryValues, EntryCsv.Row, T> toDraft) {
			this.reader = reader;
			this.partial = partial;
			this.toDraft = toDraft;
		}

		void check(EntryCsv.Row row) {
			T draft;
			try {
				draft = this.toDraft.apply(this.reader.readCreate(row.object()), row);
			}
			catch (RequestValidationException ex) {
				this.badRows++;
				for (ValidationIssue issue : ex.issues()) {
					this.problems++;
					if (this.problems > MAX_LISTED) {
						continue;
					}
					String field = (issue.loc().size() > 1) ? String.valueOf(issue.loc().get(1)) : "row";
					String reason = shortened(issue.msg());
					if (this.partial) {
						this.rejected.add(new CsvImportResult.Rejected(row.line(), field, reason));
					}
					else {
						this.issues.add(new ValidationIssue(issue.type(), List.of("body", row.line(), field), reason,
								shortened(issue.input()), issue.ctx()));
					}
				}
				return;
			}
			if (this.partial || this.badRows == 0) {
				// all or nothing: once a row is bad nothing is stored, so nothing is kept
				this.accepted.add(draft);
			}
		}

		Checked<T> finish() {
			if (!this.partial && this.badRows > 0) {
				List<ValidationIssue> answer = new ArrayList<>(this.issues);
				if (this.problems > MAX_LISTED) {
					answer.add(new ValidationIssue(
							"too_many_errors", List.of("body"), "Only the first " + MAX_LISTED + " of " + this.problems
									+ " problems (in " + this.badRows + " rows) are listed; nothing was imported",
							null, null));
				}
				throw new RequestValidationException(answer);
			}
			return new Checked<>(this.accepted, this.rejected, this.problems, this.badRows);
		}

	}

}
