package dev.homebudget.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.homebudget.schedule.ConfirmableOccurrences;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dedup as a property: overlapping statements of one account, imported in any order, give
 * each real transaction exactly once, identical same-day twins included; and the payee
 * normalisation behind it; and the matching of rows with occurrences waiting for Confirm.
 */
class ImportDedupTests {

	private record Txn(LocalDate date, String payee, BigDecimal amount) {

		String key() {
			return this.date + "|" + ImportDedup.normalize(this.payee) + "|" + this.amount;
		}

	}

	private static CsvStatement.ParsedRow row(int line, Txn txn) {
		return new CsvStatement.ParsedRow(line, null, "expense", txn.date(), txn.amount(), "ILS", txn.payee(), null,
				"Uncategorized", "Visa", null);
	}

	/** Imports a statement into the ledger: the rows classified new are added. */
	private static void importInto(List<ImportDedup.Existing> ledger, List<Txn> statement) {
		List<CsvStatement.ParsedRow> rows = new ArrayList<>();
		for (int i = 0; i < statement.size(); i++) {
			rows.add(row(i + 2, statement.get(i)));
		}
		List<ImportDedup.Verdict> verdicts = ImportDedup.classify(rows, ledger, Map.of());
		for (int i = 0; i < rows.size(); i++) {
			if (verdicts.get(i).decision().equals("import")) {
				Txn txn = statement.get(i);
				ledger.add(new ImportDedup.Existing("expense", ledger.size() + 1, txn.date(), txn.amount(), "ILS",
						txn.payee(), true));
			}
		}
	}

	private static Map<String, Integer> counts(List<Txn> txns) {
		Map<String, Integer> counts = new HashMap<>();
		txns.forEach((txn) -> counts.merge(txn.key(), 1, Integer::sum));
		return counts;
	}

	@Test
	void overlappingStatementsInAnyOrderGiveEachTransactionOnce() {
		Random random = new Random(21);
		String[] payees = { "Coffee Corner", "Grocer", "Fuel 24", "Cinema" };
		for (int round = 0; round < 300; round++) {
			List<Txn> truth = new ArrayList<>();
			int count = 5 + random.nextInt(40);
			for (int i = 0; i < count; i++) {
				Txn txn = new Txn(LocalDate.of(2030, 1, 1).plusDays(random.nextInt(30)),
						payees[random.nextInt(payees.length)], new BigDecimal(1 + random.nextInt(4)).setScale(2));
				truth.add(txn);
				if (random.nextInt(5) == 0) {
					truth.add(txn); // a real twin: the same purchase twice that day
				}
			}
			truth.sort((a, b) -> a.date().compareTo(b.date()));
			int cutA = 10 + random.nextInt(10);
			int cutB = 5 + random.nextInt(cutA - 4);
			// statement A: days up to cutA; statement B: days from cutB (they overlap);
			// the bank writes the payee its own way in B
			List<Txn> a = truth.stream().filter((t) -> t.date().getDayOfMonth() <= cutA).toList();
			List<Txn> b = truth.stream()
				.filter((t) -> t.date().getDayOfMonth() >= cutB)
				.map((t) -> new Txn(t.date(), t.payee().toUpperCase() + " 0042", t.amount()))
				.toList();
			List<ImportDedup.Existing> ledger = new ArrayList<>();
			List<List<Txn>> order = new ArrayList<>(List.of(a, b, a));
			Collections.shuffle(order, random);
			order.forEach((statement) -> importInto(ledger, statement));
			List<Txn> kept = ledger.stream().map((e) -> new Txn(e.date(), e.payee(), e.amount())).toList();
			assertThat(counts(kept)).as("round " + round).isEqualTo(counts(truth));
		}
	}

	@Test
	void payeesAreComparedWithoutCaseDigitsOrPunctuation() {
		assertThat(ImportDedup.normalize("PAYPAL *SPOTIFY 12345")).isEqualTo("paypal spotify");
		assertThat(ImportDedup.normalize("Café  Noir!")).isEqualTo("cafe noir");
		assertThat(ImportDedup.normalize("סופר-פארם 12")).isEqualTo("סופר פארם");
		assertThat(ImportDedup.similar("paypal spotify", "spotify")).isTrue();
		assertThat(ImportDedup.similar("grocer", "cinema")).isFalse();
	}

	@Test
	void eachWaitingOccurrenceMatchesOneRowTheNearestOnItsAccountAndCurrency() {
		LocalDate due = LocalDate.of(2030, 3, 1);
		BigDecimal rent = new BigDecimal("4500.00");
		List<ConfirmableOccurrences.Due> waiting = List.of(
				new ConfirmableOccurrences.Due(7, "Landlord", "expense", due, due, rent, "₪", "Visa"),
				new ConfirmableOccurrences.Due(8, "Gym", "expense", due, due, new BigDecimal("99.00"), "ILS", "Bank"));
		List<CsvStatement.ParsedRow> rows = List.of(
				new CsvStatement.ParsedRow(2, null, "expense", due.plusDays(3), rent, "ILS", "Rent", null,
						"Uncategorized", "Visa", null),
				new CsvStatement.ParsedRow(3, null, "expense", due.plusDays(1), rent, "ILS", "Rent", null,
						"Uncategorized", "Visa", null),
				new CsvStatement.ParsedRow(4, null, "expense", due, new BigDecimal("99.00"), "ILS", "Gym", null,
						"Uncategorized", "Visa", null),
				new CsvStatement.ParsedRow(5, null, "income", due, rent, "ILS", null, "Landlord", "Uncategorized",
						"Visa", null),
				new CsvStatement.ParsedRow(6, null, "expense", due.minusDays(4), rent, "ILS", "Rent", null,
						"Uncategorized", "Visa", null));
		List<ImportDedup.Verdict> verdicts = ImportDedup.classify(rows, List.of(), Map.of(), waiting);
		// the nearer row takes the occurrence, the other stays new; the gym is on another
		// account; an income never pays a bill; a bill due four days after the row is
		// outside
		// the window (up to two days after)
		assertThat(verdicts).extracting(ImportDedup.Verdict::status)
			.containsExactly("new", "match", "new", "new", "new");
		assertThat(verdicts.get(0).decision()).isEqualTo("import");
		assertThat(verdicts.get(1).scheduleId()).isEqualTo(7);
		assertThat(verdicts.get(1).occurrence()).isEqualTo(due);
		assertThat(verdicts.get(1).decision()).isEqualTo("confirm");
		assertThat(verdicts.get(1).reason()).startsWith("Matches the scheduled \"Landlord\" due 2030-03-01");
	}

	@Test
	void theMatchWindowRunsFromFourDaysBeforeTheBankRowToTwoDaysAfterIt() {
		LocalDate booked = LocalDate.of(2030, 3, 10);
		assertThat(ImportDedup.inWindow(booked, booked.minusDays(4))).isTrue();
		assertThat(ImportDedup.inWindow(booked, booked.minusDays(5))).isFalse();
		assertThat(ImportDedup.inWindow(booked, booked.plusDays(2))).isTrue();
		assertThat(ImportDedup.inWindow(booked, booked.plusDays(3))).isFalse();
		BigDecimal coffee = new BigDecimal("12.00");
		List<ImportDedup.Existing> typed = List.of(
				new ImportDedup.Existing("expense", 1, booked.minusDays(4), coffee, "ILS", "Coffee", false),
				new ImportDedup.Existing("expense", 2, booked.plusDays(3), coffee, "ILS", "Coffee", false));
		List<CsvStatement.ParsedRow> rows = List.of(
				new CsvStatement.ParsedRow(2, null, "expense", booked, coffee, "ILS", "COFFEE", null, "Uncategorized",
						"Visa", null),
				new CsvStatement.ParsedRow(3, null, "expense", booked, coffee, "ILS", "COFFEE", null, "Uncategorized",
						"Visa", null));
		List<ImportDedup.Verdict> verdicts = ImportDedup.classify(rows, typed, Map.of(), List.of());
		assertThat(verdicts).extracting(ImportDedup.Verdict::status).containsExactly("match", "new");
		assertThat(verdicts.get(0).matchId()).isEqualTo(1);
	}

}
