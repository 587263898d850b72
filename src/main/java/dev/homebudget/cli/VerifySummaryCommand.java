package dev.homebudget.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.homebudget.ledger.EntryMonthConverted;
import dev.homebudget.ledger.EntryMonthTotals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares the month totals the reports read (kept by the database's triggers), per
 * currency and converted into each household's base currency, with a recomputation from
 * the entries and the exchange rates, and with {@code --repair} rewrites them. Writes of
 * entries, rates and households wait while it runs, so the comparison is of one moment.
 */
@Command(name = "verify-summary", mixinStandardHelpOptions = true,
		description = { "Recompute the reports' month totals from the expenses and incomes (per currency, and "
				+ "converted into the base currency with the exchange rates) and list every group (household, kind, "
				+ "month, category, currency) where the kept totals differ, kept vs computed.",
				"Exits 0 when they agree (or were repaired), 1 when they differ and --repair was not given." })
class VerifySummaryCommand implements Callable<Integer> {

	@Option(names = "--repair", description = "Rewrite the kept month totals from the entries when they differ")
	boolean repair;

	@Override
	public Integer call() {
		try (CommandContext context = CommandContext.start()) {
			context.migrate();
			JdbcClient jdbc = JdbcClient.create(context.dataSource());
			TransactionTemplate transaction = new TransactionTemplate(
					new DataSourceTransactionManager(context.dataSource()));
			int[] rewritten = { -1, -1 };
			List<String> differences = transaction.execute((status) -> {
				EntryMonthTotals.lockEntries(jdbc);
				EntryMonthConverted.lockInputs(jdbc);
				List<EntryMonthTotals.Difference> totals = EntryMonthTotals.differences(jdbc);
				List<EntryMonthConverted.Difference> converted = EntryMonthConverted.differences(jdbc);
				if (this.repair && !totals.isEmpty()) {
					rewritten[0] = EntryMonthTotals.rewrite(jdbc);
				}
				if (this.repair && !converted.isEmpty()) {
					rewritten[1] = EntryMonthConverted.rewrite(jdbc);
				}
				List<String> found = new ArrayList<>();
				totals.forEach((difference) -> found.add(difference.toString()));
				converted.forEach((difference) -> found.add(difference.toString()));
				return found;
			});
			if (differences.isEmpty()) {
				System.out.println("The month totals agree with the entries.");
				return 0;
			}
			differences.forEach((difference) -> System.out.println("  " + difference));
			if (this.repair) {
				System.out.println("Repaired " + differences.size() + " differing group(s): the month totals were "
						+ "rewritten from the entries (" + Math.max(rewritten[0], 0) + " group(s) per currency, "
						+ Math.max(rewritten[1], 0) + " converted).");
				return 0;
			}
			System.out.println(differences.size() + " group(s) differ from the entries; run again with --repair "
					+ "to rewrite the month totals from them.");
			return 1;
		}
	}

}
