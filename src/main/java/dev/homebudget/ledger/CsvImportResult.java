package dev.homebudget.ledger;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Outcome of a CSV import:
 * {@code {"status":"imported","inserted":n,"rejected":[...],"rejected_count":m,"rejected_rows":r}}.
 * Rejected rows are only listed in partial mode (by default one bad row rejects the whole
 * file with 422), and only the first {@value CsvImports#MAX_LISTED} of them.
 *
 * @param status always {@code imported}
 * @param inserted the rows stored
 * @param rejected the first {@value CsvImports#MAX_LISTED} problems of the rows not
 * stored
 * @param rejectedCount every problem, listed or not (more than the list holds when it was
 * cut)
 * @param rejectedRows the rows not stored (a row may have several problems)
 */
public record CsvImportResult(String status, int inserted, List<Rejected> rejected,
		@JsonProperty("rejected_count") int rejectedCount, @JsonProperty("rejected_rows") int rejectedRows) {

	/** A row that was not imported, with its line number and why. */
	public record Rejected(long line, String field, String reason) {
	}

	public static CsvImportResult of(int inserted, CsvImports.Checked<?> checked) {
		return new CsvImportResult("imported", inserted, List.copyOf(checked.rejected()), checked.rejectedCount(),
				checked.rejectedRows());
	}

}
