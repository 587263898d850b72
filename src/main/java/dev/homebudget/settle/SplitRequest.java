package dev.homebudget.settle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.homebudget.ledger.Amounts;
import dev.homebudget.ledger.PatchRequest;
import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import tools.jackson.databind.JsonNode;

/**
 * The payer fields of an expense body, checked for shape only (422): {@code paid_by} (a
 * user id, or null for unknown), {@code for_whom} (a user id, or null / "shared") and
 * {@code shares} ([{"user_id": .., "amount": ..}] for a custom split). An absent key
 * keeps what is stored (on create: the caller pays, shared equally). {@code entered_by}
 * is never read from a body.
 */
public record SplitRequest(boolean paidByGiven, Integer paidBy, boolean forWhomGiven, Integer forWhom,
		List<Share> shares) {

	public static final String PAID_BY = "paid_by";

	public static final String FOR_WHOM = "for_whom";

	public static final String SHARES = "shares";

	/** The PATCH fields this request can carry. */
	public static final Set<String> FIELDS = Set.of(PAID_BY, FOR_WHOM, SHARES);

	public static final SplitRequest NONE = new SplitRequest(false, null, false, null, null);

	/** Whether any payer field is present (even as null). */
	public boolean any() {
		return this.paidByGiven || this.forWhomGiven || this.shares != null;
	}

	/** Whether it names anybody: what single-user mode and the JSON era cannot store. */
	public boolean namesMembers() {
		return this.paidBy != null || this.forWhom != null || this.shares != null;
	}

	/** Reads the payer fields of a POST or PUT body (an object). */
	public static SplitRequest read(JsonNode body) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		for (String name : List.of(PAID_BY, FOR_WHOM, SHARES)) {
			JsonNode node = (body == null) ? null : body.get(name);
			if (node != null) {
				fields.put(name, node);
			}
		}
		return read(fields, List.of("body"));
	}

	/** A PATCH of one payer field, if the patch names one. */
	public static Optional<SplitRequest> fromPatch(PatchRequest patch) {
		if (!FIELDS.contains(patch.field())) {
			return Optional.empty();
		}
		return Optional.of(read(Map.of(patch.field(), patch.value()), List.of("body", "value")));
	}

	private static SplitRequest read(Map<String, JsonNode> fields, List<Object> loc) {
		List<ValidationIssue> issues = new ArrayList<>();
		JsonNode paidBy = fields.get(PAID_BY);
		JsonNode forWhom = fields.get(FOR_WHOM);
		JsonNode shares = fields.get(SHARES);
		Integer payer = null;
		if (paidBy != null && !paidBy.isNull()) {
			payer = userId(paidBy, at(loc, PAID_BY, fields), issues);
		}
		Integer beneficiary = null;
		if (forWhom != null && !forWhom.isNull() && !(forWhom.isString() && "shared".equals(forWhom.stringValue()))) {
			beneficiary = userId(forWhom, at(loc, FOR_WHOM, fields), issues);
		}
		List<Share> custom = null;
		if (shares != null && !shares.isNull()) {
			custom = shares(shares, at(loc, SHARES, fields), issues);
		}
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		return new SplitRequest(paidBy != null, payer, forWhom != null, beneficiary, custom);
	}

	/** body.field for a POST/PUT; body.value for a PATCH (one field). */
	private static List<Object> at(List<Object> loc, String field, Map<String, JsonNode> fields) {
		List<Object> path = new ArrayList<>(loc);
		if (!"value".equals(loc.get(loc.size() - 1))) {
			path.add(field);
		}
		return path;
	}

	private static Integer userId(JsonNode node, List<Object> loc, List<ValidationIssue> issues) {
		if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() > 0) {
			return node.intValue();
		}
		issues.add(new ValidationIssue("int_type", loc, "Input should be a user id (a positive integer)", node, null));
		return null;
	}

	private static List<Share> shares(JsonNode node, List<Object> loc, List<ValidationIssue> issues) {
		if (!node.isArray() || node.isEmpty()) {
			issues.add(new ValidationIssue("list_type", loc,
					"Input should be a non-empty list of {\"user_id\": .., \"amount\": ..}", node, null));
			return null;
		}
		List<Share> shares = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode item = node.get(i);
			List<Object> itemLoc = new ArrayList<>(loc);
			itemLoc.add(i);
			if (!item.isObject()) {
				issues.add(new ValidationIssue("dict_type", itemLoc, "Input should be a valid dictionary", item, null));
				continue;
			}
			List<Object> userLoc = new ArrayList<>(itemLoc);
			userLoc.add("user_id");
			JsonNode user = item.get("user_id");
			Integer userId = (user == null) ? missing(userLoc, item, issues) : userId(user, userLoc, issues);
			List<Object> amountLoc = new ArrayList<>(itemLoc);
			amountLoc.add("amount");
			JsonNode rawAmount = item.get("amount");
			BigDecimal amount = null;
			if (rawAmount == null) {
				missing(amountLoc, item, issues);
			}
			else {
				try {
					amount = Amounts.fromJson(rawAmount);
				}
				catch (InvalidValue ex) {
					issues.add(ValidationIssue.of(ex, amountLoc, rawAmount));
				}
			}
			if (userId != null && amount != null) {
				shares.add(new Share(userId, amount));
			}
		}
		return shares;
	}

	private static Integer missing(List<Object> loc, JsonNode input, List<ValidationIssue> issues) {
		issues.add(new ValidationIssue("missing", loc, "Field required", input, null));
		return null;
	}

}
