package dev.homebudget.budget;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a category carries into the next period from what is available at the end of one.
 */
enum Carry {

	/** Nothing: a limit that resets each period. */
	NONE("none"),

	/** What is left, never an overspending. */
	SURPLUS("surplus"),

	/** What is left, and an overspending too (as a negative). */
	BOTH("both");

	private final String value;

	Carry(String value) {
		this.value = value;
	}

	String value() {
		return this.value;
	}

	static Optional<Carry> of(String value) {
		for (Carry carry : values()) {
			if (carry.value.equals(value)) {
				return Optional.of(carry);
			}
		}
		return Optional.empty();
	}

	/**
	 * What carries out of a period that ends with {@code available}, within the optional
	 * cap (the most that carries) and floor (the most negative that carries).
	 */
	BigDecimal carried(BigDecimal available, BigDecimal cap, BigDecimal floor) {
		BigDecimal carried = switch (this) {
			case NONE -> BigDecimal.ZERO;
			case SURPLUS -> available.max(BigDecimal.ZERO);
			case BOTH -> available;
		};
		if (cap != null && carried.compareTo(cap) > 0) {
			carried = cap;
		}
		if (floor != null && carried.compareTo(floor) < 0) {
			carried = floor;
		}
		return carried.setScale(2);
	}

}
