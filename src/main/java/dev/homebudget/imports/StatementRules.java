package dev.homebudget.imports;

import java.util.ArrayList;
import java.util.List;

import dev.homebudget.rules.HouseholdRules;
import dev.homebudget.rules.RuleBook;
import dev.homebudget.rules.RuleSubject;

import org.springframework.stereotype.Component;

/**
 * The household's rules applied to the rows of a statement, before they are classified
 * and staged: each row gets the fields its rules fill in and remembers which rules did
 * (see docs/rules.md). Rows that could not be read are left as they are.
 */
@Component
class StatementRules {

	private final HouseholdRules rules;

	StatementRules(HouseholdRules rules) {
		this.rules = rules;
	}

	/** What rules did to one row: their ids in order, and who paid and for whom. */
	record Applied(List<Integer> ruleIds, Integer paidBy, Integer forWhom) {

		static final Applied NONE = new Applied(List.of(), null, null);

	}

	/** The rows as the rules left them, and per row what they did. */
	record Ruled(List<CsvStatement.ParsedRow> rows, List<Applied> applied) {

	}

	Ruled apply(int household, List<CsvStatement.ParsedRow> rows) {
		RuleBook book = this.rules.book(household);
		List<CsvStatement.ParsedRow> ruled = new ArrayList<>(rows.size());
		List<Applied> applied = new ArrayList<>(rows.size());
		for (CsvStatement.ParsedRow row : rows) {
			if (row.error() != null || book.isEmpty()) {
				ruled.add(row);
				applied.add(Applied.NONE);
				continue;
			}
			RuleBook.Outcome outcome = book.apply(new RuleSubject(row.kind(), row.business(), row.notes(), row.amount(),
					row.currency(), row.account(), row.category(), null, null));
			RuleSubject after = outcome.row();
			ruled.add(new CsvStatement.ParsedRow(row.line(), null, row.kind(), row.date(), row.amount(), row.currency(),
					after.business(), after.notes(), after.category(), after.account(), row.bankId()));
			applied.add(
					outcome.applied() ? new Applied(outcome.ruleIds(), after.paidBy(), after.forWhom()) : Applied.NONE);
		}
		return new Ruled(ruled, applied);
	}

}
