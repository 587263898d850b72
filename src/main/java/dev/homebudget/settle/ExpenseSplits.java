package dev.homebudget.settle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.homebudget.auth.AuthMode;
import dev.homebudget.auth.CurrentUser;
import dev.homebudget.auth.SignedInUser;
import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.ledger.EntrySql;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores and reads who entered, who paid and for whom each expense is. Only in sign-in
 * mode on PostgreSQL alone (phase P3): single-user mode has no members, and the JSON
 * files of the earlier phases have no place for them, so there the fields may only be
 * null or absent. Callers run {@link #apply} in the transaction that wrote the expense.
 */
@Component
public class ExpenseSplits {

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final CurrentHousehold household;

	ExpenseSplits(JdbcClient jdbc, CurrentUser currentUser, CurrentHousehold household) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.household = household;
	}

	/**
	 * Whether expenses carry payers and shares here: a fact of the auth mode and the
	 * storage phase, fixed at startup (expenses choose their payer behaviour from it
	 * once).
	 */
	public boolean active() {
		return this.currentUser.mode() == AuthMode.SIGN_IN && !this.household.jsonEra();
	}

	/**
	 * Writes the payer, beneficiary and shares of an expense that was just created or
	 * changed in {@code household}.
	 * @param before the amount before the change (null on create)
	 * @param after the amount now
	 * @param bumpVersion whether to count this as a change of its own (no other field
	 * changed)
	 * @return the stored split
	 * @throws RequestValidationException (422) for a non-member, or shares that do not
	 * sum to the amount
	 */
	public Split apply(int household, int expenseId, BigDecimal before, BigDecimal after, SplitRequest request,
			boolean bumpVersion) {
		boolean creating = before == null;
		Split current = creating ? Split.UNKNOWN
				: of(household, List.of(expenseId)).getOrDefault(expenseId, Split.UNKNOWN);
		boolean amountChanged = !creating && before.compareTo(after) != 0;
		if (!creating && !request.any() && (!amountChanged || current.paidBy() == null)) {
			return current;
		}
		Integer caller = this.currentUser.get().map(SignedInUser::id).orElse(null);
		Set<Integer> members = members(household);
		Set<Integer> sharing = sharingMembers(household);
		List<ValidationIssue> issues = new ArrayList<>();
		Integer paidBy = request.paidByGiven() ? request.paidBy() : (creating ? caller : current.paidBy());
		if (paidBy != null && !members.contains(paidBy)) {
			issues.add(notMember(SplitRequest.PAID_BY, paidBy));
		}
		Integer forWhom = null;
		List<Share> shares;
		if (request.shares() != null) {
			shares = customShares(request.shares(), after, members, issues);
		}
		else if (request.forWhomGiven()) {
			forWhom = request.forWhom();
			if (forWhom != null && !members.contains(forWhom)) {
				issues.add(notMember(SplitRequest.FOR_WHOM, forWhom));
			}
			shares = (forWhom != null) ? List.of(new Share(forWhom, after)) : EqualSplit.of(after, sharing);
		}
		else if (!creating && !current.shares().isEmpty()) {
			forWhom = current.forWhom();
			shares = followAmount(current, before, after, issues);
		}
		else {
			shares = EqualSplit.of(after, sharing);
		}
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		Integer enteredBy = this.jdbc.sql("""
				UPDATE expenses SET paid_by = :paidBy, for_whom = :forWhom,
				    entered_by = CASE WHEN :creating THEN :caller ELSE entered_by END,
				    version = version + :bump
				WHERE household_id = :household AND id = :id RETURNING entered_by""")
			.param("paidBy", paidBy, java.sql.Types.INTEGER)
			.param("forWhom", forWhom, java.sql.Types.INTEGER)
			.param("creating", creating)
			.param("caller", caller, java.sql.Types.INTEGER)
			.param("bump", bumpVersion ? 1 : 0)
			.param("household", household)
			.param("id", expenseId)
			.query((rs, row) -> (Integer) rs.getObject(1))
			.optional()
			.orElse(null);
		this.jdbc.sql("DELETE FROM expense_shares WHERE expense_id = :id").param("id", expenseId).update();
		for (Share share : shares) {
			this.jdbc.sql("INSERT INTO expense_shares (expense_id, user_id, amount) VALUES (:id, :user, :amount)")
				.param("id", expenseId)
				.param("user", share.userId())
				.param("amount", share.amount())
				.update();
		}
		return new Split(enteredBy, paidBy, forWhom, shares);
	}

	/** An expense just created, with the payer fields it was created with. */
	public record Created(int expenseId, BigDecimal amount, SplitRequest request) {

	}

	/**
	 * {@link #apply} for expenses just created in {@code household}, all at once: the
	 * same payers, shares and checks, with the members read once and one statement each
	 * for the payers and the shares (a schedule posting a year of occurrences, an
	 * import).
	 * @return the stored splits, in the order given
	 * @throws RequestValidationException (422) as {@link #apply}, for the first expense
	 * refused
	 */
	public List<Split> applyToCreated(int household, List<Created> created) {
		if (created.isEmpty()) {
			return List.of();
		}
		Integer caller = this.currentUser.get().map(SignedInUser::id).orElse(null);
		Set<Integer> members = members(household);
		Set<Integer> sharing = sharingMembers(household);
		List<Split> splits = new ArrayList<>(created.size());
		for (Created expense : created) {
			SplitRequest request = expense.request();
			List<ValidationIssue> issues = new ArrayList<>();
			Integer paidBy = request.paidByGiven() ? request.paidBy() : caller;
			if (paidBy != null && !members.contains(paidBy)) {
				issues.add(notMember(SplitRequest.PAID_BY, paidBy));
			}
			Integer forWhom = null;
			List<Share> shares;
			if (request.shares() != null) {
				shares = customShares(request.shares(), expense.amount(), members, issues);
			}
			else if (request.forWhomGiven()) {
				forWhom = request.forWhom();
				if (forWhom != null && !members.contains(forWhom)) {
					issues.add(notMember(SplitRequest.FOR_WHOM, forWhom));
				}
				shares = (forWhom != null) ? List.of(new Share(forWhom, expense.amount()))
						: EqualSplit.of(expense.amount(), sharing);
			}
			else {
				shares = EqualSplit.of(expense.amount(), sharing);
			}
			if (!issues.isEmpty()) {
				throw new RequestValidationException(issues);
			}
			splits.add(new Split(caller, paidBy, forWhom, shares));
		}
		Integer[] ids = new Integer[created.size()];
		Integer[] payers = new Integer[created.size()];
		Integer[] beneficiaries = new Integer[created.size()];
		List<Integer> shareExpenses = new ArrayList<>();
		List<Integer> shareUsers = new ArrayList<>();
		List<BigDecimal> shareAmounts = new ArrayList<>();
		for (int i = 0; i < ids.length; i++) {
			ids[i] = created.get(i).expenseId();
			payers[i] = splits.get(i).paidBy();
			beneficiaries[i] = splits.get(i).forWhom();
			for (Share share : splits.get(i).shares()) {
				shareExpenses.add(ids[i]);
				shareUsers.add(share.userId());
				shareAmounts.add(share.amount());
			}
		}
		this.jdbc.sql("""
				UPDATE expenses e SET paid_by = u.paid_by, for_whom = u.for_whom, entered_by = :caller
				FROM unnest(:ids, :paidBy, :forWhom) AS u(id, paid_by, for_whom)
				WHERE e.household_id = :household AND e.id = u.id""")
			.param("caller", caller, java.sql.Types.INTEGER)
			.param("ids", EntrySql.integerArray(List.of(ids)))
			.param("paidBy", EntrySql.integerArray(java.util.Arrays.asList(payers)))
			.param("forWhom", EntrySql.integerArray(java.util.Arrays.asList(beneficiaries)))
			.param("household", household)
			.update();
		if (!shareExpenses.isEmpty()) {
			this.jdbc.sql("""
					INSERT INTO expense_shares (expense_id, user_id, amount)
					SELECT u.expense_id, u.user_id, u.amount
					FROM unnest(:expenses, :users, :amounts::numeric[]) AS u(expense_id, user_id, amount)""")
				.param("expenses", EntrySql.integerArray(shareExpenses))
				.param("users", EntrySql.integerArray(shareUsers))
				.param("amounts", EntrySql.numericArray(shareAmounts))
				.update();
		}
		return splits;
	}

	/**
	 * What {@link #apply} would refuse when creating an expense of {@code amount} with
	 * {@code request} (non-members, duplicate or mis-summed shares), without writing.
	 */
	public List<ValidationIssue> problems(int household, BigDecimal amount, SplitRequest request) {
		Set<Integer> members = members(household);
		List<ValidationIssue> issues = new ArrayList<>();
		if (request.paidBy() != null && !members.contains(request.paidBy())) {
			issues.add(notMember(SplitRequest.PAID_BY, request.paidBy()));
		}
		if (request.shares() != null) {
			customShares(request.shares(), amount, members, issues);
		}
		else if (request.forWhom() != null && !members.contains(request.forWhom())) {
			issues.add(notMember(SplitRequest.FOR_WHOM, request.forWhom()));
		}
		return issues;
	}

	/**
	 * The shares after the amount changed without new shares: one beneficiary takes the
	 * whole amount, an equal split is split again among the same members, and a custom
	 * split cannot be guessed (422: send shares).
	 */
	private static List<Share> followAmount(Split current, BigDecimal before, BigDecimal after,
			List<ValidationIssue> issues) {
		if (before.compareTo(after) == 0) {
			return current.shares();
		}
		if (current.forWhom() != null) {
			return List.of(new Share(current.forWhom(), after));
		}
		List<Integer> users = current.shares().stream().map(Share::userId).toList();
		if (current.shares().equals(EqualSplit.of(before, users))) {
			return EqualSplit.of(after, users);
		}
		issues.add(new ValidationIssue("value_error", List.of("body", SplitRequest.SHARES),
				"Value error, this expense has custom shares; send shares that sum to the new amount", null, null));
		return List.of();
	}

	private static List<Share> customShares(List<Share> requested, BigDecimal amount, Set<Integer> members,
			List<ValidationIssue> issues) {
		Set<Integer> seen = new HashSet<>();
		BigDecimal sum = BigDecimal.ZERO;
		for (Share share : requested) {
			if (!members.contains(share.userId())) {
				issues.add(notMember(SplitRequest.SHARES, share.userId()));
			}
			// a share is a part of the amount: never nothing, never the other way round
			// (which would move debt between members with no expense behind it)
			if (share.amount().signum() == 0 || (share.amount().signum() != amount.signum())) {
				issues.add(new ValidationIssue("value_error", List.of("body", SplitRequest.SHARES),
						(amount.signum() < 0)
								? "Value error, each share of a negative amount (a refund) must be less than 0"
								: "Value error, each share must be greater than 0",
						share.amount().toPlainString(), null));
			}
			if (!seen.add(share.userId())) {
				issues.add(new ValidationIssue("value_error", List.of("body", SplitRequest.SHARES),
						"Value error, user " + share.userId() + " has more than one share", share.userId(), null));
			}
			sum = sum.add(share.amount());
		}
		if (sum.compareTo(amount) != 0) {
			issues.add(new ValidationIssue("value_error", List.of("body", SplitRequest.SHARES),
					"Value error, shares must sum to the amount exactly: they sum to " + sum.toPlainString()
							+ ", the amount is " + amount.toPlainString(),
					sum.toPlainString(), null));
		}
		return requested.stream()
			.map((share) -> new Share(share.userId(), share.amount().setScale(2)))
			.sorted(Comparator.comparingInt(Share::userId))
			.toList();
	}

	private static ValidationIssue notMember(String field, int userId) {
		return new ValidationIssue("value_error", List.of("body", field),
				"Value error, user " + userId + " is not a member of this household", userId, null);
	}

	/** The user ids of a household's members (any role). */
	public Set<Integer> members(int household) {
		return new HashSet<>(this.jdbc.sql("SELECT user_id FROM household_members WHERE household_id = :household")
			.param("household", household)
			.query(Integer.class)
			.list());
	}

	/**
	 * The members an expense shared by all is split among: owners and members. A viewer
	 * only reads the household (an accountant, say), so takes no share unless named.
	 */
	Set<Integer> sharingMembers(int household) {
		return new HashSet<>(this.jdbc
			.sql("SELECT user_id FROM household_members WHERE household_id = :household AND role <> 'viewer'")
			.param("household", household)
			.query(Integer.class)
			.list());
	}

	/** The splits of some of a household's expenses, by id (ids of others are absent). */
	public Map<Integer, Split> of(int household, Collection<Integer> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return load(household, " AND e.id = ANY(:ids)", ids);
	}

	/** The splits of every expense of a household, by id. */
	public Map<Integer, Split> ofHousehold(int household) {
		// rows nobody attributed are left out (they are Split.UNKNOWN), so a household of
		// older rows costs nothing to hold
		return load(household, " AND (e.paid_by IS NOT NULL OR e.entered_by IS NOT NULL OR e.for_whom IS NOT NULL)",
				null);
	}

	private Map<Integer, Split> load(int household, String condition, Collection<Integer> ids) {
		Map<Integer, List<Share>> shares = new HashMap<>();
		var sharesQuery = this.jdbc.sql("""
				SELECT s.expense_id, s.user_id, s.amount FROM expense_shares s JOIN expenses e ON e.id = s.expense_id
				WHERE e.household_id = :household""" + condition + " ORDER BY s.expense_id, s.user_id")
			.param("household", household);
		var rowsQuery = this.jdbc
			.sql("SELECT e.id, e.entered_by, e.paid_by, e.for_whom FROM expenses e WHERE e.household_id = :household"
					+ condition)
			.param("household", household);
		if (ids != null) {
			sharesQuery = sharesQuery.param("ids", EntrySql.integerArray(ids));
			rowsQuery = rowsQuery.param("ids", EntrySql.integerArray(ids));
		}
		sharesQuery.query((rs) -> {
			shares.computeIfAbsent(rs.getInt(1), (id) -> new ArrayList<>())
				.add(new Share(rs.getInt(2), rs.getBigDecimal(3)));
		});
		Map<Integer, Split> splits = new HashMap<>();
		rowsQuery.query((rs) -> {
			int id = rs.getInt(1);
			splits.put(id, new Split((Integer) rs.getObject(2), (Integer) rs.getObject(3), (Integer) rs.getObject(4),
					List.copyOf(shares.getOrDefault(id, List.of()))));
		});
		return splits;
	}

}
