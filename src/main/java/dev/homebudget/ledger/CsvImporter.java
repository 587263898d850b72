package dev.homebudget.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;

import dev.homebudget.web.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Runs CSV imports within bounds, so that no upload can take the server down: the body is
 * parsed as it streams in (see {@link EntryCsv#read}), at most
 * {@code budget.import.max-rows} rows are read, at most {@value CsvImports#MAX_LISTED}
 * problems are answered, and at most {@value #AT_ONCE} imports hold their checked rows in
 * memory at a time (others wait up to {@value #WAIT_SECONDS} s, then get 503).
 */
@Component
public class CsvImporter {

	static final int AT_ONCE = 2;

	static final int WAIT_SECONDS = 30;

	private final int maxRows;

	private final Semaphore running = new Semaphore(AT_ONCE, true);

	CsvImporter(CsvImportProperties properties) {
		this.maxRows = properties.maxRows();
	}

	/**
	 * Reads, checks and stores an upload.
	 * @param mode the {@code mode} query parameter ({@code all} or {@code partial})
	 * @param toDraft turns a valid row into what {@code store} takes (may refuse it)
	 * @param store stores the accepted rows, all or nothing, and counts them
	 * @throws IOException when the request itself could not be read
	 */
	public <T> CsvImportResult run(InputStream body, String contentType, String mode, List<EntryField> fields,
			List<String> moreColumns, EntryRequestReader reader, BiFunction<EntryValues, EntryCsv.Row, T> toDraft,
			ToIntFunction<List<T>> store) throws IOException {
		boolean partial = CsvImports.partialMode(mode);
		acquire();
		try {
			CsvImports.Checked<T> checked = CsvImports.check(body, contentType, fields, moreColumns, this.maxRows,
					reader, partial, toDraft);
			return CsvImportResult.of(store.applyAsInt(checked.accepted()), checked);
		}
		finally {
			this.running.release();
		}
	}

	private void acquire() {
		boolean acquired;
		try {
			acquired = this.running.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
					"Other CSV imports are running; please retry in a minute");
		}
	}

}
