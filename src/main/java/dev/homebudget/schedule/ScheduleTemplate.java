package dev.homebudget.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryRequestReader;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.settle.SplitRequest;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The entry a schedule posts, as the v1 body of an expense or income (and, for an
 * expense, {@code paid_by}, {@code for_whom}, {@code shares}): read by the same reader as
 * {@code POST /api/v1/expense}, with the date of each occurrence and, for an instalment
 * plan, the amount of each payment put in.
 */
final class ScheduleTemplate {

	private static final EntryRequestReader EXPENSES = new EntryRequestReader(EntryField.EXPENSE_FIELDS);

	private static final EntryRequestReader INCOMES = new EntryRequestReader(EntryField.INCOME_FIELDS);

	/** The keys a template may hold; others are dropped (as the v1 POST ignores them). */
	private static final List<String> EXPENSE_KEYS = List.of("business", "category", "amount", "account", "currency",
			"notes", SplitRequest.PAID_BY, SplitRequest.FOR_WHOM, SplitRequest.SHARES);

	private static final List<String> INCOME_KEYS = List.of("category", "amount", "account", "currency", "notes");

	private final String kind;

	private final ObjectNode fields;

	private ScheduleTemplate(String kind, ObjectNode fields) {
		this.kind = kind;
		this.fields = fields;
	}

	/**
	 * Reads and checks a template; every bad field is a 422 item at
	 * {@code ["body", "template", <field>]}.
	 * @param planAmount for an instalment plan, the amount of its first payment (the
	 * template's own amount is then not needed and not used)
	 */
	static ScheduleTemplate read(String kind, JsonNode template, BigDecimal planAmount) {
		if (template == null || !template.isObject()) {
			throw new RequestValidationException(
					new ValidationIssue("model_attributes_type", List.of("body", "template"),
							"Input should be an object with the v1 fields of an " + kind, template, null));
		}
		ObjectNode fields = ((ObjectNode) template).objectNode();
		for (String key : "expense".equals(kind) ? EXPENSE_KEYS : INCOME_KEYS) {
			if (template.has(key)) {
				fields.set(key, template.get(key));
			}
		}
		if (planAmount != null) {
			fields.remove("amount");
		}
		ScheduleTemplate read = new ScheduleTemplate(kind, fields);
		read.values(LocalDate.of(2000, 1, 1), planAmount, null);
		if ("expense".equals(kind)) {
			read.split();
		}
		return read;
	}

	/** A stored template (checked when it was stored). */
	static ScheduleTemplate stored(String kind, JsonNode template) {
		return new ScheduleTemplate(kind, (ObjectNode) template);
	}

	JsonNode json() {
		return this.fields;
	}

	/** The amount the template names; null for an instalment plan. */
	BigDecimal amount() {
		JsonNode amount = this.fields.get("amount");
		return (amount == null) ? null : values(LocalDate.of(2000, 1, 1), null, null).amount();
	}

	String currency() {
		return values(LocalDate.of(2000, 1, 1), BigDecimal.ONE, null).text(EntryField.CURRENCY);
	}

	String category() {
		return values(LocalDate.of(2000, 1, 1), BigDecimal.ONE, null).text(EntryField.CATEGORY);
	}

	/** The account the template names, or null. */
	String account() {
		return values(LocalDate.of(2000, 1, 1), BigDecimal.ONE, null).text(EntryField.ACCOUNT);
	}

	/** The business of an expense; null for an income or where none is named. */
	String business() {
		return "expense".equals(this.kind)
				? values(LocalDate.of(2000, 1, 1), BigDecimal.ONE, null).text(EntryField.BUSINESS) : null;
	}

	/**
	 * The values of one entry.
	 * @param amount the amount to post, or null for the template's
	 * @param note a note added to the template's ("3 of 12"), or null
	 */
	EntryValues values(LocalDate date, BigDecimal amount, String note) {
		ObjectNode body = this.fields.deepCopy();
		body.put("date", date.toString());
		if (amount != null) {
			body.put("amount", amount.toPlainString());
		}
		if (note != null) {
			JsonNode notes = body.get("notes");
			String before = (notes == null || notes.isNull()) ? "" : notes.asString();
			body.put("notes", before.isEmpty() ? note : before + " · " + note);
		}
		try {
			return ("expense".equals(this.kind) ? EXPENSES : INCOMES).readCreate(body);
		}
		catch (RequestValidationException ex) {
			throw inTemplate(ex);
		}
	}

	/** Who paid and for whom, as the template says (absent keys: the defaults). */
	SplitRequest split() {
		if (!"expense".equals(this.kind)) {
			return SplitRequest.NONE;
		}
		try {
			return SplitRequest.read(this.fields);
		}
		catch (RequestValidationException ex) {
			throw inTemplate(ex);
		}
	}

	/** Whether the template names a payer or a split of its own. */
	boolean namesSplit() {
		return this.fields.has(SplitRequest.PAID_BY) || this.fields.has(SplitRequest.FOR_WHOM)
				|| this.fields.has(SplitRequest.SHARES);
	}

	/**
	 * The reader's items at {@code ["body", f]} moved to {@code ["body", "template", f]}.
	 */
	private static RequestValidationException inTemplate(RequestValidationException ex) {
		List<ValidationIssue> moved = new ArrayList<>();
		for (ValidationIssue issue : ex.issues()) {
			List<Object> loc = new ArrayList<>(issue.loc());
			if (!loc.isEmpty() && "body".equals(loc.get(0))) {
				loc.add(1, "template");
			}
			moved.add(new ValidationIssue(issue.type(), loc, issue.msg(), issue.input(), issue.ctx()));
		}
		return new RequestValidationException(moved);
	}

}
