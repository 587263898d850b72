package dev.homebudget.transition.transfer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.LedgerFile;

/**
 * What a ledger holds, in four numbers that two stores agree on only if they hold the
 * same records: the count, the exact sum of the amounts, the highest id, and a SHA-256
 * over the {@linkplain CanonicalEntry canonical rows} in id order.
 *
 * @param count the number of records
 * @param sum the sum of the amounts, with two decimals
 * @param maxId the highest id, 0 when there is none
 * @param sha256 the hash of the canonical rows in id order, in lower-case hex
 */
public record Fingerprint(long count, BigDecimal sum, int maxId, String sha256) {

	/** The fingerprint of records sorted by id. */
	public static Fingerprint of(LedgerFile ledger, List<JsonEntry> entriesById) {
		Accumulator accumulator = new Accumulator(ledger);
		entriesById.forEach(accumulator::add);
		return accumulator.result();
	}

	@Override
	public String toString() {
		return "count=" + this.count + " sum=" + this.sum.toPlainString() + " max_id=" + this.maxId + " sha256="
				+ this.sha256;
	}

	/**
	 * Takes records one by one in ascending id order, so that a table can be streamed.
	 */
	static final class Accumulator {

		private final LedgerFile ledger;

		private final MessageDigest digest;

		private final StringBuilder row = new StringBuilder(256);

		private long count;

		private BigDecimal sum = BigDecimal.ZERO.setScale(2);

		private int maxId;

		Accumulator(LedgerFile ledger) {
			this.ledger = ledger;
			try {
				this.digest = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("every Java runtime provides SHA-256", ex);
			}
		}

		void add(JsonEntry entry) {
			if (this.count > 0 && entry.id() <= this.maxId) {
				throw new IllegalArgumentException(
						"records must come in ascending id order: " + entry.id() + " after " + this.maxId);
			}
			this.row.setLength(0);
			CanonicalEntry.appendRow(this.row, this.ledger, entry, true);
			this.digest.update(this.row.toString().getBytes(StandardCharsets.UTF_8));
			this.count++;
			this.sum = this.sum.add(entry.amount());
			this.maxId = entry.id();
		}

		Fingerprint result() {
			return new Fingerprint(this.count, this.sum, this.maxId, HexFormat.of().formatHex(this.digest.digest()));
		}

	}

}
