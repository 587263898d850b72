package dev.homebudget.budget;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.homebudget.ledger.Currencies;
import dev.homebudget.ledger.EntrySql;
import dev.homebudget.schedule.ScheduledExpenses;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The budget tables, and the spending they are compared with; one household per call. */
@Component
class BudgetStore {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private final JdbcClient jdbc;

	BudgetStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The household's period settings and their version (the ETag). */
	record Settings(int startDay, String weekendRule, int version) {

		BudgetPeriods periods() {
			return new BudgetPeriods(this.startDay, "friday_before".equals(this.weekendRule));
		}

	}

	/** A household's expense category, for the budget's rows. */
	record Category(int id, String name, Integer parentId, boolean archived) {

	}

	/** A stored plan line with its version. */
	record StoredLine(int categoryId, YearMonth period, BudgetMath.Line line, int version) {

	}

	/** One category's spending in one period, converted, and what could not be. */
	record Spent(int categoryId, int periodIndex, BigDecimal amount, long unconverted) {

	}

	Settings settings(int household) {
		return this.jdbc
			.sql("SELECT start_day, weekend_rule, version FROM budget_settings WHERE household_id = :household")
			.param("household", household)
			.query((rs, row) -> new Settings(rs.getInt(1), rs.getString(2), rs.getInt(3)))
			.optional()
			.orElse(new Settings(1, "none", 0));
	}

	/**
	 * Writes the settings if their version is one of {@code versions} (any when null).
	 */
	boolean putSettings(int household, int startDay, String weekendRule, List<Integer> versions) {
		// a household that never saved settings is at version 0
		if (versions != null && !versions.contains(settings(household).version())) {
			return false;
		}
		return this.jdbc
			.sql("""
					INSERT INTO budget_settings AS s (household_id, start_day, weekend_rule, version)
					VALUES (:household, :day, :rule, 1)
					ON CONFLICT (household_id) DO UPDATE SET start_day = EXCLUDED.start_day,
					    weekend_rule = EXCLUDED.weekend_rule, version = s.version + 1"""
					+ ((versions == null) ? "" : " WHERE s.version = ANY(:versions)"))
			.param("household", household)
			.param("day", startDay)
			.param("rule", weekendRule)
			.param("versions", (versions == null) ? EntrySql.integerArray(List.of()) : EntrySql.integerArray(versions))
			.update() == 1;
	}

	List<Category> categories(int household) {
		return this.jdbc.sql("""
				SELECT c.id, c.name, c.parent_id, c.archived FROM categories c
				LEFT JOIN categories p ON p.id = c.parent_id
				WHERE c.household_id = :household AND c.kind = 'expense'
				ORDER BY COALESCE(p.position, c.position), COALESCE(p.name_key, c.name_key), COALESCE(p.id, c.id),
				         c.parent_id IS NOT NULL, c.position, c.name_key, c.id""")
			.param("household", household)
			.query((rs, row) -> new Category(rs.getInt(1), rs.getString(2), (Integer) rs.getObject(3),
					rs.getBoolean(4)))
			.list();
	}

	/**
	 * The plan lines up to a period, by category and period: for a category with a kept
	 * period only those from that period on (what came before is in what was kept).
	 * @param categories every category asked for
	 */
	Map<Integer, Map<YearMonth, StoredLine>> lines(int household, YearMonth upTo, List<Integer> categories,
			Map<Integer, Kept> kept) {
		if (kept.isEmpty()) {
			return lines(household, upTo);
		}
		List<Integer> whole = categories.stream().filter((id) -> !kept.containsKey(id)).toList();
		Map<Integer, Map<YearMonth, StoredLine>> lines = new HashMap<>();
		// each category on its own index range, rather than every line filtered
		this.jdbc.sql("""
				SELECT l.category_id, l.period, l.assigned, l.carry, l.carry_cap, l.carry_floor, l.target_kind,
				       l.target_amount, l.target_date, l.member_id, l.version
				FROM unnest(CAST(:categories AS integer[]), CAST(:froms AS text[])) AS k(category_id, period)
				JOIN budget_lines l ON l.household_id = :household AND l.category_id = k.category_id
				                   AND l.period >= k.period AND l.period <= :period
				UNION ALL
				SELECT l.category_id, l.period, l.assigned, l.carry, l.carry_cap, l.carry_floor, l.target_kind,
				       l.target_amount, l.target_date, l.member_id, l.version
				FROM budget_lines l
				WHERE l.household_id = :household AND l.category_id = ANY(CAST(:whole AS integer[]))
				  AND l.period <= :period""")
			.param("household", household)
			.param("period", upTo.toString())
			.param("categories", EntrySql.integerArray(kept.values().stream().map(Kept::categoryId).toList()))
			.param("froms", array("text", kept.values().stream().map((k) -> k.period().toString()).toArray()))
			.param("whole", EntrySql.integerArray(whole))
			.query((RowCallbackHandler) (rs) -> {
				StoredLine line = line(rs);
				lines.computeIfAbsent(line.categoryId(), (id) -> new HashMap<>()).put(line.period(), line);
			});
		return lines;
	}

	/** Every plan line up to a period, by category and period. */
	Map<Integer, Map<YearMonth, StoredLine>> lines(int household, YearMonth upTo) {
		Map<Integer, Map<YearMonth, StoredLine>> lines = new HashMap<>();
		this.jdbc.sql("""
				SELECT category_id, period, assigned, carry, carry_cap, carry_floor, target_kind, target_amount,
				       target_date, member_id, version
				FROM budget_lines WHERE household_id = :household AND period <= :period""")
			.param("household", household)
			.param("period", upTo.toString())
			.query((RowCallbackHandler) (rs) -> {
				StoredLine line = line(rs);
				lines.computeIfAbsent(line.categoryId(), (id) -> new HashMap<>()).put(line.period(), line);
			});
		return lines;
	}

	Optional<StoredLine> line(int household, int category, YearMonth period) {
		return this.jdbc.sql("""
				SELECT category_id, period, assigned, carry, carry_cap, carry_floor, target_kind, target_amount,
				       target_date, member_id, version
				FROM budget_lines WHERE household_id = :household AND category_id = :category AND period = :period""")
			.param("household", household)
			.param("category", category)
			.param("period", period.toString())
			.query((rs, row) -> line(rs))
			.optional();
	}

	/** Writes a whole line and bumps its version (creating it at version 1). */
	void putLine(int household, int category, YearMonth period, BudgetMath.Line line) {
		BudgetMath.CarryRule carry = line.carry();
		BudgetMath.Target target = line.target();
		this.jdbc
			.sql("""
					INSERT INTO budget_lines AS l (household_id, category_id, period, assigned, carry, carry_cap, carry_floor,
					    target_kind, target_amount, target_date, member_id, version)
					VALUES (:household, :category, :period, :assigned, :carry, :cap, :floor, :kind, :amount, :date,
					    :member, 1)
					ON CONFLICT (household_id, category_id, period) DO UPDATE SET assigned = EXCLUDED.assigned,
					    carry = EXCLUDED.carry, carry_cap = EXCLUDED.carry_cap, carry_floor = EXCLUDED.carry_floor,
					    target_kind = EXCLUDED.target_kind, target_amount = EXCLUDED.target_amount,
					    target_date = EXCLUDED.target_date, member_id = EXCLUDED.member_id, version = l.version + 1""")
			.param("household", household)
			.param("category", category)
			.param("period", period.toString())
			.param("assigned", line.assigned(), Types.NUMERIC)
			.param("carry", (carry == null) ? null : carry.carry().value(), Types.VARCHAR)
			.param("cap", (carry == null) ? null : carry.cap(), Types.NUMERIC)
			.param("floor", (carry == null) ? null : carry.floor(), Types.NUMERIC)
			.param("kind", (target == null) ? null : target.kind(), Types.VARCHAR)
			.param("amount", (target == null) ? null : target.amount(), Types.NUMERIC)
			.param("date", (target == null) ? null : target.date(), Types.DATE)
			.param("member", line.member(), Types.INTEGER)
			.update();
	}

	/** The household's budget lock in PostgreSQL (see V14): "BUDG". */
	private static final int BUDGET_LOCK = 1112885844;

	/**
	 * Takes the household's budget lock exclusively if no writer holds it, for the rest
	 * of the transaction. Call it first, before any read: figures may be kept
	 * (budget_spent, budget_carry) only from reads that no change can have overtaken.
	 * @return whether this transaction may keep what it computes
	 */
	boolean mayKeep(int household) {
		return this.jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock, :household)")
			.param("lock", BUDGET_LOCK)
			.param("household", household)
			.query(Boolean.class)
			.single();
	}

	/**
	 * What a category carried into a kept period, with the rules in force entering it.
	 */
	record Kept(int categoryId, YearMonth period, BudgetMath.Start start) {

	}

	/**
	 * The latest kept period of each category, up to {@code period}, in {@code base}.
	 */
	Map<Integer, Kept> kept(int household, YearMonth period, String base) {
		Map<Integer, Kept> kept = new HashMap<>();
		this.jdbc.sql("""
				SELECT DISTINCT ON (category_id) category_id, period, carried_in, carry, carry_cap, carry_floor,
				       target_kind, target_amount, target_date
				FROM budget_carry WHERE household_id = :household AND base = :base AND period <= :period
				ORDER BY category_id, period DESC""")
			.param("household", household)
			.param("base", base)
			.param("period", period.toString())
			.query((RowCallbackHandler) (rs) -> {
				BudgetMath.Start start = new BudgetMath.Start(rs.getBigDecimal("carried_in"),
						new BudgetMath.CarryRule(Carry.of(rs.getString("carry")).orElseThrow(),
								rs.getBigDecimal("carry_cap"), rs.getBigDecimal("carry_floor")),
						new BudgetMath.Target(rs.getString("target_kind"), rs.getBigDecimal("target_amount"),
								rs.getObject("target_date", LocalDate.class)),
						0);
				kept.put(rs.getInt("category_id"),
						new Kept(rs.getInt("category_id"), YearMonth.parse(rs.getString("period")), start));
			});
		return kept;
	}

	/**
	 * Keeps what categories carry into periods (the caller holds the lock, see
	 * {@link #mayKeep}); a row already kept stays as it is.
	 */
	void keep(int household, String base, List<Kept> kept, List<LocalDate> periodStarts) {
		if (kept.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO budget_carry (household_id, category_id, period, base, period_start, carried_in, carry,
				    carry_cap, carry_floor, target_kind, target_amount, target_date)
				SELECT :household, k.category_id, k.period, :base, k.period_start, k.carried_in, k.carry, k.carry_cap,
				       k.carry_floor, k.target_kind, k.target_amount, k.target_date
				FROM unnest(CAST(:categories AS integer[]), CAST(:periods AS text[]), CAST(:starts AS date[]),
				            CAST(:carried AS numeric[]), CAST(:carries AS text[]), CAST(:caps AS numeric[]),
				            CAST(:floors AS numeric[]), CAST(:kinds AS text[]), CAST(:amounts AS numeric[]),
				            CAST(:dates AS date[]))
				     AS k(category_id, period, period_start, carried_in, carry, carry_cap, carry_floor, target_kind,
				          target_amount, target_date)
				ON CONFLICT (household_id, category_id, period, base) DO NOTHING""")
			.param("household", household)
			.param("base", base)
			.param("categories", EntrySql.integerArray(kept.stream().map(Kept::categoryId).toList()))
			.param("periods", array("text", kept.stream().map((k) -> k.period().toString()).toArray()))
			.param("starts", dates(periodStarts))
			.param("carried", array("numeric", kept.stream().map((k) -> k.start().carried()).toArray()))
			.param("carries", array("text", kept.stream().map((k) -> k.start().carry().carry().value()).toArray()))
			.param("caps", array("numeric", kept.stream().map((k) -> k.start().carry().cap()).toArray()))
			.param("floors", array("numeric", kept.stream().map((k) -> k.start().carry().floor()).toArray()))
			.param("kinds", array("text", kept.stream().map((k) -> k.start().target().kind()).toArray()))
			.param("amounts", array("numeric", kept.stream().map((k) -> k.start().target().amount()).toArray()))
			.param("dates",
					array("date",
							kept.stream()
								.map((k) -> (k.start().target().date() == null) ? null
										: java.sql.Date.valueOf(k.start().target().date()))
								.toArray()))
			.update();
	}

	/**
	 * Spending per category and period, each entry converted into {@code base} at the
	 * rate on or before its date; {@code starts} are the periods' first days in order,
	 * {@code end} the day after the last, and the answer's period index is 1 for the
	 * first. Periods already in budget_spent are read from there; the others are computed
	 * from the entries and, when no writer of the household is busy, stored there for the
	 * next read (a change to an entry or a rate deletes the rows it touches). Categories
	 * counting one member's share are left out here (see {@link #memberSpent}).
	 */
	List<Spent> spent(int household, List<Integer> categories, List<LocalDate> starts, LocalDate end, String base,
			boolean mayStore) {
		if (categories.isEmpty() || starts.isEmpty()) {
			return List.of();
		}
		List<LocalDate> ends = new ArrayList<>(starts.subList(1, starts.size()));
		ends.add(end);
		Map<Integer, Map<LocalDate, Spent>> stored = new HashMap<>();
		Map<LocalDate, Integer> index = new HashMap<>();
		for (int i = 0; i < starts.size(); i++) {
			index.put(starts.get(i), i + 1);
		}
		this.jdbc.sql("""
				SELECT category_id, period_start, period_end, spent, unconverted FROM budget_spent
				WHERE household_id = :household AND base = :base AND period_start >= :first AND period_start < :end
				  AND category_id = ANY(CAST(:categories AS integer[]))""")
			.param("household", household)
			.param("base", base)
			.param("first", starts.get(0))
			.param("end", end)
			.param("categories", EntrySql.integerArray(categories))
			.query((RowCallbackHandler) (rs) -> {
				LocalDate start = rs.getObject(2, LocalDate.class);
				Integer at = index.get(start);
				if (at != null && ends.get(at - 1).equals(rs.getObject(3, LocalDate.class))) {
					stored.computeIfAbsent(rs.getInt(1), (id) -> new HashMap<>())
						.put(start, new Spent(rs.getInt(1), at, rs.getBigDecimal(4), rs.getLong(5)));
				}
			});
		List<Spent> result = new ArrayList<>();
		List<Integer> missingCategories = new ArrayList<>();
		List<LocalDate> missingFrom = new ArrayList<>();
		List<Integer> firstMissing = new ArrayList<>();
		for (int category : categories) {
			Map<LocalDate, Spent> known = stored.getOrDefault(category, Map.of());
			int first = 0;
			while (first < starts.size() && known.containsKey(starts.get(first))) {
				first++;
			}
			for (int i = 0; i < first; i++) {
				result.add(known.get(starts.get(i)));
			}
			if (first < starts.size()) {
				missingCategories.add(category);
				missingFrom.add(starts.get(first));
				firstMissing.add(first);
			}
		}
		if (missingCategories.isEmpty()) {
			return result;
		}
		Map<Integer, Map<Integer, Spent>> computed = new HashMap<>();
		this.jdbc
			.sql("""
					WITH m AS (SELECT * FROM unnest(CAST(:categories AS integer[]), CAST(:froms AS date[]))
					           AS m(category_id, from_day)),
					d AS (
					    SELECT e.category_id, width_bucket(e.date, CAST(:starts AS date[])) AS period,
					           COUNTED_DAY AS day, COUNTED_CURRENCY AS currency, sum(COUNTED_AMOUNT) AS amount,
					           count(*) AS n
					    FROM m JOIN expenses e ON e.household_id = :household AND e.category_id = m.category_id
					                          AND e.date >= m.from_day AND e.date < :end
					    GROUP BY 1, 2, 3, 4)
					SELECT d.category_id, d.period,
					       round(COALESCE(sum(d.amount * r.rate) FILTER (WHERE r.rate IS NOT NULL), 0), 2) AS spent,
					       COALESCE(sum(d.n) FILTER (WHERE r.rate IS NULL), 0) AS unconverted
					FROM d""".replace("COUNTED_DAY", EntrySql.countedDay("e."))
				.replace("COUNTED_CURRENCY", EntrySql.countedCurrency("e."))
				.replace("COUNTED_AMOUNT", EntrySql.countedAmount("e.")) + EntrySql.rateJoin("day") + " GROUP BY 1, 2")
			.param("household", household)
			.param("categories", EntrySql.integerArray(missingCategories))
			.param("froms", dates(missingFrom))
			.param("starts", dates(starts))
			.param("end", end)
			.param("base", base)
			.query((RowCallbackHandler) (rs) -> computed.computeIfAbsent(rs.getInt(1), (id) -> new HashMap<>())
				.put(rs.getInt(2), new Spent(rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3), rs.getLong(4))));
		List<Spent> fresh = new ArrayList<>();
		for (int c = 0; c < missingCategories.size(); c++) {
			int category = missingCategories.get(c);
			Map<Integer, Spent> periods = computed.getOrDefault(category, Map.of());
			for (int i = firstMissing.get(c); i < starts.size(); i++) {
				fresh.add(periods.getOrDefault(i + 1, new Spent(category, i + 1, ZERO, 0)));
			}
		}
		result.addAll(fresh);
		if (mayStore) {
			store(household, base, fresh, starts, ends);
		}
		return result;
	}

	private void store(int household, String base, List<Spent> fresh, List<LocalDate> starts, List<LocalDate> ends) {
		this.jdbc.sql("""
				INSERT INTO budget_spent (household_id, category_id, period_start, period_end, base, spent, unconverted)
				SELECT :household, category_id, period_start, period_end, :base, spent, unconverted
				FROM unnest(CAST(:categories AS integer[]), CAST(:starts AS date[]), CAST(:ends AS date[]),
				            CAST(:spent AS numeric[]), CAST(:unconverted AS integer[]))
				     AS f(category_id, period_start, period_end, spent, unconverted)
				ON CONFLICT (household_id, category_id, period_start, period_end, base)
				DO UPDATE SET spent = EXCLUDED.spent, unconverted = EXCLUDED.unconverted""")
			.param("household", household)
			.param("base", base)
			.param("categories", EntrySql.integerArray(fresh.stream().map(Spent::categoryId).toList()))
			.param("starts", dates(fresh.stream().map((one) -> starts.get(one.periodIndex() - 1)).toList()))
			.param("ends", dates(fresh.stream().map((one) -> ends.get(one.periodIndex() - 1)).toList()))
			.param("spent", array("numeric", fresh.stream().map(Spent::amount).toArray()))
			.param("unconverted",
					array("integer", fresh.stream().map((one) -> Math.toIntExact(one.unconverted())).toArray()))
			.update();
	}

	/** What schedules are still to post in one category, converted into the base. */
	record Scheduled(BigDecimal amount, long unconverted) {

	}

	/**
	 * The scheduled expenses to come, per category id, converted into {@code base} at the
	 * household's latest rate on or before each date (an amount without one is counted in
	 * {@code unconverted}, never at 1). A name is matched as an entry's is (any spelling,
	 * or the old name of a merged category); a name no category has is left out: the
	 * entry will create that category when it is posted.
	 */
	Map<Integer, Scheduled> scheduled(int household, String base, List<ScheduledExpenses.Item> items) {
		if (items.isEmpty()) {
			return Map.of();
		}
		Map<Integer, Scheduled> scheduled = new HashMap<>();
		this.jdbc.sql("""
				SELECT c.id AS category_id,
				       round(COALESCE(sum(i.amount * r.rate) FILTER (WHERE r.rate IS NOT NULL), 0), 2) AS scheduled,
				       count(*) FILTER (WHERE r.rate IS NULL) AS unconverted
				FROM unnest(CAST(:names AS text[]), CAST(:currencies AS text[]), CAST(:amounts AS numeric[]),
				            CAST(:days AS date[])) AS i(name, currency, amount, day)
				JOIN categories c ON c.household_id = :household AND c.kind = 'expense'
				 AND (c.name_key = name_key(i.name)
				      OR c.id = (SELECT a.category_id FROM category_aliases a
				                 WHERE a.household_id = :household AND a.kind = 'expense'
				                   AND a.name_key = name_key(i.name)))
				CROSS JOIN LATERAL (SELECT CASE WHEN i.currency = :base THEN 1
				                           ELSE fx_rate(:household, i.currency, :base, i.day) END AS rate OFFSET 0) r
				GROUP BY c.id""")
			.param("household", household)
			.param("base", base)
			.param("names", array("text", items.stream().map(ScheduledExpenses.Item::category).toArray()))
			.param("currencies", array("text",
					items.stream().map((item) -> Currencies.code(item.currency()).orElse(Currencies.NONE)).toArray()))
			.param("amounts", array("numeric", items.stream().map(ScheduledExpenses.Item::amount).toArray()))
			.param("days", dates(items.stream().map(ScheduledExpenses.Item::date).toList()))
			.query((rs) -> {
				scheduled.put(rs.getInt("category_id"),
						new Scheduled(rs.getBigDecimal("scheduled"), rs.getLong("unconverted")));
			});
		return scheduled;
	}

	/** Forgets the stored spending of a household (its periods changed). */
	void forgetSpent(int household) {
		this.jdbc.sql("DELETE FROM budget_spent WHERE household_id = :household")
			.param("household", household)
			.update();
	}

	/** As {@link #spent}, counting only one member's share of each expense. */
	List<Spent> memberSpent(int household, int category, int member, List<LocalDate> starts, LocalDate end,
			String base) {
		return this.jdbc
			.sql("""
					WITH d AS (
					    SELECT width_bucket(e.date, CAST(:starts AS date[])) AS period, e.date,
					           COUNTED_CURRENCY AS currency,
					           sum(CASE WHEN e.charged_currency = :base THEN s.amount * e.charged_amount / e.amount
					                    ELSE s.amount END) AS amount, count(*) AS n
					    FROM expenses e JOIN expense_shares s ON s.expense_id = e.id AND s.user_id = :member
					    WHERE e.household_id = :household AND e.date >= :first AND e.date < :end
					      AND e.category_id = :category
					    GROUP BY 1, 2, 3)
					SELECT d.period,
					       round(COALESCE(sum(d.amount * r.rate) FILTER (WHERE r.rate IS NOT NULL), 0), 2) AS spent,
					       COALESCE(sum(d.n) FILTER (WHERE r.rate IS NULL), 0) AS unconverted
					FROM d""".replace("COUNTED_CURRENCY", EntrySql.countedCurrency("e.")) + EntrySql.rateJoin("date")
					+ " GROUP BY 1")
			.param("household", household)
			.param("starts", dates(starts))
			.param("first", starts.get(0))
			.param("end", end)
			.param("category", category)
			.param("member", member)
			.param("base", base)
			.query((rs, row) -> new Spent(category, rs.getInt(1), rs.getBigDecimal(2), rs.getLong(3)))
			.list();
	}

	/** Whether a user is a member of the household (a member budget names one). */
	boolean isMember(int household, int user) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM household_members WHERE household_id = :household AND user_id = :user)""")
			.param("household", household)
			.param("user", user)
			.query(Boolean.class)
			.single();
	}

	/** A merged category's plan lines join the category it was merged into. */
	void moveLines(int household, int from, int into) {
		this.jdbc.sql("""
				INSERT INTO budget_lines AS l (household_id, category_id, period, assigned, version)
				SELECT household_id, :into, period, assigned, 1 FROM budget_lines
				WHERE household_id = :household AND category_id = :from AND assigned IS NOT NULL
				ON CONFLICT (household_id, category_id, period)
				DO UPDATE SET assigned = COALESCE(l.assigned, 0) + EXCLUDED.assigned, version = l.version + 1""")
			.param("household", household)
			.param("from", from)
			.param("into", into)
			.update();
		this.jdbc.sql("DELETE FROM budget_lines WHERE household_id = :household AND category_id = :from")
			.param("household", household)
			.param("from", from)
			.update();
	}

	/** A {@code date[]} parameter. */
	private static SqlTypeValue dates(List<LocalDate> days) {
		return array("date", days.stream().map(java.sql.Date::valueOf).toArray());
	}

	private static SqlTypeValue array(String type, Object[] values) {
		return new AbstractSqlTypeValue() {
			@Override
			protected Object createTypeValue(java.sql.Connection connection, int sqlType, String typeName)
					throws SQLException {
				return connection.createArrayOf(type, values);
			}
		};
	}

	private static StoredLine line(ResultSet rs) throws SQLException {
		String carry = rs.getString("carry");
		String kind = rs.getString("target_kind");
		BudgetMath.CarryRule rule = (carry == null) ? null : new BudgetMath.CarryRule(Carry.of(carry).orElseThrow(),
				rs.getBigDecimal("carry_cap"), rs.getBigDecimal("carry_floor"));
		BudgetMath.Target target = (kind == null) ? null : new BudgetMath.Target(kind,
				rs.getBigDecimal("target_amount"), rs.getObject("target_date", LocalDate.class));
		return new StoredLine(rs.getInt("category_id"), YearMonth.parse(rs.getString("period")),
				new BudgetMath.Line(rs.getBigDecimal("assigned"), rule, target, (Integer) rs.getObject("member_id")),
				rs.getInt("version"));
	}

}
