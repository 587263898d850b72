package dev.homebudget.rules;

import org.springframework.stereotype.Component;

/**
 * A household's rules for another feature: a statement import applies them to every row
 * it parses. Read in the caller's transaction, if any.
 */
@Component
public class HouseholdRules {

	private final RuleStore store;

	HouseholdRules(RuleStore store) {
		this.store = store;
	}

	/** The household's rules in their order (an empty book when it has none). */
	public RuleBook book(int household) {
		return new RuleBook(this.store.list(household, RuleService.MAX_RULES));
	}

}
