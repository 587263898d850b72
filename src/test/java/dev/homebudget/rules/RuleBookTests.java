package dev.homebudget.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How rules match and fill in a row: payee text (contains, equals, regex; case and runs
 * of spaces ignored), amount range (with and without its currency), account, currency,
 * kind; the order (a higher rule wins a field, stop ends the run); and a catastrophic
 * pattern stopped by its step budget rather than by the clock.
 */
class RuleBookTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static int ids;

	private static Rule rule(String conditions, String actions) {
		return rule(conditions, actions, false);
	}

	private static Rule rule(String conditions, String actions, boolean stop) {
		List<dev.homebudget.web.ValidationIssue> issues = new ArrayList<>();
		Rule.Conditions c = RuleJson.conditions(JSON.readTree(conditions), issues);
		Rule.Actions a = RuleJson.actions(JSON.readTree(actions), issues);
		assertThat(issues).isEmpty();
		ids++;
		return new Rule(ids, "rule " + ids, true, ids, stop, c, a, 1);
	}

	private static RuleSubject expense(String business, String amount) {
		return new RuleSubject("expense", business, null, new BigDecimal(amount), "ILS", "Visa", "Uncategorized", null,
				null);
	}

	private static boolean matches(Rule rule, RuleSubject row) {
		return rule.test(row) == Rule.Match.YES;
	}

	@Test
	void payeeTextContainsAndEqualsIgnoreCaseAndRunsOfSpaces() {
		Rule contains = rule("{\"payee\":{\"op\":\"contains\",\"value\":\"shufersal  deal\"}}",
				"{\"category\":\"Food\"}");
		assertThat(matches(contains, expense("SHUFERSAL   DEAL Tel Aviv", "10"))).isTrue();
		assertThat(matches(contains, expense("Shufersal Online", "10"))).isFalse();
		assertThat(matches(contains, expense(null, "10"))).isFalse();
		Rule equals = rule("{\"payee\":{\"op\":\"equals\",\"value\":\" Netflix.com \"}}", "{\"category\":\"Fun\"}");
		assertThat(matches(equals, expense("NETFLIX.COM", "10"))).isTrue();
		assertThat(matches(equals, expense("netflix.com  Amsterdam", "10"))).isFalse();
	}

	@Test
	void aRegexIsFoundAnywhereIgnoringCaseAndCanBeAnchored() {
		Rule regex = rule("{\"payee\":{\"op\":\"regex\",\"value\":\"^paz\\\\s+\\\\d+$\"}}", "{\"category\":\"Fuel\"}");
		assertThat(matches(regex, expense("PAZ 1234", "10"))).isTrue();
		assertThat(matches(regex, expense("paz   77", "10"))).isTrue();
		assertThat(matches(regex, expense("Paz station 77", "10"))).isFalse();
		Rule anywhere = rule("{\"payee\":{\"op\":\"regex\",\"value\":\"uber|wolt\"}}", "{\"category\":\"Out\"}");
		assertThat(matches(anywhere, expense("WOLT Tel Aviv", "10"))).isTrue();
	}

	@Test
	void aCatastrophicPatternIsStoppedByItsStepBudgetAndCountsAsNotMatching() {
		// exponential backtracking (Java's engine copes with (a+)+$ on short texts)
		String input = "a".repeat(60) + "!";
		Rule.TextMatch slow = Rule.TextMatch.of(Rule.TextMatch.REGEX, "(.*a){20}");
		assertThat(slow.test(input)).isEqualTo(Rule.Match.TOO_SLOW);
		// the same pattern on a text without an a is answered normally
		assertThat(slow.test("bbb")).isEqualTo(Rule.Match.NO);
		// (a+)+$ on a long text (an income's notes have no length limit)
		assertThat(Rule.TextMatch.of(Rule.TextMatch.REGEX, "(a+)+$").test("a".repeat(5000) + "!"))
			.isEqualTo(Rule.Match.TOO_SLOW);
		// in a book: the rule is reported as too slow, the row is left alone, the next
		// rule still applies
		Rule catastrophic = rule("{\"payee\":{\"op\":\"regex\",\"value\":\"(.*a){20}\"}}", "{\"category\":\"Never\"}");
		Rule next = rule("{\"kind\":\"expense\"}", "{\"account\":\"Cash\"}");
		RuleBook book = new RuleBook(List.of(catastrophic, next));
		RuleBook.Outcome outcome = book.apply(expense(input, "10"));
		assertThat(outcome.tooSlow()).containsExactly(catastrophic.id());
		assertThat(outcome.ruleIds()).containsExactly(next.id());
		assertThat(outcome.row().category()).isEqualTo("Uncategorized");
		assertThat(outcome.row().account()).isEqualTo("Cash");
		// stopped three times, the book does not try it again, even on a text it would
		// answer quickly
		book.apply(expense(input, "10"));
		book.apply(expense(input, "10"));
		assertThat(book.apply(expense("bbb", "10")).tooSlow()).containsExactly(catastrophic.id());
		assertThat(new RuleBook(List.of(catastrophic)).apply(expense("bbb", "10")).tooSlow()).isEmpty();
	}

	@Test
	void amountRangeIsInclusiveAndOnlyInItsCurrencyWhenOneIsNamed() {
		Rule range = rule("{\"amount\":{\"min\":\"10\",\"max\":\"50.00\"}}", "{\"category\":\"Small\"}");
		assertThat(matches(range, expense("x", "10.00"))).isTrue();
		assertThat(matches(range, expense("x", "50"))).isTrue();
		assertThat(matches(range, expense("x", "50.01"))).isFalse();
		assertThat(matches(range, expense("x", "9.99"))).isFalse();
		Rule atLeast = rule("{\"amount\":{\"min\":1000}}", "{\"category\":\"Big\"}");
		assertThat(matches(atLeast, expense("x", "100000"))).isTrue();
		Rule inDollars = rule("{\"amount\":{\"max\":20,\"currency\":\"usd\"}}", "{\"category\":\"Apps\"}");
		assertThat(matches(inDollars, expense("x", "5"))).as("ILS, not USD").isFalse();
		RuleSubject dollars = new RuleSubject("expense", "x", null, new BigDecimal("5"), "$", "Visa", "c", null, null);
		assertThat(matches(inDollars, dollars)).isTrue();
	}

	@Test
	void accountCurrencyAndKindMustEqual() {
		Rule visa = rule("{\"account\":\"visa \",\"currency\":\"₪\",\"kind\":\"expense\"}", "{\"category\":\"Card\"}");
		assertThat(matches(visa, expense("x", "1"))).as("account ignoring case, ₪ is ILS").isTrue();
		RuleSubject other = new RuleSubject("expense", "x", null, BigDecimal.ONE, "ILS", "Cash", "c", null, null);
		assertThat(matches(visa, other)).isFalse();
		RuleSubject euros = new RuleSubject("expense", "x", null, BigDecimal.ONE, "EUR", "Visa", "c", null, null);
		assertThat(matches(visa, euros)).isFalse();
		RuleSubject income = new RuleSubject("income", null, "x", BigDecimal.ONE, "ILS", "Visa", "c", null, null);
		assertThat(matches(visa, income)).isFalse();
		Rule nis = rule("{\"currency\":\"NIS\"}", "{\"category\":\"Local\"}");
		assertThat(matches(nis, expense("x", "1"))).isTrue();
	}

	@Test
	void anIncomesPayeeTextIsItsNotesAndItHasNoBusinessOrPayers() {
		Rule salary = rule("{\"payee\":{\"op\":\"contains\",\"value\":\"acme\"}}",
				"{\"category\":\"Salary\",\"business\":\"Acme\",\"paid_by\":3,\"note\":\"monthly\"}");
		RuleSubject income = new RuleSubject("income", null, "ACME LTD — May", new BigDecimal("9000"), "ILS", "Bank",
				"Uncategorized", null, null);
		RuleBook.Outcome outcome = new RuleBook(List.of(salary)).apply(income);
		assertThat(outcome.row().category()).isEqualTo("Salary");
		assertThat(outcome.row().business()).isNull();
		assertThat(outcome.row().paidBy()).isNull();
		assertThat(outcome.row().notes()).isEqualTo("ACME LTD — May — monthly");
	}

	@Test
	void aHigherRuleWinsAFieldALowerOneFillsTheOthersAndStopEndsTheRun() {
		Rule first = rule("{\"payee\":{\"op\":\"contains\",\"value\":\"super\"}}", "{\"category\":\"Groceries\"}");
		Rule second = rule("{\"kind\":\"expense\"}", "{\"category\":\"Other\",\"account\":\"Family card\"}");
		RuleBook.Outcome both = new RuleBook(List.of(first, second)).apply(expense("SUPER YUDA", "80"));
		assertThat(both.row().category()).isEqualTo("Groceries");
		assertThat(both.row().account()).isEqualTo("Family card");
		assertThat(both.ruleIds()).containsExactly(first.id(), second.id());

		Rule stopping = rule("{\"payee\":{\"op\":\"contains\",\"value\":\"super\"}}", "{\"category\":\"Groceries\"}",
				true);
		RuleBook.Outcome stopped = new RuleBook(List.of(stopping, second)).apply(expense("SUPER YUDA", "80"));
		assertThat(stopped.row().account()).isEqualTo("Visa");
		assertThat(stopped.ruleIds()).containsExactly(stopping.id());

		// conditions see the row as the rules above left it
		Rule rename = rule("{\"payee\":{\"op\":\"regex\",\"value\":\"^amzn\"}}", "{\"business\":\"Amazon\"}");
		Rule byName = rule("{\"payee\":{\"op\":\"equals\",\"value\":\"amazon\"}}", "{\"category\":\"Shopping\"}");
		RuleBook.Outcome renamed = new RuleBook(List.of(rename, byName)).apply(expense("AMZN Mktp US*2K3", "30"));
		assertThat(renamed.row().business()).isEqualTo("Amazon");
		assertThat(renamed.row().category()).isEqualTo("Shopping");

		// a disabled rule is skipped
		Rule disabled = new Rule(99, "off", false, 0, false, first.conditions(), first.actions(), 1);
		assertThat(new RuleBook(List.of(disabled)).apply(expense("SUPER", "1")).applied()).isFalse();
		assertThat(new RuleBook(List.of(disabled)).isEmpty()).isTrue();
	}

	@Test
	void aNoteIsAddedOnce() {
		assertThat(RuleBook.withNote(null, "shared")).isEqualTo("shared");
		assertThat(RuleBook.withNote("", "shared")).isEqualTo("shared");
		assertThat(RuleBook.withNote("dinner", "shared")).isEqualTo("dinner — shared");
		assertThat(RuleBook.withNote("dinner — Shared", "shared")).isEqualTo("dinner — Shared");
	}

	@Test
	void badConditionsAndActionsAreEveryOneNamed() {
		List<dev.homebudget.web.ValidationIssue> issues = new ArrayList<>();
		RuleJson.conditions(JSON.readTree("{\"payee\":{\"op\":\"regex\",\"value\":\"(unclosed\"},\"kind\":\"gift\","
				+ "\"amount\":{\"min\":50,\"max\":10},\"colour\":\"red\"}"), issues);
		assertThat(issues).extracting((issue) -> issue.loc().toString())
			.containsExactlyInAnyOrder("[body, conditions, colour]");
		issues.clear();
		RuleJson.conditions(JSON.readTree(
				"{\"payee\":{\"op\":\"regex\",\"value\":\"(unclosed\"},\"kind\":\"gift\",\"amount\":{\"min\":50,\"max\":10}}"),
				issues);
		assertThat(issues).extracting((issue) -> issue.loc().toString())
			.containsExactlyInAnyOrder("[body, conditions, kind]", "[body, conditions, payee, value]",
					"[body, conditions, amount, max]");
		issues.clear();
		RuleJson.conditions(JSON.readTree("{\"payee\":{\"op\":\"regex\",\"value\":\"" + "a".repeat(501) + "\"}}"),
				issues);
		assertThat(issues.get(0).type()).isEqualTo("string_too_long");
		issues.clear();
		assertThat(RuleJson.conditions(JSON.readTree("{}"), issues)).isNull();
		assertThat(RuleJson.actions(JSON.readTree("{\"paid_by\":\"me\"}"), issues)).isNull();
		assertThat(issues).extracting((issue) -> issue.loc().toString())
			.containsExactly("[body, conditions]", "[body, actions, paid_by]");
	}

}
