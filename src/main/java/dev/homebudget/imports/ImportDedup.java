package dev.homebudget.imports;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.homebudget.ledger.Currencies;
import dev.homebudget.schedule.ConfirmableOccurrences;

/**
 * Classifies parsed rows against the household's entries, keeping real twins:
 * <ul>
 * <li>a row with the bank's own transaction id is a duplicate when a committed import
 * already holds that id (or an earlier row of the same file does), else new;</li>
 * <li>otherwise rows are counted per (kind, date, amount, currency, normalised payee):
 * with n such entries in the ledger, the first n such rows of the file are duplicates
 * (each naming its own entry) and the rest are new, so two identical purchases on one day
 * are two rows, and importing the same file twice yields only duplicates;</li>
 * <li>a new row is a match when a hand-entered entry (one no import created) has the same
 * kind, amount and currency, a date from {@value #MATCH_DAYS_BEFORE} days before the
 * row's to {@value #MATCH_DAYS_AFTER} days after it and a similar payee (one normalised
 * payee contains the other, or they share a word, or the entry has none); each entry is
 * matched at most once;</li>
 * <li>a row still new is a match with a schedule's occurrence waiting for Confirm when it
 * has the occurrence's kind, amount and currency, the occurrence's date in the same
 * window around the row's and, when the schedule names an account, that account; each
 * occurrence is matched at most once, the nearest dates paired first.</li>
 * </ul>
 * Duplicates and matches with entries are skipped by default, new rows imported, errors
 * never; a match with an occurrence is confirmed by default (its decision is
 * {@code confirm}: the commit posts the occurrence with the bank's date and amount).
 */
final class ImportDedup {

	/**
	 * A bank books a card purchase a few days after it was made (and entered by hand),
	 * seldom before: an entry up to this many days before the row's date is its match...
	 */
	static final int MATCH_DAYS_BEFORE = 4;

	/** ... and up to this many days after it. */
	static final int MATCH_DAYS_AFTER = 2;

	private ImportDedup() {
	}

	/**
	 * Whether {@code other} is within the match window around a bank row's {@code date}.
	 */
	static boolean inWindow(LocalDate date, LocalDate other) {
		long days = ChronoUnit.DAYS.between(date, other);
		return days >= -MATCH_DAYS_BEFORE && days <= MATCH_DAYS_AFTER;
	}

	/** An entry of the ledger near the file's dates. */
	record Existing(String kind, int id, LocalDate date, BigDecimal amount, String currency, String payee,
			boolean imported) {

	}

	/** A committed row's bank id, with the batch and line that imported it. */
	record SeenBankId(String bankId, int batch, int line) {

	}

	/** A classification: status, reason, and the entry it concerns. */
	record Verdict(String status, String reason, String matchKind, Integer matchId, Integer scheduleId,
			LocalDate occurrence) {

		Verdict(String status, String reason, String matchKind, Integer matchId) {
			this(status, reason, matchKind, matchId, null, null);
		}

		String decision() {
			if (this.scheduleId != null) {
				return "confirm";
			}
			return "new".equals(this.status) ? "import" : "skip";
		}

	}

	static List<Verdict> classify(List<CsvStatement.ParsedRow> rows, List<Existing> existing,
			Map<String, SeenBankId> seenBankIds) {
		return classify(rows, existing, seenBankIds, List.of());
	}

	/**
	 * Classifies rows against the ledger's entries and the bank ids imported before, then
	 * matches the rows still new with the occurrences waiting for Confirm.
	 */
	static List<Verdict> classify(List<CsvStatement.ParsedRow> rows, List<Existing> existing,
			Map<String, SeenBankId> seenBankIds, List<ConfirmableOccurrences.Due> dueOccurrences) {
		Map<String, Deque<Existing>> exact = new HashMap<>();
		for (Existing entry : existing) {
			exact
				.computeIfAbsent(key(entry.kind(), entry.date(), entry.amount(), entry.currency(), entry.payee()),
						(k) -> new ArrayDeque<>())
				.add(entry);
		}
		Set<Integer> consumedExpenses = new HashSet<>();
		Set<Integer> consumedIncomes = new HashSet<>();
		Map<String, Integer> idsInFile = new HashMap<>();
		List<Verdict> verdicts = new ArrayList<>(rows.size());
		List<Integer> open = new ArrayList<>();
		for (CsvStatement.ParsedRow row : rows) {
			if (row.error() != null) {
				verdicts.add(new Verdict("error", row.error(), null, null));
				continue;
			}
			if (row.bankId() != null) {
				SeenBankId seen = seenBankIds.get(row.bankId());
				Integer earlier = idsInFile.putIfAbsent(row.bankId(), row.line());
				if (seen != null) {
					verdicts
						.add(new Verdict("duplicate", "Transaction id " + row.bankId() + " was imported before (import "
								+ seen.batch() + ", line " + seen.line() + ")", null, null));
					continue;
				}
				if (earlier != null) {
					verdicts.add(new Verdict("duplicate",
							"Transaction id " + row.bankId() + " is also on line " + earlier + " of this file", null,
							null));
					continue;
				}
			}
			else {
				Deque<Existing> same = exact
					.get(key(row.kind(), row.date(), row.amount(), row.currency(), row.payeeText()));
				Existing twin = (same != null) ? same.poll() : null;
				if (twin != null) {
					(twin.kind().equals("expense") ? consumedExpenses : consumedIncomes).add(twin.id());
					verdicts.add(new Verdict("duplicate", "Already in the ledger: " + describe(twin), twin.kind(),
							twin.id()));
					continue;
				}
			}
			open.add(verdicts.size());
			verdicts.add(new Verdict("new", null, null, null));
		}
		// matches with hand-entered entries, for the rows still new
		Map<String, List<Existing>> byAmount = new HashMap<>();
		for (Existing entry : existing) {
			if (!entry.imported()) {
				byAmount
					.computeIfAbsent(amountKey(entry.kind(), entry.amount(), entry.currency()),
							(k) -> new ArrayList<>())
					.add(entry);
			}
		}
		for (int index : open) {
			CsvStatement.ParsedRow row = rows.get(index);
			List<Existing> candidates = byAmount.get(amountKey(row.kind(), row.amount(), row.currency()));
			if (candidates == null) {
				continue;
			}
			Existing best = null;
			long bestDistance = Long.MAX_VALUE;
			String payee = normalize(row.payeeText());
			for (Existing entry : candidates) {
				Set<Integer> consumed = entry.kind().equals("expense") ? consumedExpenses : consumedIncomes;
				long distance = Math.abs(ChronoUnit.DAYS.between(row.date(), entry.date()));
				if (inWindow(row.date(), entry.date()) && distance < bestDistance && !consumed.contains(entry.id())
						&& similar(payee, normalize(entry.payee()))) {
					best = entry;
					bestDistance = distance;
				}
			}
			if (best != null) {
				(best.kind().equals("expense") ? consumedExpenses : consumedIncomes).add(best.id());
				verdicts.set(index, new Verdict("match",
						"Matches the hand-entered " + describe(best) + "; skipped to keep it, flip to import as well",
						best.kind(), best.id()));
			}
		}
		matchOccurrences(rows, verdicts, open, dueOccurrences);
		return verdicts;
	}

	/**
	 * Matches the rows still new with occurrences waiting for Confirm: each row at most
	 * one occurrence and each occurrence at most one row, the nearest dates paired first
	 * (then the earlier line).
	 */
	private static void matchOccurrences(List<CsvStatement.ParsedRow> rows, List<Verdict> verdicts, List<Integer> open,
			List<ConfirmableOccurrences.Due> dueOccurrences) {
		Map<String, List<ConfirmableOccurrences.Due>> byAmount = new HashMap<>();
		for (ConfirmableOccurrences.Due due : dueOccurrences) {
			if (due.amount() != null) {
				// a schedule may keep a currency as typed (a sign such as ₪); rows have
				// codes
				String currency = Currencies.code(due.currency()).orElse(due.currency());
				byAmount.computeIfAbsent(amountKey(due.kind(), due.amount(), currency), (k) -> new ArrayList<>())
					.add(due);
			}
		}
		record Pair(int index, ConfirmableOccurrences.Due due, long distance) {

		}
		List<Pair> pairs = new ArrayList<>();
		for (int index : open) {
			if (!"new".equals(verdicts.get(index).status())) {
				continue;
			}
			CsvStatement.ParsedRow row = rows.get(index);
			for (ConfirmableOccurrences.Due due : byAmount
				.getOrDefault(amountKey(row.kind(), row.amount(), row.currency()), List.of())) {
				long distance = Math.abs(ChronoUnit.DAYS.between(row.date(), due.date()));
				if (inWindow(row.date(), due.date())
						&& (due.account() == null || due.account().equalsIgnoreCase(row.account()))) {
					pairs.add(new Pair(index, due, distance));
				}
			}
		}
		pairs.sort(Comparator.comparingLong(Pair::distance).thenComparingInt(Pair::index));
		Set<Integer> matchedRows = new HashSet<>();
		Set<String> matchedOccurrences = new HashSet<>();
		for (Pair pair : pairs) {
			ConfirmableOccurrences.Due due = pair.due();
			if (matchedRows.contains(pair.index())
					|| !matchedOccurrences.add(due.scheduleId() + "/" + due.occurrence())) {
				continue;
			}
			matchedRows.add(pair.index());
			verdicts.set(pair.index(),
					new Verdict("match",
							"Matches the scheduled \"" + due.name() + "\" due " + due.date()
									+ "; committing confirms it with this row's date and amount",
							null, null, due.scheduleId(), due.occurrence()));
		}
	}

	private static String describe(Existing entry) {
		return entry.kind() + " #" + entry.id() + " (" + entry.date() + ", "
				+ ((entry.payee() != null && !entry.payee().isBlank()) ? entry.payee() + ", " : "")
				+ entry.amount().toPlainString() + " " + entry.currency() + ")";
	}

	private static String key(String kind, LocalDate date, BigDecimal amount, String currency, String payee) {
		return kind + '|' + date + '|' + amount.stripTrailingZeros().toPlainString() + '|' + currency + '|'
				+ normalize(payee);
	}

	private static String amountKey(String kind, BigDecimal amount, String currency) {
		return kind + '|' + amount.stripTrailingZeros().toPlainString() + '|' + currency;
	}

	/**
	 * Payee text compared without case, accents, digits or punctuation:
	 * {@code "PAYPAL *SPOTIFY 12345"} is {@code "paypal spotify"}.
	 */
	static String normalize(String payee) {
		if (payee == null) {
			return "";
		}
		String text = Normalizer.normalize(payee, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}]+", " ")
			.strip();
		return text;
	}

	/** Whether two normalised payees name the same business, as far as text can tell. */
	static boolean similar(String file, String entry) {
		if (entry.isEmpty() || file.isEmpty()) {
			return true;
		}
		if (file.contains(entry) || entry.contains(file)) {
			return true;
		}
		Set<String> words = new HashSet<>();
		for (String word : entry.split(" ")) {
			if (word.length() >= 3) {
				words.add(word);
			}
		}
		for (String word : file.split(" ")) {
			if (word.length() >= 3 && words.contains(word)) {
				return true;
			}
		}
		return false;
	}

}
