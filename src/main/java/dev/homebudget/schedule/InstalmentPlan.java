package dev.homebudget.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A total paid in {@code count} payments, cent-exact: the payments sum to the total. The
 * first payment is {@code first} when given; the others (all of them when it is not) are
 * the rest divided evenly, the cents that do not divide going one each to the earliest,
 * so two of them differ by at most one cent.
 */
record InstalmentPlan(BigDecimal total, int count, BigDecimal first) {

	/** Payments a plan may have. */
	static final int MAX_COUNT = 360;

	InstalmentPlan {
		total = total.setScale(2, RoundingMode.UNNECESSARY);
		first = (first != null) ? first.setScale(2, RoundingMode.UNNECESSARY) : null;
		if (count < 1 || count > MAX_COUNT) {
			throw new IllegalArgumentException("count is 1 to " + MAX_COUNT);
		}
		if (total.signum() <= 0) {
			throw new IllegalArgumentException("total must be above zero");
		}
		if (first != null) {
			if (first.signum() <= 0 || (count > 1 && first.compareTo(total) >= 0)
					|| (count == 1 && first.compareTo(total) != 0)) {
				throw new IllegalArgumentException("first_amount must be above zero and below the total");
			}
			if (count > 1 && total.subtract(first).movePointRight(2).longValueExact() < count - 1) {
				throw new IllegalArgumentException(
						"what is left after the first payment is less than a cent a payment");
			}
		}
		else if (total.movePointRight(2).longValueExact() < count) {
			throw new IllegalArgumentException("the total is less than a cent a payment");
		}
	}

	/** Payment {@code seq} (1 to count). */
	BigDecimal amount(int seq) {
		if (seq < 1 || seq > this.count) {
			throw new IllegalArgumentException("no payment " + seq + " of " + this.count);
		}
		if (this.first != null && seq == 1) {
			return this.first;
		}
		long cents = ((this.first != null) ? this.total.subtract(this.first) : this.total).movePointRight(2)
			.longValueExact();
		int payments = (this.first != null) ? this.count - 1 : this.count;
		int index = (this.first != null) ? seq - 2 : seq - 1;
		long base = cents / payments;
		long extra = cents % payments;
		return BigDecimal.valueOf(base + ((index < extra) ? 1 : 0), 2);
	}

}
