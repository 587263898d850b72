package dev.homebudget.rules;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.homebudget.web.IfMatch;
import dev.homebudget.web.ValidationIssue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of rules. Every statement names its household. */
@Repository
class RuleStore {

	private static final String COLUMNS = "id, name, enabled, position, stop, conditions::text, actions::text, version";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RuleStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A rule's fields as a request gives them. */
	record Draft(String name, boolean enabled, boolean stop, Rule.Conditions conditions, Rule.Actions actions) {

	}

	/** An existing entry as a rule sees it. */
	record Entry(String kind, int id, int version, RuleSubject subject) {

	}

	/** The household's rules in their order, at most {@code limit}. */
	List<Rule> list(int household, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM rules WHERE household_id = :household ORDER BY position, id "
					+ "LIMIT :limit")
			.param("household", household)
			.param("limit", limit)
			.query(this::rule)
			.list();
	}

	Optional<Rule> find(int household, int id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM rules WHERE household_id = :household AND id = :id")
			.param("household", household)
			.param("id", id)
			.query(this::rule)
			.optional();
	}

	/** Serialises the writes of a household's rule list (creates, reorders). */
	void lock(int household) {
		this.jdbc.sql("SELECT id FROM households WHERE id = :household FOR NO KEY UPDATE")
			.param("household", household)
			.query(Integer.class)
			.optional();
	}

	int count(int household) {
		return this.jdbc.sql("SELECT count(*) FROM rules WHERE household_id = :household")
			.param("household", household)
			.query(Integer.class)
			.single();
	}

	/** Adds a rule at the end of the list. */
	int insert(int household, Draft draft) {
		return this.jdbc.sql("""
				INSERT INTO rules (household_id, name, enabled, position, stop, conditions, actions)
				VALUES (:household, :name, :enabled,
				    (SELECT coalesce(max(position), 0) + 1 FROM rules WHERE household_id = :household), :stop,
				    CAST(:conditions AS jsonb), CAST(:actions AS jsonb))
				RETURNING id""")
			.param("household", household)
			.param("name", draft.name())
			.param("enabled", draft.enabled())
			.param("stop", draft.stop())
			.param("conditions", RuleJson.write(draft.conditions()).toString())
			.param("actions", RuleJson.write(draft.actions()).toString())
			.query(Integer.class)
			.single();
	}

	/** Replaces a rule's fields; false when If-Match names another version. */
	boolean update(int household, int id, Draft draft, IfMatch ifMatch) {
		return this.jdbc
			.sql("""
					UPDATE rules SET name = :name, enabled = :enabled, stop = :stop, conditions = CAST(:conditions AS jsonb),
					    actions = CAST(:actions AS jsonb), version = version + 1
					WHERE household_id = :household AND id = :id
					    AND (CAST(:versions AS integer[]) IS NULL OR version = ANY (CAST(:versions AS integer[])))""")
			.param("household", household)
			.param("id", id)
			.param("name", draft.name())
			.param("enabled", draft.enabled())
			.param("stop", draft.stop())
			.param("conditions", RuleJson.write(draft.conditions()).toString())
			.param("actions", RuleJson.write(draft.actions()).toString())
			.param("versions", versions(ifMatch), Types.VARCHAR)
			.update() == 1;
	}

	boolean delete(int household, int id, IfMatch ifMatch) {
		return this.jdbc.sql("""
				DELETE FROM rules WHERE household_id = :household AND id = :id
				    AND (CAST(:versions AS integer[]) IS NULL OR version = ANY (CAST(:versions AS integer[])))""")
			.param("household", household)
			.param("id", id)
			.param("versions", versions(ifMatch), Types.VARCHAR)
			.update() == 1;
	}

	/** Numbers the household's rules 1, 2, 3... in the order of {@code ids}. */
	void reorder(int household, List<Integer> ids) {
		StringBuilder array = new StringBuilder("{");
		for (int i = 0; i < ids.size(); i++) {
			array.append((i == 0) ? "" : ",").append(ids.get(i));
		}
		this.jdbc.sql("""
				UPDATE rules r SET position = o.n
				FROM unnest(CAST(:ids AS integer[])) WITH ORDINALITY AS o (id, n)
				WHERE r.household_id = :household AND r.id = o.id AND r.position <> o.n""")
			.param("household", household)
			.param("ids", array.append('}').toString())
			.update();
	}

	/** The newest entries of one kind, as rules see them, at most {@code limit}. */
	List<Entry> entries(int household, String kind, int limit) {
		boolean expense = RuleSubject.EXPENSE.equals(kind);
		String sql = expense ? """
				SELECT id, version, business, notes, amount, currency, account, category, paid_by, for_whom
				FROM expenses WHERE household_id = :household ORDER BY date DESC, id DESC LIMIT :limit""" : """
				SELECT id, version, NULL AS business, notes, amount, currency, account, category,
				    NULL::integer AS paid_by, NULL::integer AS for_whom
				FROM incomes WHERE household_id = :household ORDER BY date DESC, id DESC LIMIT :limit""";
		return this.jdbc.sql(sql)
			.param("household", household)
			.param("limit", limit)
			.query((rs, row) -> new Entry(kind, rs.getInt("id"), rs.getInt("version"),
					new RuleSubject(kind, rs.getString("business"), rs.getString("notes"),
							rs.getObject("amount", BigDecimal.class), rs.getString("currency"), rs.getString("account"),
							rs.getString("category"), (Integer) rs.getObject("paid_by"),
							(Integer) rs.getObject("for_whom"))))
			.list();
	}

	/** One business whose expenses were moved by hand to the same category. */
	record Correction(String business, String category, int entries) {

	}

	/**
	 * Businesses whose expenses had their category changed by hand (in the app or through
	 * the API) to the same category at least {@code times} times, among the household's
	 * newest {@code window} expense updates; the expense's business as it is now, the
	 * most corrected first.
	 */
	List<Correction> corrections(int household, int times, int window, int limit) {
		return this.jdbc
			.sql("""
					WITH recent AS (
					    SELECT entity_id, changes -> 'category' ->> 'new' AS category
					    FROM history_events
					    WHERE household_id = :household AND kind = 'expense' AND action = 'update'
					        AND source IN ('web', 'api') AND changes -> 'category' IS NOT NULL
					    ORDER BY id DESC
					    LIMIT :window)
					SELECT min(regexp_replace(btrim(e.business), '\\s+', ' ', 'g')) AS business, min(r.category) AS category,
					    count(DISTINCT r.entity_id)::int AS entries
					FROM recent r JOIN expenses e ON e.id = r.entity_id AND e.household_id = :household
					WHERE e.business IS NOT NULL AND btrim(e.business) <> '' AND r.category IS NOT NULL
					GROUP BY lower(regexp_replace(btrim(e.business), '\\s+', ' ', 'g')), lower(r.category)
					HAVING count(DISTINCT r.entity_id) >= :times
					ORDER BY entries DESC, business
					LIMIT :limit""")
			.param("household", household)
			.param("times", times)
			.param("window", window)
			.param("limit", limit)
			.query((rs, row) -> new Correction(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

	/** How many entries of one kind the household has. */
	int countEntries(int household, String kind) {
		String table = RuleSubject.EXPENSE.equals(kind) ? "expenses" : "incomes";
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE household_id = :household")
			.param("household", household)
			.query(Integer.class)
			.single();
	}

	private static String versions(IfMatch ifMatch) {
		if (!ifMatch.constrainsVersion()) {
			return null;
		}
		StringBuilder array = new StringBuilder("{");
		for (int i = 0; i < ifMatch.versions().size(); i++) {
			array.append((i == 0) ? "" : ",").append(ifMatch.versions().get(i));
		}
		return array.append('}').toString();
	}

	private Rule rule(ResultSet rs, int row) throws SQLException {
		List<ValidationIssue> issues = new ArrayList<>();
		JsonNode conditions = this.json.readTree(rs.getString(6));
		JsonNode actions = this.json.readTree(rs.getString(7));
		Rule.Conditions c = RuleJson.conditions(conditions, issues);
		Rule.Actions a = RuleJson.actions(actions, issues);
		if (c == null || a == null) {
			// written by this class after the same checks: only a hand edit gets here
			throw new IllegalStateException("Rule " + rs.getInt(1) + " is stored in a shape it cannot be read in");
		}
		return new Rule(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getBoolean(5), c, a,
				rs.getInt(8));
	}

}
