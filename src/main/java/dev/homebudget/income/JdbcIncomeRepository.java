package dev.homebudget.income;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

import dev.homebudget.ledger.EntryTable;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.Households;
import dev.homebudget.ledger.JdbcEntries;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Incomes in PostgreSQL, with hand-written SQL; the statements shared with the other
 * entry table live in {@link EntryTable}.
 */
@Repository
class JdbcIncomeRepository extends JdbcEntries<Income, IncomeDraft> implements IncomeRepository {

	private final JdbcClient jdbc;

	@Autowired
	JdbcIncomeRepository(JdbcClient jdbc) {
		this(jdbc, Households.FIRST);
	}

	private JdbcIncomeRepository(JdbcClient jdbc, int household) {
		super(new EntryTable<>(jdbc, "incomes", false, JdbcIncomeRepository::map, Income::version, household));
		this.jdbc = jdbc;
	}

	@Override
	public IncomeRepository forHousehold(int household) {
		return (household == this.table.household()) ? this : new JdbcIncomeRepository(this.jdbc, household);
	}

	@Override
	public Income create(IncomeDraft draft) {
		return this.jdbc.sql(
				"INSERT INTO incomes (household_id, date, category, amount, account, currency, notes) VALUES (:household, :date, :category, :amount, :account, :currency, :notes) RETURNING "
						+ this.table.columns())
			.param("household", this.table.household())
			.param("date", draft.date())
			.param("category", draft.category())
			.param("amount", draft.amount())
			.param("account", draft.account())
			.param("currency", draft.currency())
			.param("notes", draft.notes(), Types.VARCHAR)
			.query(this.table.mapper())
			.single();
	}

	@Override
	protected EntryValues valuesOf(Income income) {
		return IncomeDraft.of(income).values();
	}

	private static Income map(ResultSet rs, int row) throws SQLException {
		return new Income(rs.getInt("id"), rs.getObject("date", LocalDate.class), rs.getString("category"),
				rs.getBigDecimal("amount"), rs.getString("account"), rs.getString("currency"), rs.getString("notes"),
				rs.getInt("version"));
	}

}
