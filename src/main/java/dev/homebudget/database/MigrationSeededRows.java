package dev.homebudget.database;

import java.util.Map;
import java.util.Set;

/**
 * Rows a migration inserts itself, or derives from other rows, which are no user's data,
 * by table (a condition on its rows): the migration that introduced households creates
 * household 1, to which every older row belongs; budget_spent and budget_carry hold
 * figures derived from the entries and the plan, kept for speed, and so does
 * entry_month_totals and entry_month_converted (see {@link #REBUILT_BY_TRIGGERS}). A
 * database holding only these counts as empty, a restore replaces them with the
 * archive's, and a downgrade does not call them lost.
 */
public final class MigrationSeededRows {

	/** Table name to the SQL condition that selects its seeded rows. */
	public static final Map<String, String> BY_TABLE = Map.of("households", "id = 1", "budget_spent", "true",
			"budget_carry", "true", "entry_month_totals", "true", "entry_month_converted", "true");

	/**
	 * Tables that triggers keep equal to a function of the entries (V23), and of the
	 * entries, the rates and the base currency (V24), in every transaction: a backup
	 * leaves them out, since a restore's loading of those rebuilds them (a copy of them
	 * loaded as well would count every entry twice).
	 */
	public static final Set<String> REBUILT_BY_TRIGGERS = Set.of("entry_month_totals", "entry_month_converted");

	private MigrationSeededRows() {
	}

}
