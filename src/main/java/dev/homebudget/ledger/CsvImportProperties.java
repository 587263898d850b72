package dev.homebudget.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of a CSV upload to {@code .../import} (its size in bytes is
 * {@code budget.http.max-import-size}).
 *
 * @param maxRows the most data rows one upload may hold; a larger file is refused with
 * 413 as soon as its next row is read, and nothing is imported
 */
@ConfigurationProperties("budget.import")
public record CsvImportProperties(@DefaultValue("50000") int maxRows) {

	public CsvImportProperties {
		if (maxRows < 1) {
			throw new IllegalArgumentException("budget.import.max-rows must be at least 1");
		}
	}

}
