package dev.homebudget.settle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.auth.CurrentUser;
import dev.homebudget.auth.SignedInUser;
import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.household.HouseholdRole;
import dev.homebudget.ledger.EntryDates;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.PageRequest;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.SignedCursor;
import dev.homebudget.database.SingleStatement;
import dev.homebudget.web.ValidationIssue;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who owes whom in the current household, and the settle-up transfers that move it. A
 * member's net is what they paid, minus their shares, plus what they paid back, minus
 * what they were paid back: positive means the others owe them. Expenses of unknown payer
 * (every row from before payers existed) count for nobody.
 */
@Service
public class Balances {

	static final String NOT_FOUND = "Settlement not found";

	private final JdbcClient jdbc;

	private final CurrentHousehold household;

	private final CurrentUser currentUser;

	private final ExpenseSplits splits;

	Balances(JdbcClient jdbc, CurrentHousehold household, CurrentUser currentUser, ExpenseSplits splits) {
		this.jdbc = jdbc;
		this.household = household;
		this.currentUser = currentUser;
		this.splits = splits;
	}

	/** One member's side of the balance. */
	public record MemberBalance(@JsonProperty("user_id") int userId, String username, BigDecimal paid, BigDecimal share,
			@JsonProperty("settled_out") BigDecimal settledOut, @JsonProperty("settled_in") BigDecimal settledIn,
			BigDecimal net) {

	}

	/** A payment that, made, clears part of the balance. */
	public record Transfer(@JsonProperty("from_user") int fromUser, @JsonProperty("to_user") int toUser,
			BigDecimal amount) {

	}

	public record Balance(@JsonProperty("household_id") int householdId, List<MemberBalance> members,
			List<Transfer> transfers) {

	}

	public record Settlement(int id, @JsonProperty("from_user") int fromUser, @JsonProperty("to_user") int toUser,
			BigDecimal amount, LocalDate date, String notes, @JsonProperty("created_by") Integer createdBy,
			@JsonProperty("created_at") OffsetDateTime createdAt) {

	}

	/**
	 * What a member paid and what was theirs, over a date range (null bounds are open).
	 */
	public record MemberTotal(@JsonProperty("user_id") Integer userId, String username, BigDecimal paid,
			BigDecimal share, long count) {

	}

	/**
	 * The current household's balance, members by id, with the transfers that clear it.
	 */
	@Transactional(readOnly = true)
	public Balance balance() {
		int household = readable();
		List<MemberBalance> members = this.jdbc.sql("""
				WITH people AS (
				    SELECT user_id FROM household_members WHERE household_id = :household
				    UNION SELECT paid_by FROM expenses WHERE household_id = :household AND paid_by IS NOT NULL
				    UNION SELECT s.user_id FROM expense_shares s JOIN expenses e ON e.id = s.expense_id
				          WHERE e.household_id = :household AND e.paid_by IS NOT NULL
				    UNION SELECT from_user FROM settlements WHERE household_id = :household
				    UNION SELECT to_user FROM settlements WHERE household_id = :household)
				SELECT p.user_id, u.username,
				    coalesce((SELECT sum(amount) FROM expenses
				              WHERE household_id = :household AND paid_by = p.user_id), 0) AS paid,
				    coalesce((SELECT sum(s.amount) FROM expense_shares s JOIN expenses e ON e.id = s.expense_id
				              WHERE e.household_id = :household AND e.paid_by IS NOT NULL AND s.user_id = p.user_id), 0)
				              AS share,
				    coalesce((SELECT sum(amount) FROM settlements
				              WHERE household_id = :household AND from_user = p.user_id), 0) AS settled_out,
				    coalesce((SELECT sum(amount) FROM settlements
				              WHERE household_id = :household AND to_user = p.user_id), 0) AS settled_in
				FROM people p JOIN users u ON u.id = p.user_id ORDER BY p.user_id""")
			.param("household", household)
			.query((rs, row) -> {
				BigDecimal paid = rs.getBigDecimal("paid");
				BigDecimal share = rs.getBigDecimal("share");
				BigDecimal out = rs.getBigDecimal("settled_out");
				BigDecimal in = rs.getBigDecimal("settled_in");
				return new MemberBalance(rs.getInt("user_id"), rs.getString("username"), cents(paid), cents(share),
						cents(out), cents(in), cents(paid.subtract(share).add(out).subtract(in)));
			})
			.list();
		return new Balance(household, members, transfers(members));
	}

	/**
	 * Transfers that bring every net to zero: the largest debt is paid to the largest
	 * credit first, so there are at most one fewer transfers than members with a non-zero
	 * net.
	 */
	static List<Transfer> transfers(List<MemberBalance> members) {
		Comparator<long[]> largestFirst = Comparator.<long[]>comparingLong((entry) -> -entry[1])
			.thenComparingLong((entry) -> entry[0]);
		List<long[]> debtors = new ArrayList<>();
		List<long[]> creditors = new ArrayList<>();
		for (MemberBalance member : members) {
			long cents = member.net().movePointRight(2).longValueExact();
			if (cents < 0) {
				debtors.add(new long[] { member.userId(), -cents });
			}
			else if (cents > 0) {
				creditors.add(new long[] { member.userId(), cents });
			}
		}
		debtors.sort(largestFirst);
		creditors.sort(largestFirst);
		List<Transfer> transfers = new ArrayList<>();
		int d = 0;
		int c = 0;
		while (d < debtors.size() && c < creditors.size()) {
			long[] debtor = debtors.get(d);
			long[] creditor = creditors.get(c);
			long amount = Math.min(debtor[1], creditor[1]);
			transfers.add(new Transfer((int) debtor[0], (int) creditor[0], BigDecimal.valueOf(amount, 2)));
			debtor[1] -= amount;
			creditor[1] -= amount;
			if (debtor[1] == 0) {
				d++;
			}
			if (creditor[1] == 0) {
				c++;
			}
		}
		return transfers;
	}

	/** A page of settlements and the cursor of the next one (null on the last). */
	public record SettlementPage(List<Settlement> settlements, String next) {

	}

	/** The list name in settlement cursors. */
	static final String SETTLEMENTS = "settlements";

	/**
	 * A page of the current household's settlements, newest date first (then newest id).
	 */
	@SingleStatement
	public SettlementPage settlements(PageRequest page) {
		LocalDate afterDate = null;
		Integer afterId = null;
		if (page.after() != null) {
			try {
				afterDate = EntryDates.parse(page.after().get(0));
				afterId = Integer.parseInt(page.after().get(1));
			}
			catch (InvalidValue | NumberFormatException ex) {
				throw SignedCursor.invalid(null, "malformed cursor");
			}
		}
		List<Settlement> found = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM settlements WHERE household_id = :household"
					+ " AND (CAST(:afterDate AS date) IS NULL OR (date, id) < (CAST(:afterDate AS date), :afterId))"
					+ " ORDER BY date DESC, id DESC LIMIT :limit")
			.param("household", readable())
			.param("afterDate", afterDate, java.sql.Types.DATE)
			.param("afterId", afterId, java.sql.Types.INTEGER)
			.param("limit", page.limit() + 1)
			.query(Balances::settlement)
			.list();
		if (found.size() <= page.limit()) {
			return new SettlementPage(found, null);
		}
		List<Settlement> rows = found.subList(0, page.limit());
		Settlement last = rows.get(rows.size() - 1);
		return new SettlementPage(rows, PageRequest.cursor(SETTLEMENTS, last.date(), last.id()));
	}

	/**
	 * Records a transfer between two members of the current household.
	 * @throws RequestValidationException 422 when either is not a member, or they are the
	 * same
	 */
	@Transactional
	public Settlement settle(int fromUser, int toUser, BigDecimal amount, LocalDate date, String notes) {
		int household = writable();
		List<ValidationIssue> issues = new ArrayList<>();
		var members = this.splits.members(household);
		if (!members.contains(fromUser)) {
			issues.add(notMember("from_user", fromUser));
		}
		if (!members.contains(toUser)) {
			issues.add(notMember("to_user", toUser));
		}
		if (fromUser == toUser) {
			issues.add(new ValidationIssue("value_error", List.of("body", "to_user"),
					"Value error, a settlement is between two different members", toUser, null));
		}
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		Integer caller = this.currentUser.get().map(SignedInUser::id).orElse(null);
		if (!isOwner() && (caller == null || (caller != fromUser && caller != toUser))) {
			throw new ApiException(HttpStatus.FORBIDDEN,
					"A settlement is recorded by the member who paid, the member who was paid, or an owner");
		}
		return this.jdbc.sql("""
				INSERT INTO settlements (household_id, from_user, to_user, amount, date, notes, created_by)
				VALUES (:household, :from, :to, :amount, :date, :notes, :caller) RETURNING""" + " " + COLUMNS)
			.param("household", household)
			.param("from", fromUser)
			.param("to", toUser)
			.param("amount", amount)
			.param("date", date)
			.param("notes", notes, java.sql.Types.VARCHAR)
			.param("caller", caller, java.sql.Types.INTEGER)
			.query(Balances::settlement)
			.single();
	}

	/**
	 * Deletes one of the current household's settlements; 404 for any other id, 403 for a
	 * member who neither recorded it nor owns the household.
	 */
	@Transactional
	public void delete(int id) {
		int household = writable();
		Optional<Integer> createdBy = this.jdbc
			.sql("SELECT created_by FROM settlements WHERE household_id = :household AND id = :id FOR UPDATE")
			.param("household", household)
			.param("id", id)
			.query((rs, row) -> Optional.ofNullable((Integer) rs.getObject(1)))
			.optional()
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, NOT_FOUND));
		Integer caller = this.currentUser.get().map(SignedInUser::id).orElse(null);
		if (!isOwner() && (caller == null || !createdBy.equals(Optional.of(caller)))) {
			throw new ApiException(HttpStatus.FORBIDDEN,
					"A settlement is deleted by the member who recorded it, or an owner");
		}
		this.jdbc.sql("DELETE FROM settlements WHERE household_id = :household AND id = :id")
			.param("household", household)
			.param("id", id)
			.update();
	}

	/** Whether the caller owns the current household. */
	private boolean isOwner() {
		return this.household.membership().role() == HouseholdRole.OWNER;
	}

	/**
	 * Per member: the expenses they paid and their shares, over an inclusive date range;
	 * a last row with a null user holds the expenses of unknown payer.
	 */
	@Transactional(readOnly = true)
	public List<MemberTotal> totalsByMember(LocalDate from, LocalDate to) {
		int household = readable();
		String range = " AND (CAST(:from AS date) IS NULL OR e.date >= :from)"
				+ " AND (CAST(:to AS date) IS NULL OR e.date <= :to)";
		List<MemberTotal> totals = new ArrayList<>(this.jdbc.sql("""
				WITH paid AS (SELECT e.paid_by AS user_id, sum(e.amount) AS amount, count(*) AS n FROM expenses e
				              WHERE e.household_id = :household AND e.paid_by IS NOT NULL""" + range + """
				GROUP BY e.paid_by),
				    shared AS (SELECT s.user_id, sum(s.amount) AS amount FROM expense_shares s
				               JOIN expenses e ON e.id = s.expense_id
				               WHERE e.household_id = :household AND e.paid_by IS NOT NULL""" + range + """
				 GROUP BY s.user_id)
				SELECT u.id, u.username, coalesce(p.amount, 0) AS paid, coalesce(s.amount, 0) AS share,
				       coalesce(p.n, 0) AS n
				FROM users u LEFT JOIN paid p ON p.user_id = u.id LEFT JOIN shared s ON s.user_id = u.id
				WHERE p.user_id IS NOT NULL OR s.user_id IS NOT NULL ORDER BY u.id""")
			.param("household", household)
			.param("from", from, java.sql.Types.DATE)
			.param("to", to, java.sql.Types.DATE)
			.query((rs, row) -> new MemberTotal(rs.getInt("id"), rs.getString("username"),
					cents(rs.getBigDecimal("paid")), cents(rs.getBigDecimal("share")), rs.getLong("n")))
			.list());
		this.jdbc
			.sql("SELECT coalesce(sum(e.amount), 0), count(*) FROM expenses e"
					+ " WHERE e.household_id = :household AND e.paid_by IS NULL" + range)
			.param("household", household)
			.param("from", from, java.sql.Types.DATE)
			.param("to", to, java.sql.Types.DATE)
			.query((rs, row) -> new MemberTotal(null, null, cents(rs.getBigDecimal(1)), null, rs.getLong(2)))
			.optional()
			.filter((unknown) -> unknown.count() > 0)
			.ifPresent(totals::add);
		return totals;
	}

	private int readable() {
		requireActive();
		return this.household.forReading();
	}

	private int writable() {
		requireActive();
		return this.household.forWriting();
	}

	private void requireActive() {
		if (!this.splits.active()) {
			throw new ApiException(HttpStatus.CONFLICT,
					"Balances and settlements are between members: they need sign-in mode and storage phase P3");
		}
	}

	private static final String COLUMNS = "id, from_user, to_user, amount, date, notes, created_by, created_at";

	private static Settlement settlement(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Settlement(rs.getInt("id"), rs.getInt("from_user"), rs.getInt("to_user"), rs.getBigDecimal("amount"),
				rs.getObject("date", LocalDate.class), rs.getString("notes"), (Integer) rs.getObject("created_by"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	private static ValidationIssue notMember(String field, int userId) {
		return new ValidationIssue("value_error", List.of("body", field),
				"Value error, user " + userId + " is not a member of this household", userId, null);
	}

	private static BigDecimal cents(BigDecimal value) {
		return value.setScale(2);
	}

}
