package dev.homebudget.expense;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryTable;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.Households;
import dev.homebudget.ledger.JdbcEntries;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Expenses in PostgreSQL, with hand-written SQL; the statements shared with the other
 * entry table live in {@link EntryTable}.
 */
@Repository
class JdbcExpenseRepository extends JdbcEntries<Expense, ExpenseDraft> implements ExpenseRepository {

	private final JdbcClient jdbc;

	@Autowired
	JdbcExpenseRepository(JdbcClient jdbc) {
		this(jdbc, Households.FIRST);
	}

	private JdbcExpenseRepository(JdbcClient jdbc, int household) {
		super(new EntryTable<>(jdbc, "expenses", true, JdbcExpenseRepository::map, Expense::version, household));
		this.jdbc = jdbc;
	}

	@Override
	public ExpenseRepository forHousehold(int household) {
		return (household == this.table.household()) ? this : new JdbcExpenseRepository(this.jdbc, household);
	}

	@Override
	public Expense create(ExpenseDraft draft) {
		return this.jdbc.sql(
				"INSERT INTO expenses (household_id, date, business, category, amount, account, currency, notes) VALUES (:household, :date, :business, :category, :amount, :account, :currency, :notes) RETURNING "
						+ this.table.columns())
			.param("household", this.table.household())
			.param("date", draft.date())
			.param("business", draft.business(), Types.VARCHAR)
			.param("category", draft.category())
			.param("amount", draft.amount())
			.param("account", draft.account())
			.param("currency", draft.currency())
			.param("notes", draft.notes(), Types.VARCHAR)
			.query(this.table.mapper())
			.single();
	}

	@Override
	protected EntryValues valuesOf(Expense expense) {
		return ExpenseDraft.of(expense).values();
	}

	@Override
	public EntryTotals.Stats stats(EntryQuery query) {
		return this.table.stats(query);
	}

	private static Expense map(ResultSet rs, int row) throws SQLException {
		return new Expense(rs.getInt("id"), rs.getObject("date", LocalDate.class), rs.getString("business"),
				rs.getString("category"), rs.getBigDecimal("amount"), rs.getString("account"), rs.getString("currency"),
				rs.getString("notes"), rs.getInt("version"));
	}

}
