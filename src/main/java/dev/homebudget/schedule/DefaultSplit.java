package dev.homebudget.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.homebudget.settle.Share;

/**
 * A household's default split of a shared expense: each member's weight (60/40, or their
 * stated incomes), turned into shares by the largest remainder, so the shares are whole
 * cents, sum to the amount exactly, and have the amount's sign. A member whose part
 * rounds to nothing gets no share (the share rules refuse a zero share).
 */
final class DefaultSplit {

	private DefaultSplit() {
	}

	/**
	 * @param amount at most two decimals
	 * @param weights member id to weight, each above zero; at least one
	 * @return shares by ascending member id, without zero shares
	 */
	static List<Share> of(BigDecimal amount, Map<Integer, BigDecimal> weights) {
		if (weights.isEmpty()) {
			throw new IllegalArgumentException("A split needs at least one member");
		}
		Map<Integer, BigDecimal> sorted = new TreeMap<>(weights);
		BigDecimal sum = sorted.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		long cents = amount.movePointRight(2).longValueExact();
		long magnitude = Math.abs(cents);
		List<long[]> parts = new ArrayList<>();
		long given = 0;
		List<Integer> ids = new ArrayList<>(sorted.keySet());
		List<BigDecimal> remainders = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			BigDecimal exact = BigDecimal.valueOf(magnitude)
				.multiply(sorted.get(ids.get(i)))
				.divide(sum, 10, RoundingMode.DOWN);
			long floor = exact.setScale(0, RoundingMode.DOWN).longValueExact();
			parts.add(new long[] { i, floor });
			remainders.add(exact.subtract(BigDecimal.valueOf(floor)));
			given += floor;
		}
		List<long[]> byRemainder = new ArrayList<>(parts);
		byRemainder.sort(Comparator.comparing((long[] p) -> remainders.get((int) p[0]))
			.reversed()
			.thenComparingLong((p) -> p[0]));
		for (int i = 0; given < magnitude; i++) {
			byRemainder.get(i % byRemainder.size())[1]++;
			given++;
		}
		List<Share> shares = new ArrayList<>();
		for (long[] part : parts) {
			if (part[1] != 0) {
				shares.add(new Share(ids.get((int) part[0]), BigDecimal.valueOf(Long.signum(cents) * part[1], 2)));
			}
		}
		return shares;
	}

}
