package dev.homebudget.settle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits an amount into equal shares in cents. The cents that do not divide evenly go one
 * each to the members with the lowest ids, so the shares always sum to the amount exactly
 * and the same members and amount always give the same shares.
 */
public final class EqualSplit {

	private EqualSplit() {
	}

	/**
	 * @param amount at most two decimals
	 * @param members at least one user id
	 * @return one share per distinct member, by ascending id
	 */
	public static List<Share> of(BigDecimal amount, Collection<Integer> members) {
		List<Integer> ids = members.stream().distinct().sorted().toList();
		if (ids.isEmpty()) {
			throw new IllegalArgumentException("An amount is split among at least one member");
		}
		long cents = amount.movePointRight(2).longValueExact();
		long base = Math.floorDiv(cents, ids.size());
		long remainder = Math.floorMod(cents, ids.size());
		List<Share> shares = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			long part = base + ((i < remainder) ? 1 : 0);
			shares.add(new Share(ids.get(i), BigDecimal.valueOf(part, 2)));
		}
		return shares;
	}

}
