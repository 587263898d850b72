package dev.homebudget.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

import dev.homebudget.ledger.Amounts;
import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.StorableText;
import dev.homebudget.web.ValidationIssue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of a rule's {@code conditions} and {@code actions}: read field by field (every
 * problem becomes one item of a single 422) and written back in the same shape, which is
 * also how the database keeps them.
 */
final class RuleJson {

	static final Set<String> CONDITIONS = Set.of("kind", "payee", "amount", "account", "currency");

	static final Set<String> PAYEE = Set.of("op", "value");

	static final Set<String> AMOUNT = Set.of("min", "max", "currency");

	static final Set<String> ACTIONS = Set.of("category", "business", "account", "paid_by", "for_whom", "note");

	private RuleJson() {
	}

	static Rule.Conditions conditions(JsonNode node, List<ValidationIssue> issues) {
		List<Object> at = List.of("body", "conditions");
		if (!object(node, at, CONDITIONS, issues)) {
			return null;
		}
		int before = issues.size();
		String kind = text(node, "kind", at, 10, issues);
		if (kind != null && !kind.equals(RuleSubject.EXPENSE) && !kind.equals(RuleSubject.INCOME)) {
			issues
				.add(new ValidationIssue("enum", loc(at, "kind"), "Input should be 'expense' or 'income'", kind, null));
		}
		Rule.TextMatch payee = payee(node.get("payee"), loc(at, "payee"), issues);
		Rule.AmountRange amount = amount(node.get("amount"), loc(at, "amount"), issues);
		String account = text(node, "account", at, 100, issues);
		String currency = text(node, "currency", at, 10, issues);
		if (issues.size() > before) {
			return null;
		}
		Rule.Conditions conditions = new Rule.Conditions(kind, payee, amount, account, currency);
		if (!conditions.any()) {
			issues.add(new ValidationIssue("missing", at, "Field required: a rule needs at least one condition ("
					+ String.join(", ", sorted(CONDITIONS)) + ")", node, null));
			return null;
		}
		return conditions;
	}

	static Rule.Actions actions(JsonNode node, List<ValidationIssue> issues) {
		List<Object> at = List.of("body", "actions");
		if (!object(node, at, ACTIONS, issues)) {
			return null;
		}
		int before = issues.size();
		String category = text(node, "category", at, 100, issues);
		String business = text(node, "business", at, 255, issues);
		String account = text(node, "account", at, 100, issues);
		Integer paidBy = member(node, "paid_by", at, issues);
		Integer forWhom = member(node, "for_whom", at, issues);
		String note = text(node, "note", at, 500, issues);
		if (issues.size() > before) {
			return null;
		}
		Rule.Actions actions = new Rule.Actions(category, business, account, paidBy, forWhom, note);
		if (!actions.any()) {
			issues.add(new ValidationIssue("missing", at,
					"Field required: a rule needs at least one action (" + String.join(", ", sorted(ACTIONS)) + ")",
					node, null));
			return null;
		}
		return actions;
	}

	private static Rule.TextMatch payee(JsonNode node, List<Object> at, List<ValidationIssue> issues) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!object(node, at, PAYEE, issues)) {
			return null;
		}
		String op = text(node, "op", at, 10, issues);
		String value = text(node, "value", at, Rule.TextMatch.MAX_LENGTH, issues);
		if (op == null) {
			issues.add(new ValidationIssue("missing", loc(at, "op"), "Field required", node, null));
		}
		else if (!List.of(Rule.TextMatch.CONTAINS, Rule.TextMatch.EQUALS, Rule.TextMatch.REGEX).contains(op)) {
			issues.add(new ValidationIssue("enum", loc(at, "op"), "Input should be 'contains', 'equals' or 'regex'", op,
					null));
			return null;
		}
		if (value == null) {
			if (!node.has("value") || node.get("value").isNull()) {
				issues.add(new ValidationIssue("missing", loc(at, "value"), "Field required", node, null));
			}
			return null;
		}
		if (op == null) {
			return null;
		}
		if (Rule.TextMatch.normal(value).isEmpty()) {
			issues.add(new ValidationIssue("string_too_short", loc(at, "value"),
					"String should have at least 1 character other than spaces", value, null));
			return null;
		}
		try {
			return Rule.TextMatch.of(op, value);
		}
		catch (PatternSyntaxException ex) {
			issues.add(
					new ValidationIssue("value_error", loc(at, "value"), "Value error, not a valid regular expression: "
							+ ex.getDescription() + " near index " + ex.getIndex(), value, null));
			return null;
		}
	}

	private static Rule.AmountRange amount(JsonNode node, List<Object> at, List<ValidationIssue> issues) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!object(node, at, AMOUNT, issues)) {
			return null;
		}
		int before = issues.size();
		BigDecimal min = bound(node, "min", at, issues);
		BigDecimal max = bound(node, "max", at, issues);
		String currency = text(node, "currency", at, 10, issues);
		if (min == null && max == null) {
			if (issues.size() > before) {
				return null;
			}
			issues.add(new ValidationIssue("missing", at, "Field required: an amount range needs min, max or both",
					node, null));
			return null;
		}
		if (min != null && max != null && min.compareTo(max) > 0) {
			issues.add(new ValidationIssue("value_error", loc(at, "max"), "Value error, max is at least min",
					node.get("max"), null));
			return null;
		}
		return new Rule.AmountRange(min, max, currency);
	}

	private static BigDecimal bound(JsonNode node, String name, List<Object> at, List<ValidationIssue> issues) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		try {
			BigDecimal amount = Amounts.fromJson(value);
			if (amount.signum() < 0) {
				issues.add(new ValidationIssue("greater_than_equal", loc(at, name),
						"Input should be greater than or equal to 0 (an amount is compared without its sign)", value,
						null));
				return null;
			}
			return amount;
		}
		catch (InvalidValue ex) {
			issues.add(ValidationIssue.of(ex, loc(at, name), value));
			return null;
		}
	}

	private static Integer member(JsonNode node, String name, List<Object> at, List<ValidationIssue> issues) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() <= 0) {
			issues
				.add(new ValidationIssue("int_type", loc(at, name), "Input should be a member's user id", value, null));
			return null;
		}
		return value.intValue();
	}

	private static String text(JsonNode node, String name, List<Object> at, int max, List<ValidationIssue> issues) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			issues
				.add(new ValidationIssue("string_type", loc(at, name), "Input should be a valid string", value, null));
			return null;
		}
		String text;
		try {
			text = StorableText.check(value.stringValue());
		}
		catch (InvalidValue ex) {
			issues.add(ValidationIssue.of(ex, loc(at, name), value));
			return null;
		}
		if (text.length() > max) {
			issues.add(new ValidationIssue("string_too_long", loc(at, name),
					"String should have at most " + max + " characters", value, java.util.Map.of("max_length", max)));
			return null;
		}
		if (!name.equals("value") && text.isBlank()) {
			issues.add(new ValidationIssue("string_too_short", loc(at, name),
					"String should have at least 1 character other than spaces", value, null));
			return null;
		}
		return text;
	}

	private static boolean object(JsonNode node, List<Object> at, Set<String> fields, List<ValidationIssue> issues) {
		if (node == null || node.isNull()) {
			issues.add(new ValidationIssue("missing", at, "Field required", null, null));
			return false;
		}
		if (!node.isObject()) {
			issues.add(new ValidationIssue("dict_type", at, "Input should be a valid dictionary", node, null));
			return false;
		}
		boolean fine = true;
		for (String name : node.propertyNames()) {
			if (!fields.contains(name)) {
				issues.add(new ValidationIssue("extra_forbidden", loc(at, name),
						"Extra inputs are not permitted; this object has " + String.join(", ", sorted(fields)),
						node.get(name), null));
				fine = false;
			}
		}
		return fine;
	}

	private static List<Object> loc(List<Object> at, String name) {
		List<Object> loc = new ArrayList<>(at);
		loc.add(name);
		return List.copyOf(loc);
	}

	private static List<String> sorted(Set<String> names) {
		return names.stream().sorted().toList();
	}

	static ObjectNode write(Rule.Conditions c) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("kind", c.kind());
		if (c.payee() != null) {
			node.putObject("payee").put("op", c.payee().op()).put("value", c.payee().value());
		}
		else {
			node.putNull("payee");
		}
		if (c.amount() != null) {
			node.putObject("amount")
				.put("min", c.amount().min())
				.put("max", c.amount().max())
				.put("currency", c.amount().currency());
		}
		else {
			node.putNull("amount");
		}
		node.put("account", c.account());
		node.put("currency", c.currency());
		return node;
	}

	static ObjectNode write(Rule.Actions a) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("category", a.category());
		node.put("business", a.business());
		node.put("account", a.account());
		node.put("paid_by", a.paidBy());
		node.put("for_whom", a.forWhom());
		node.put("note", a.note());
		return node;
	}

}
