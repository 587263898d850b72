package dev.homebudget.schedule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.homebudget.settle.Share;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Instalment cents and the default split, as properties over random totals, counts and
 * weights: payments and shares sum to the total exactly, payments differ by at most a
 * cent (but a chosen first one), and shares follow the share rules (no zero share, the
 * amount's sign).
 */
class ScheduleInstalmentTests {

	private static final long SEED = 20261207L;

	@Test
	void paymentsSumToTheTotalAndDifferByAtMostACent() {
		Random random = new Random(SEED);
		for (int i = 0; i < 5_000; i++) {
			int count = 1 + random.nextInt(60);
			long cents = count + (long) (random.nextDouble() * 10_000_000L);
			BigDecimal total = BigDecimal.valueOf(cents, 2);
			BigDecimal first = null;
			if (count > 1 && random.nextBoolean()) {
				first = BigDecimal.valueOf(1 + random.nextInt((int) Math.min(cents - count + 1, Integer.MAX_VALUE)), 2);
			}
			InstalmentPlan plan = new InstalmentPlan(total, count, first);
			List<BigDecimal> payments = new ArrayList<>();
			for (int seq = 1; seq <= count; seq++) {
				payments.add(plan.amount(seq));
			}
			assertThat(payments.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as("%s", plan)
				.isEqualByComparingTo(total);
			List<BigDecimal> even = (first != null) ? payments.subList(1, count) : payments;
			if (first != null) {
				assertThat(payments.get(0)).isEqualByComparingTo(first);
			}
			if (!even.isEmpty()) {
				BigDecimal max = even.stream().max(BigDecimal::compareTo).orElseThrow();
				BigDecimal min = even.stream().min(BigDecimal::compareTo).orElseThrow();
				assertThat(max.subtract(min)).as("%s", plan).isLessThanOrEqualTo(new BigDecimal("0.01"));
				assertThat(min.signum()).isPositive();
				// the extra cents go to the earliest payments
				assertThat(even).isSortedAccordingTo((a, b) -> b.compareTo(a));
			}
		}
	}

	@Test
	void a1200PurchaseIn12PaymentsAndAnUnevenOne() {
		InstalmentPlan plan = new InstalmentPlan(new BigDecimal("1200"), 12, null);
		assertThat(plan.amount(1)).isEqualByComparingTo("100.00");
		assertThat(plan.amount(12)).isEqualByComparingTo("100.00");
		InstalmentPlan uneven = new InstalmentPlan(new BigDecimal("100.00"), 3, null);
		assertThat(List.of(uneven.amount(1), uneven.amount(2), uneven.amount(3)))
			.containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
		InstalmentPlan firstDifferent = new InstalmentPlan(new BigDecimal("1000.00"), 4, new BigDecimal("400.00"));
		assertThat(List.of(firstDifferent.amount(1), firstDifferent.amount(2), firstDifferent.amount(4)))
			.containsExactly(new BigDecimal("400.00"), new BigDecimal("200.00"), new BigDecimal("200.00"));
	}

	@Test
	void impossiblePlansAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InstalmentPlan(new BigDecimal("0.05"), 6, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InstalmentPlan(new BigDecimal("100"), 3, new BigDecimal("100")));
		assertThatIllegalArgumentException().isThrownBy(() -> new InstalmentPlan(new BigDecimal("100"), 0, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new InstalmentPlan(new BigDecimal("-1"), 2, null));
	}

	@Test
	void theDefaultSplitFollowsTheShareRules() {
		Random random = new Random(SEED);
		for (int i = 0; i < 5_000; i++) {
			int members = 1 + random.nextInt(5);
			Map<Integer, BigDecimal> weights = new java.util.HashMap<>();
			for (int m = 0; m < members; m++) {
				weights.put(1 + random.nextInt(1000), BigDecimal.valueOf(1 + random.nextInt(100_000), 2));
			}
			long cents = (long) (random.nextGaussian() * 100_000);
			BigDecimal amount = BigDecimal.valueOf(cents, 2);
			List<Share> shares = DefaultSplit.of(amount, weights);
			assertThat(shares.stream().map(Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
				.isEqualByComparingTo(amount);
			for (Share share : shares) {
				assertThat(share.amount().signum()).isEqualTo(amount.signum());
				assertThat(weights).containsKey(share.userId());
			}
			assertThat(shares).extracting(Share::userId).doesNotHaveDuplicates().isSorted();
		}
		assertThat(DefaultSplit.of(new BigDecimal("100.00"), Map.of(7, new BigDecimal("60"), 9, new BigDecimal("40"))))
			.containsExactly(new Share(7, new BigDecimal("60.00")), new Share(9, new BigDecimal("40.00")));
		// stated incomes of 5000 and 2500: two thirds and one third, cent-exact
		assertThat(
				DefaultSplit.of(new BigDecimal("100.00"), Map.of(1, new BigDecimal("5000"), 2, new BigDecimal("2500"))))
			.containsExactly(new Share(1, new BigDecimal("66.67")), new Share(2, new BigDecimal("33.33")));
		// a cent cannot be split: one member takes it, nobody gets a zero share
		assertThat(DefaultSplit.of(new BigDecimal("0.01"), Map.of(1, BigDecimal.ONE, 2, BigDecimal.ONE)))
			.containsExactly(new Share(1, new BigDecimal("0.01")));
	}

}
