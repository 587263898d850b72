package dev.homebudget.settle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Equal splits in cents: for many generated amounts and member sets (fixed seed), the
 * shares sum to the amount exactly, differ by at most a cent, give the extra cents to the
 * lowest ids, and do not depend on the order the members are given in.
 */
class EqualSplitTests {

	@Test
	void sharesAlwaysSumToTheAmountExactly() {
		Random random = new Random(20261124L);
		int cases = 5000;
		for (int i = 0; i < cases; i++) {
			long cents = (i % 10 == 0) ? random.nextInt(20) - 5 : random.nextLong(-10_000_000_000L, 10_000_000_000L);
			BigDecimal amount = BigDecimal.valueOf(cents, 2);
			int count = 1 + random.nextInt(12);
			List<Integer> members = new ArrayList<>();
			while (members.size() < count) {
				int id = 1 + random.nextInt(1000);
				if (!members.contains(id)) {
					members.add(id);
				}
			}
			List<Share> shares = EqualSplit.of(amount, members);
			assertThat(shares).hasSize(count);
			BigDecimal sum = shares.stream().map(Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(sum).as("case %d: %s among %s", i, amount, members).isEqualByComparingTo(amount);
			assertThat(shares).allSatisfy((share) -> assertThat(share.amount().scale()).isEqualTo(2));
			List<Integer> ids = shares.stream().map(Share::userId).toList();
			assertThat(ids).isSorted().containsExactlyInAnyOrderElementsOf(members);
			BigDecimal max = shares.stream().map(Share::amount).max(BigDecimal::compareTo).orElseThrow();
			BigDecimal min = shares.stream().map(Share::amount).min(BigDecimal::compareTo).orElseThrow();
			assertThat(max.subtract(min)).isLessThanOrEqualTo(new BigDecimal("0.01"));
			for (int k = 1; k < shares.size(); k++) {
				assertThat(shares.get(k - 1).amount()).isGreaterThanOrEqualTo(shares.get(k).amount());
			}
			List<Integer> shuffled = new ArrayList<>(members);
			Collections.shuffle(shuffled, random);
			assertThat(EqualSplit.of(amount, shuffled)).isEqualTo(shares);
		}
	}

	@Test
	void theRemainderGoesToTheLowestIds() {
		assertThat(EqualSplit.of(new BigDecimal("100.00"), List.of(9, 3, 5))).containsExactly(
				new Share(3, new BigDecimal("33.34")), new Share(5, new BigDecimal("33.33")),
				new Share(9, new BigDecimal("33.33")));
		assertThat(EqualSplit.of(new BigDecimal("-0.05"), List.of(2, 1)))
			.containsExactly(new Share(1, new BigDecimal("-0.02")), new Share(2, new BigDecimal("-0.03")));
		assertThatIllegalArgumentException().isThrownBy(() -> EqualSplit.of(BigDecimal.ONE, List.of()));
	}

	@Test
	void transfersClearEveryNetWithAtMostOneFewerThanTheMembers() {
		Random random = new Random(7L);
		for (int i = 0; i < 1000; i++) {
			int count = 1 + random.nextInt(8);
			List<Balances.MemberBalance> members = new ArrayList<>();
			long total = 0;
			for (int m = 1; m < count; m++) {
				long cents = random.nextLong(-100_000, 100_000);
				total += cents;
				members.add(member(m, cents));
			}
			members.add(member(count, -total));
			List<Balances.Transfer> transfers = Balances.transfers(members);
			long nonZero = members.stream().filter((member) -> member.net().signum() != 0).count();
			assertThat(transfers.size()).isLessThanOrEqualTo((int) Math.max(0, nonZero - 1));
			for (Balances.MemberBalance member : members) {
				BigDecimal after = member.net();
				for (Balances.Transfer transfer : transfers) {
					assertThat(transfer.amount().signum()).isPositive();
					if (transfer.fromUser() == member.userId()) {
						after = after.add(transfer.amount());
					}
					if (transfer.toUser() == member.userId()) {
						after = after.subtract(transfer.amount());
					}
				}
				assertThat(after).as("case %d member %d", i, member.userId()).isEqualByComparingTo("0");
			}
		}
	}

	private static Balances.MemberBalance member(int id, long cents) {
		BigDecimal zero = BigDecimal.ZERO.setScale(2);
		return new Balances.MemberBalance(id, "u" + id, zero, zero, zero, zero, BigDecimal.valueOf(cents, 2));
	}

}
