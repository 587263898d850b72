package dev.homebudget.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A household's rules in their order, applied to a row. Rules are tried top to bottom
 * against the row as the rules above left it. Every rule whose conditions hold fills in
 * the fields its actions name that no rule above it filled in: the higher rule wins a
 * field, a lower one can still fill the others. A rule with {@code stop} ends the run
 * when it matches. A disabled rule is skipped. A payee pattern stopped for taking too
 * long counts as not matching; stopped {@value #SLOW_RUNS} times by one book (one import,
 * one preview), it is not tried again by it, so a bad pattern costs a bounded amount of
 * work however many rows there are. A book is used by one thread.
 */
public final class RuleBook {

	/** What the rules made of a row. */
	public record Outcome(RuleSubject row, List<Integer> ruleIds, List<Integer> tooSlow) {

		/** Whether any rule changed or filled in a field. */
		public boolean applied() {
			return !this.ruleIds.isEmpty();
		}

	}

	/** Times a rule's pattern may be stopped before the book stops trying it. */
	static final int SLOW_RUNS = 3;

	private final List<Rule> rules;

	private final java.util.Map<Integer, Integer> stopped = new java.util.HashMap<>();

	RuleBook(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** A book that changes nothing. */
	public static RuleBook empty() {
		return new RuleBook(List.of());
	}

	public boolean isEmpty() {
		return this.rules.stream().noneMatch(Rule::enabled);
	}

	public Outcome apply(RuleSubject row) {
		RuleSubject current = row;
		Filled filled = new Filled();
		List<Integer> applied = new ArrayList<>();
		List<Integer> tooSlow = new ArrayList<>();
		for (Rule rule : this.rules) {
			if (!rule.enabled()) {
				continue;
			}
			if (this.stopped.getOrDefault(rule.id(), 0) >= SLOW_RUNS) {
				tooSlow.add(rule.id());
				continue;
			}
			Rule.Match match = rule.test(current);
			if (match == Rule.Match.TOO_SLOW) {
				this.stopped.merge(rule.id(), 1, Integer::sum);
				tooSlow.add(rule.id());
				continue;
			}
			if (match == Rule.Match.NO) {
				continue;
			}
			RuleSubject after = fill(current, rule.actions(), filled);
			if (after != current) {
				applied.add(rule.id());
				current = after;
			}
			if (rule.stop()) {
				break;
			}
		}
		return new Outcome(current, List.copyOf(applied), List.copyOf(tooSlow));
	}

	/** Which fields a rule higher up already filled in. */
	private static final class Filled {

		boolean category;

		boolean business;

		boolean account;

		boolean paidBy;

		boolean forWhom;

		boolean note;

	}

	/**
	 * The row with the actions' fields filled in; the same instance when none changed.
	 */
	private static RuleSubject fill(RuleSubject row, Rule.Actions actions, Filled filled) {
		String category = row.category();
		String business = row.business();
		String account = row.account();
		String notes = row.notes();
		Integer paidBy = row.paidBy();
		Integer forWhom = row.forWhom();
		boolean changed = false;
		if (actions.category() != null && !filled.category) {
			filled.category = true;
			category = actions.category();
			changed = true;
		}
		if (actions.business() != null && !filled.business && row.expense()) {
			filled.business = true;
			business = actions.business();
			changed = true;
		}
		if (actions.account() != null && !filled.account) {
			filled.account = true;
			account = actions.account();
			changed = true;
		}
		if (actions.paidBy() != null && !filled.paidBy && row.expense()) {
			filled.paidBy = true;
			paidBy = actions.paidBy();
			changed = true;
		}
		if (actions.forWhom() != null && !filled.forWhom && row.expense()) {
			filled.forWhom = true;
			forWhom = actions.forWhom();
			changed = true;
		}
		if (actions.note() != null && !filled.note) {
			filled.note = true;
			notes = withNote(notes, actions.note());
			changed = true;
		}
		if (!changed) {
			return row;
		}
		return new RuleSubject(row.kind(), business, notes, row.amount(), row.currency(), account, category, paidBy,
				forWhom);
	}

	/** The notes with the note added once: applying a rule again adds nothing. */
	static String withNote(String notes, String note) {
		if (notes == null || notes.isBlank()) {
			return note;
		}
		if (notes.toLowerCase(Locale.ROOT).contains(note.toLowerCase(Locale.ROOT))) {
			return notes;
		}
		return notes + " — " + note;
	}

}
