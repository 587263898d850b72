package dev.homebudget.category;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The categories table, one household's rows per call. Names are matched through the
 * database's {@code name_key} function, the same one the entries' trigger uses, so a name
 * means the same category everywhere.
 */
@Component
class CategoryStore {

	private static final String COLUMNS = "c.id, c.kind, c.name, c.name_key, c.parent_id, c.colour, c.archived, "
			+ "c.position, c.version";

	/** Entries per category, read from the household's category index. */
	private static final String USES = """
			LEFT JOIN (SELECT category_id, count(*) AS n FROM expenses WHERE household_id = :household
			           GROUP BY category_id
			           UNION ALL
			           SELECT category_id, count(*) FROM incomes WHERE household_id = :household
			           GROUP BY category_id) u ON u.category_id = c.id""";

	private final JdbcClient jdbc;

	CategoryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether entries must name a category the household has (see V19). */
	boolean strict(int household) {
		return this.jdbc.sql("SELECT strict_categories FROM households WHERE id = :household")
			.param("household", household)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	void setStrict(int household, boolean strict) {
		this.jdbc.sql("UPDATE households SET strict_categories = :strict WHERE id = :household")
			.param("household", household)
			.param("strict", strict)
			.update();
	}

	/**
	 * Every category of the household, groups first in their order, with entry counts.
	 */
	List<Category> list(int household, CategoryKind kind) {
		String ofKind = (kind == null) ? "" : " AND c.kind = :kind";
		// a group, then its categories; groups and the categories in a group each by
		// position, then name
		return this.jdbc.sql("SELECT " + COLUMNS + ", COALESCE(sum(u.n), 0) AS entries FROM categories c "
				+ "LEFT JOIN categories p ON p.id = c.parent_id " + USES + " WHERE c.household_id = :household" + ofKind
				+ " GROUP BY c.id, p.id ORDER BY c.kind, COALESCE(p.position, c.position), COALESCE(p.name_key, c.name_key),"
				+ " COALESCE(p.id, c.id), c.parent_id IS NOT NULL, c.position, c.name_key, c.id")
			.param("household", household)
			.param("kind", (kind == null) ? null : kind.value(), Types.VARCHAR)
			.query(CategoryStore::category)
			.list();
	}

	Optional<Category> find(int household, int id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + ", COALESCE(sum(u.n), 0) AS entries FROM categories c " + USES
					+ " WHERE c.household_id = :household AND c.id = :id GROUP BY c.id")
			.param("household", household)
			.param("id", id)
			.query(CategoryStore::category)
			.optional();
	}

	int count(int household) {
		return this.jdbc.sql("SELECT count(*) FROM categories WHERE household_id = :household")
			.param("household", household)
			.query(Integer.class)
			.single();
	}

	/**
	 * Whether another category of the same kind and parent has this name (any spelling).
	 */
	boolean nameTaken(int household, CategoryKind kind, Integer parent, String name, Integer except) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM categories WHERE household_id = :household AND kind = :kind
				    AND COALESCE(parent_id, 0) = COALESCE(:parent, 0) AND name_key = name_key(:name)
				    AND id IS DISTINCT FROM :except)""")
			.param("household", household)
			.param("kind", kind.value())
			.param("parent", parent, Types.INTEGER)
			.param("name", name)
			.param("except", except, Types.INTEGER)
			.query(Boolean.class)
			.single();
	}

	boolean hasChildren(int household, int id) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM categories WHERE household_id = :household AND parent_id = :id)")
			.param("household", household)
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	int create(int household, CategoryKind kind, String name, Integer parent, String colour, int position) {
		return this.jdbc.sql("""
				INSERT INTO categories (household_id, kind, name, name_key, parent_id, colour, position)
				VALUES (:household, :kind, name_spelling(:name), name_key(:name), :parent, :colour, :position)
				RETURNING id""")
			.param("household", household)
			.param("kind", kind.value())
			.param("name", name)
			.param("parent", parent, Types.INTEGER)
			.param("colour", colour, Types.VARCHAR)
			.param("position", position)
			.query(Integer.class)
			.single();
	}

	/**
	 * Writes every field of the category, if its version is {@code version} (any when
	 * null), and bumps the version.
	 * @return whether a row was written
	 */
	boolean update(int household, Category category, Integer version) {
		return this.jdbc
			.sql("""
					UPDATE categories SET name = name_spelling(:name), name_key = name_key(:name),
					    parent_id = :parent, colour = :colour, archived = :archived, position = :position,
					    version = version + 1
					WHERE household_id = :household AND id = :id AND (CAST(:version AS integer) IS NULL OR version = :version)""")
			.param("household", household)
			.param("id", category.id())
			.param("name", category.name())
			.param("parent", category.parentId(), Types.INTEGER)
			.param("colour", category.colour(), Types.VARCHAR)
			.param("archived", category.archived())
			.param("position", category.position())
			.param("version", version, Types.INTEGER)
			.update() == 1;
	}

	/** Moves a group's categories under another group. */
	int reparentChildren(int household, int from, int to) {
		return this.jdbc.sql("""
				UPDATE categories SET parent_id = :to, version = version + 1
				WHERE household_id = :household AND parent_id = :from""")
			.param("household", household)
			.param("from", from)
			.param("to", to)
			.update();
	}

	/**
	 * Names present in both groups (any spelling), which a merge of the groups would
	 * join.
	 */
	List<String> clashingChildren(int household, int from, int to) {
		return this.jdbc.sql("""
				SELECT a.name FROM categories a JOIN categories b ON b.name_key = a.name_key
				    AND b.household_id = a.household_id AND b.kind = a.kind
				WHERE a.household_id = :household AND a.parent_id = :from AND b.parent_id = :to ORDER BY a.name""")
			.param("household", household)
			.param("from", from)
			.param("to", to)
			.query(String.class)
			.list();
	}

	/**
	 * Locks categories against concurrent changes and against entries being added to them
	 * until the transaction ends, in id order (no deadlock between two merges).
	 */
	void lock(int household, int... ids) {
		this.jdbc
			.sql("SELECT id FROM categories WHERE household_id = :household AND id = ANY(:ids) ORDER BY id FOR UPDATE")
			.param("household", household)
			.param("ids", java.util.Arrays.stream(ids).boxed().toArray(Integer[]::new))
			.query(Integer.class)
			.list();
	}

	/** Makes a name lead to a category (its old name, or a category merged into it). */
	void alias(int household, CategoryKind kind, String key, int category) {
		this.jdbc.sql("""
				INSERT INTO category_aliases (household_id, kind, name_key, category_id)
				VALUES (:household, :kind, :key, :category)
				ON CONFLICT (household_id, kind, name_key) DO UPDATE SET category_id = EXCLUDED.category_id""")
			.param("household", household)
			.param("kind", kind.value())
			.param("key", key)
			.param("category", category)
			.update();
	}

	/** The names that led to one category now lead to another. */
	void moveAliases(int household, int from, int to) {
		this.jdbc.sql("""
				UPDATE category_aliases SET category_id = :to
				WHERE household_id = :household AND category_id = :from""")
			.param("household", household)
			.param("from", from)
			.param("to", to)
			.update();
	}

	boolean delete(int household, int id) {
		return this.jdbc.sql("DELETE FROM categories WHERE household_id = :household AND id = :id")
			.param("household", household)
			.param("id", id)
			.update() == 1;
	}

	/** The category and account last used with a business (ignoring case), if any. */
	Optional<Suggestion> lastUsedWith(int household, String business) {
		return this.jdbc.sql("""
				SELECT e.business, COALESCE(c.name, e.category) AS category, c.id AS category_id, e.account
				FROM expenses e LEFT JOIN categories c ON c.id = e.category_id
				WHERE e.household_id = :household AND name_key(e.business) = name_key(:business)
				ORDER BY e.date DESC, e.id DESC LIMIT 1""")
			.param("household", household)
			.param("business", business)
			.query((rs, row) -> new Suggestion(rs.getString("business"), rs.getString("category"),
					(Integer) rs.getObject("category_id"), rs.getString("account")))
			.optional();
	}

	private static Category category(ResultSet rs, int row) throws SQLException {
		return new Category(rs.getInt("id"), CategoryKind.of(rs.getString("kind")).orElseThrow(), rs.getString("name"),
				rs.getString("name_key"), (Integer) rs.getObject("parent_id"), rs.getString("colour"),
				rs.getBoolean("archived"), rs.getInt("position"), rs.getInt("version"), rs.getLong("entries"));
	}

}
