package dev.homebudget.ledger;

import java.util.List;

/**
 * Outcome of a CSV import: {@code {"status":"imported","inserted":n,"rejected":[...]}}.
 * Rejected rows are only listed in partial mode; by default one bad row rejects the whole
 * file with 422.
 */
public record CsvImportResult(String status, int inserted, List<Rejected> rejected) {

	/** A row that was not imported, with its line number and why. */
	public record Rejected(long line, String field, String reason) {
	}

	public static CsvImportResult of(int inserted, List<Rejected> rejected) {
		return new CsvImportResult("imported", inserted, List.copyOf(rejected));
	}

}
