package dev.homebudget.settle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.auth.CurrentUser;
import dev.homebudget.auth.SignedInUser;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.homebudget.currency.HouseholdCurrency;
import dev.homebudget.household.CurrentHousehold;
import io.swagger.v3.oas.annotations.media.Schema;
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

	private final HouseholdCurrency currency;

	Balances(JdbcClient jdbc, CurrentHousehold household, CurrentUser currentUser, ExpenseSplits splits,
			HouseholdCurrency currency) {
		this.currency = currency;
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

	/**
	 * The household's balance. With money in one currency (or none) the v1 body; with
	 * several, {@code by_currency} holds each currency's own balance and transfers (a
	 * transfer settles in its currency), and {@code members} and {@code transfers} are
	 * those balances converted into the base currency at today's rates ({@code rates}),
	 * or absent when a currency has no rate yet ({@code complete} false).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Balance(@JsonProperty("household_id") int householdId, List<MemberBalance> members,
			List<Transfer> transfers, String currency, Boolean complete, Map<String, BigDecimal> rates,
			@JsonProperty("by_currency") List<CurrencyBalance> byCurrency) {

		Balance(int householdId, List<MemberBalance> members, List<Transfer> transfers) {
			this(householdId, members, transfers, null, null, null, null);
		}

	}

	/** One currency's balance and the transfers that clear it, in that currency. */
	public record CurrencyBalance(String currency, List<MemberBalance> members, List<Transfer> transfers) {

	}

	public record Settlement(int id, @JsonProperty("from_user") int fromUser, @JsonProperty("to_user") int toUser,
			BigDecimal amount, String currency, LocalDate date, String notes,
			@JsonProperty("created_by") Integer createdBy, @JsonProperty("created_at") OffsetDateTime createdAt) {

	}

	/**
	 * What a member paid and what was theirs, over a date range (null bounds are open).
	 */
	public record MemberTotal(@JsonProperty("user_id") Integer userId, String username, BigDecimal paid,
			BigDecimal share, long count, @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
					description = "The currency of this row, when the range holds several") String currency) {

	}

	/**
	 * The current household's balance, members by id, with the transfers that clear it:
	 * per currency, since a debt in dollars is not settled in shekels.
	 */
	@Transactional(readOnly = true)
	public Balance balance() {
		int household = readable();
		Map<String, List<MemberBalance>> perCurrency = new TreeMap<>();
		List<Object[]> people = new ArrayList<>();
		this.jdbc.sql("""
				WITH people AS (
				    SELECT user_id FROM household_members WHERE household_id = :household
				    UNION SELECT paid_by FROM expenses WHERE household_id = :household AND paid_by IS NOT NULL
				    UNION SELECT s.user_id FROM expense_shares s JOIN expenses e ON e.id = s.expense_id
				          WHERE e.household_id = :household AND e.paid_by IS NOT NULL
				    UNION SELECT from_user FROM settlements WHERE household_id = :household
				    UNION SELECT to_user FROM settlements WHERE household_id = :household),
				money AS (
				    SELECT paid_by AS user_id, COALESCE(currency_code, 'XXX') AS currency, amount AS paid,
				           0 AS share, 0 AS settled_out, 0 AS settled_in
				    FROM expenses WHERE household_id = :household AND paid_by IS NOT NULL
				    UNION ALL
				    SELECT s.user_id, COALESCE(e.currency_code, 'XXX'), 0, s.amount, 0, 0
				    FROM expense_shares s JOIN expenses e ON e.id = s.expense_id
				    WHERE e.household_id = :household AND e.paid_by IS NOT NULL
				    UNION ALL
				    SELECT from_user, currency, 0, 0, amount, 0 FROM settlements WHERE household_id = :household
				    UNION ALL
				    SELECT to_user, currency, 0, 0, 0, amount FROM settlements WHERE household_id = :household)
				SELECT p.user_id, u.username, m.currency, coalesce(sum(m.paid), 0) AS paid,
				       coalesce(sum(m.share), 0) AS share, coalesce(sum(m.settled_out), 0) AS settled_out,
				       coalesce(sum(m.settled_in), 0) AS settled_in
				FROM people p JOIN users u ON u.id = p.user_id LEFT JOIN money m ON m.user_id = p.user_id
				GROUP BY p.user_id, u.username, m.currency ORDER BY p.user_id, m.currency""")
			.param("household", household)
			.query((org.springframework.jdbc.core.RowCallbackHandler) (rs) -> {
				people.add(new Object[] { rs.getInt("user_id"), rs.getString("username") });
				String currency = rs.getString("currency");
				if (currency != null) {
					BigDecimal paid = rs.getBigDecimal("paid");
					BigDecimal share = rs.getBigDecimal("share");
					BigDecimal out = rs.getBigDecimal("settled_out");
					BigDecimal in = rs.getBigDecimal("settled_in");
					perCurrency.computeIfAbsent(currency, (code) -> new ArrayList<>())
						.add(new MemberBalance(rs.getInt("user_id"), rs.getString("username"), cents(paid),
								cents(share), cents(out), cents(in),
								cents(paid.subtract(share).add(out).subtract(in))));
				}
			});
		// every person in every currency's balance, with zeros where they have nothing
		Map<Integer, String> everyone = new TreeMap<>();
		people.forEach((person) -> everyone.put((Integer) person[0], (String) person[1]));
		if (perCurrency.isEmpty()) {
			perCurrency.put(this.currency.base(), new ArrayList<>());
		}
		perCurrency.replaceAll((currency, members) -> complete(members, everyone));
		if (perCurrency.size() == 1) {
			List<MemberBalance> members = perCurrency.values().iterator().next();
			return new Balance(household, members, transfers(members));
		}
		List<CurrencyBalance> byCurrency = new ArrayList<>();
		perCurrency
			.forEach((currency, members) -> byCurrency.add(new CurrencyBalance(currency, members, transfers(members))));
		return converted(household, everyone, byCurrency);
	}

	/**
	 * The members of one currency's balance, with a zero row for everyone without one.
	 */
	private static List<MemberBalance> complete(List<MemberBalance> members, Map<Integer, String> everyone) {
		Map<Integer, MemberBalance> byId = new TreeMap<>();
		members.forEach((member) -> byId.put(member.userId(), member));
		BigDecimal zero = new BigDecimal("0.00");
		everyone.forEach(
				(id, username) -> byId.putIfAbsent(id, new MemberBalance(id, username, zero, zero, zero, zero, zero)));
		return List.copyOf(byId.values());
	}

	/**
	 * The balances of several currencies, and their sum in the base currency at today's
	 * rates when every currency has one (each net converted exactly, rounded once).
	 */
	private Balance converted(int household, Map<Integer, String> everyone, List<CurrencyBalance> byCurrency) {
		String base = this.currency.base();
		Map<String, BigDecimal> rates = new TreeMap<>();
		for (CurrencyBalance balance : byCurrency) {
			BigDecimal rate = this.jdbc.sql("SELECT fx_rate(:household, :from, :to, current_date)")
				.param("household", household)
				.param("from", balance.currency())
				.param("to", base)
				.query(BigDecimal.class)
				.optional()
				.orElse(null);
			if (rate == null) {
				return new Balance(household, null, null, base, false, null, byCurrency);
			}
			rates.put(balance.currency(), rate);
		}
		List<MemberBalance> members = new ArrayList<>();
		everyone.forEach((id, username) -> {
			BigDecimal[] sums = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
			for (CurrencyBalance balance : byCurrency) {
				BigDecimal rate = rates.get(balance.currency());
				balance.members().stream().filter((member) -> member.userId() == id).findFirst().ifPresent((member) -> {
					sums[0] = sums[0].add(member.paid().multiply(rate));
					sums[1] = sums[1].add(member.share().multiply(rate));
					sums[2] = sums[2].add(member.settledOut().multiply(rate));
					sums[3] = sums[3].add(member.settledIn().multiply(rate));
					sums[4] = sums[4].add(member.net().multiply(rate));
				});
			}
			members.add(new MemberBalance(id, username, round(sums[0]), round(sums[1]), round(sums[2]), round(sums[3]),
					round(sums[4])));
		});
		return new Balance(household, members, transfers(members), base, true, rates, byCurrency);
	}

	private static BigDecimal round(BigDecimal value) {
		return value.setScale(2, java.math.RoundingMode.HALF_UP);
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
	public Settlement settle(int fromUser, int toUser, BigDecimal amount, String currency, LocalDate date,
			String notes) {
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
		return this.jdbc
			.sql("""
					INSERT INTO settlements (household_id, from_user, to_user, amount, currency, date, notes, created_by)
					VALUES (:household, :from, :to, :amount, :currency, :date, :notes, :caller) RETURNING"""
					+ " " + COLUMNS)
			.param("household", household)
			.param("from", fromUser)
			.param("to", toUser)
			.param("amount", amount)
			.param("currency", (currency != null) ? currency : this.currency.base())
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
		String currency = "COALESCE(e.currency_code, 'XXX')";
		List<MemberTotal> totals = new ArrayList<>(this.jdbc.sql("""
				WITH paid AS (SELECT e.paid_by AS user_id,""" + " " + currency + """
				AS currency, sum(e.amount) AS amount, count(*) AS n FROM expenses e
				             WHERE e.household_id = :household AND e.paid_by IS NOT NULL""" + range + """
				GROUP BY 1, 2),
				    shared AS (SELECT s.user_id,""" + " " + currency + """
				AS currency, sum(s.amount) AS amount FROM expense_shares s
				              JOIN expenses e ON e.id = s.expense_id
				              WHERE e.household_id = :household AND e.paid_by IS NOT NULL""" + range + """
				 GROUP BY 1, 2)
				SELECT u.id, u.username, COALESCE(p.currency, s.currency) AS currency, coalesce(p.amount, 0) AS paid,
				       coalesce(s.amount, 0) AS share, coalesce(p.n, 0) AS n
				FROM paid p FULL JOIN shared s ON s.user_id = p.user_id AND s.currency = p.currency
				JOIN users u ON u.id = COALESCE(p.user_id, s.user_id) ORDER BY u.id, 3""")
			.param("household", household)
			.param("from", from, java.sql.Types.DATE)
			.param("to", to, java.sql.Types.DATE)
			.query((rs, row) -> new MemberTotal(rs.getInt("id"), rs.getString("username"),
					cents(rs.getBigDecimal("paid")), cents(rs.getBigDecimal("share")), rs.getLong("n"),
					rs.getString("currency")))
			.list());
		this.jdbc
			.sql("SELECT " + currency + " AS currency, sum(e.amount), count(*) FROM expenses e"
					+ " WHERE e.household_id = :household AND e.paid_by IS NULL" + range + " GROUP BY 1 ORDER BY 1")
			.param("household", household)
			.param("from", from, java.sql.Types.DATE)
			.param("to", to, java.sql.Types.DATE)
			.query((rs, row) -> new MemberTotal(null, null, cents(rs.getBigDecimal(2)), null, rs.getLong(3),
					rs.getString(1)))
			.list()
			.forEach(totals::add);
		// one currency: the v1 rows, which name none
		if (totals.stream().map(MemberTotal::currency).distinct().count() <= 1) {
			totals.replaceAll((total) -> new MemberTotal(total.userId(), total.username(), total.paid(), total.share(),
					total.count(), null));
		}
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

	private static final String COLUMNS = "id, from_user, to_user, amount, currency, date, notes, created_by, created_at";

	private static Settlement settlement(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Settlement(rs.getInt("id"), rs.getInt("from_user"), rs.getInt("to_user"), rs.getBigDecimal("amount"),
				rs.getString("currency"), rs.getObject("date", LocalDate.class), rs.getString("notes"),
				(Integer) rs.getObject("created_by"), rs.getObject("created_at", OffsetDateTime.class));
	}

	private static ValidationIssue notMember(String field, int userId) {
		return new ValidationIssue("value_error", List.of("body", field),
				"Value error, user " + userId + " is not a member of this household", userId, null);
	}

	private static BigDecimal cents(BigDecimal value) {
		return value.setScale(2);
	}

}
