package dev.homebudget.transition.transfer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.LedgerFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The import's second thread: batches come out in order as the canonical COPY rows, and a
 * record it cannot encode fails the import with a sentence, leaving no thread behind.
 */
class BatchEncoderTests {

	@Test
	void givesTheBatchesInOrderAsCanonicalRows() {
		List<JsonEntry> entries = List.of(entry(1, "1.50"), entry(2, "2.00"), entry(5, "-3.10"), entry(9, "4"),
				entry(10, "0.01"));
		try (BatchEncoder encoder = new BatchEncoder(LedgerFile.EXPENSES, entries, 2, 1, 3)) {
			assertThat(text(encoder.next()))
				.isEqualTo(CanonicalEntry.rows(LedgerFile.EXPENSES, entries.subList(2, 4), true));
			assertThat(text(encoder.next()))
				.isEqualTo(CanonicalEntry.rows(LedgerFile.EXPENSES, entries.subList(4, 5), true));
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(encoder::next);
		}
		assertThat(liveEncoderThreads()).isZero();
	}

	@Test
	void aRecordItCannotEncodeFailsTheImportWithASentence() {
		// a third decimal cannot be written as a cent: the reading never lets one
		// through;
		// it stands for any failure on the encoding thread
		List<JsonEntry> entries = List.of(entry(1, "1.50"), entry(2, "2.00"), entry(3, "1.234"), entry(4, "4.00"));
		try (BatchEncoder encoder = new BatchEncoder(LedgerFile.EXPENSES, entries, 1, 0, 4)) {
			encoder.next();
			encoder.next();
			assertThatExceptionOfType(TransferException.class).isThrownBy(encoder::next)
				.withMessageStartingWith("The import stopped: the records of expenses.json could not be prepared")
				.withMessageEndingWith("run the import again to resume.")
				.withMessageNotContaining("java.")
				.withCauseInstanceOf(ArithmeticException.class);
		}
		assertThat(liveEncoderThreads()).isZero();
	}

	private static JsonEntry entry(int id, String amount) {
		return new JsonEntry(id, LocalDate.of(2025, 1, id), "Shop\t" + id, "Food", new BigDecimal(amount), "Cash",
				"\u20aa", (id % 2 == 0) ? null : "");
	}

	private static String text(byte[] rows) {
		return new String(rows, StandardCharsets.UTF_8);
	}

	private static long liveEncoderThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().equals(BatchEncoder.THREAD_NAME))
			.count();
	}

}
