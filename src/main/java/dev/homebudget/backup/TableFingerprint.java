package dev.homebudget.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a table held, in a form cheap to compare: an exit code says nothing about whether
 * a restore brought every row back intact, these four numbers do.
 *
 * @param rows row count
 * @param amountSum exact sum of the {@code amount} column as text, {@code null} when the
 * table has no such column or no rows
 * @param maxId largest integer {@code id}, {@code null} when there is none
 * @param sha256 SHA-256 (hex) over the rows in canonical order and text form
 */
public record TableFingerprint(long rows, String amountSum, Long maxId, String sha256) {

	/** Each way {@code actual} differs from this (expected) fingerprint, readable. */
	List<String> differences(TableFingerprint actual) {
		List<String> differences = new ArrayList<>();
		if (this.rows != actual.rows) {
			differences.add("rows " + actual.rows + " (expected " + this.rows + ")");
		}
		if (!Objects.equals(this.amountSum, actual.amountSum)) {
			differences.add("sum of amounts " + actual.amountSum + " (expected " + this.amountSum + ")");
		}
		if (!Objects.equals(this.maxId, actual.maxId)) {
			differences.add("max(id) " + actual.maxId + " (expected " + this.maxId + ")");
		}
		if (!Objects.equals(this.sha256, actual.sha256)) {
			differences.add("SHA-256 of the rows differs");
		}
		return differences;
	}

}
