package dev.homebudget.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.idempotency.IdempotentRequests;
import dev.homebudget.ledger.Amounts;
import dev.homebudget.ledger.EntryDates;
import dev.homebudget.ledger.EntryTotals;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.ApiSchemas;
import dev.homebudget.web.ConcurrencyProperties;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.JsonObjectBody;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/budgets}: a period's budget (every expense category: assigned, carried
 * in, spent, available, target need, status; with the period's income and what is left to
 * assign), changes of one category's line, moves between categories, copy, fill from the
 * average, the history of a carried amount, and the budget-versus-actual report. Amounts
 * are in the household's base currency, with two decimals.
 */
@RestController
@Tag(name = "budgets")
class BudgetController {

	static final String PATH = "/api/v1/budgets";

	private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

	private final BudgetService budgets;

	private final ConcurrencyProperties concurrency;

	private final IdempotentRequests idempotentRequests;

	BudgetController(BudgetService budgets, ConcurrencyProperties concurrency, IdempotentRequests idempotentRequests) {
		this.budgets = budgets;
		this.concurrency = concurrency;
		this.idempotentRequests = idempotentRequests;
	}

	record SettingsResponse(@JsonProperty("start_day") int startDay,
			@JsonProperty("weekend_rule") @Schema(allowableValues = {
					"none", "friday_before" }) String weekendRule){

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record TargetResponse(@Schema(allowableValues = {
			"save_by", "refill" }) String kind, BigDecimal amount, LocalDate date,
			@Schema(description = "What this period should be assigned to stay on target") BigDecimal need,
			@JsonProperty("still_needed") BigDecimal stillNeeded){

	}

	record RowResponse(@JsonProperty("category_id") int categoryId, String name,
			@JsonProperty("group_id") Integer groupId, boolean archived, BigDecimal assigned,
			@JsonProperty("carried_in") BigDecimal carriedIn, BigDecimal spent, BigDecimal available,
			@JsonProperty("carried_out") BigDecimal carriedOut, @Schema(allowableValues = {
					"none", "surplus", "both" }) String carry,
			@JsonProperty("carry_cap") BigDecimal carryCap, @JsonProperty("carry_floor") BigDecimal carryFloor,
			TargetResponse target,
			@Schema(description = "The member whose shares are counted; null: the whole amount") Integer member,
			@Schema(allowableValues = { "ok", "underfunded", "overspent" }) String status,
			@Schema(description = "Entries without an exchange rate, left out of spent") long unconverted, int version,
			@Schema(description = "What schedules are still to post in this category in the period (from today on, "
					+ "and occurrences waiting for confirmation), in the base currency; null in a member's budget") BigDecimal scheduled,
			@JsonProperty("scheduled_unconverted") @Schema(
					description = "Scheduled amounts without an exchange rate, left out of scheduled") long scheduledUnconverted,
			@JsonProperty("available_after_scheduled") @Schema(
					description = "available minus scheduled; null in a member's budget") BigDecimal availableAfterScheduled){

		static RowResponse of(BudgetService.Row row) {
			BudgetMath.Period p = row.period();
			BudgetMath.Target target = p.target();
			return new RowResponse(row.category().id(), row.category().name(), row.category().parentId(),
					row.category().archived(), p.assigned(), p.carriedIn(), p.spent(), p.available(), p.carriedOut(),
					p.carry().carry().value(), p.carry().cap(), p.carry().floor(),
					(target.amount() == null) ? null
							: new TargetResponse(target.kind(), target.amount(), target.date(), row.need(),
									row.stillNeeded()),
					(p.member() == 0) ? null : p.member(), row.status(), row.unconverted(), row.version(),
					(row.scheduled() != null) ? row.scheduled().amount() : null,
					(row.scheduled() != null) ? row.scheduled().unconverted() : 0, row.availableAfterScheduled());
		}

	}

	record GroupResponse(@JsonProperty("group_id") int groupId, String name, BigDecimal assigned,
			@JsonProperty("carried_in") BigDecimal carriedIn, BigDecimal spent, BigDecimal available) {

	}

	record PeriodResponse(String period, LocalDate start, LocalDate end,
			@Schema(description = "The base currency every amount is in") String currency, BigDecimal income,
			@JsonProperty("income_unconverted") long incomeUnconverted, BigDecimal assigned,
			@JsonProperty("to_assign") @Schema(description = "Income not yet assigned") BigDecimal toAssign,
			BigDecimal spent, BigDecimal available,
			@Schema(description = "Whether every entry of the period could be converted") boolean complete,
			@Schema(description = "What schedules are still to post in the period's categories (member budgets left out)") BigDecimal scheduled,
			@JsonProperty("available_after_scheduled") @Schema(
					description = "available minus scheduled") BigDecimal availableAfterScheduled,
			@JsonProperty("scheduled_complete") @Schema(
					description = "Whether every scheduled amount is counted (each had a rate, and no more than one look ahead lists came due)") boolean scheduledComplete,
			List<GroupResponse> groups, List<RowResponse> categories) {

		static PeriodResponse of(BudgetService.View view) {
			BigDecimal assigned = BudgetMath.zero();
			BigDecimal spent = BudgetMath.zero();
			BigDecimal available = BudgetMath.zero();
			BigDecimal scheduled = BudgetMath.zero();
			BigDecimal availableAfterScheduled = BudgetMath.zero();
			boolean scheduledComplete = view.scheduledComplete();
			long unconverted = view.income().unconverted();
			Map<Integer, BigDecimal[]> groups = new LinkedHashMap<>();
			Map<Integer, String> names = new LinkedHashMap<>();
			List<RowResponse> rows = new ArrayList<>();
			for (BudgetService.Row row : view.rows()) {
				BudgetMath.Period p = row.period();
				assigned = assigned.add(p.assigned());
				spent = spent.add(p.spent());
				available = available.add(p.available());
				if (row.scheduled() != null) {
					scheduled = scheduled.add(row.scheduled().amount());
					scheduledComplete &= row.scheduled().unconverted() == 0;
				}
				availableAfterScheduled = availableAfterScheduled
					.add((row.availableAfterScheduled() != null) ? row.availableAfterScheduled() : p.available());
				unconverted += row.unconverted();
				rows.add(RowResponse.of(row));
				int group = (row.category().parentId() != null) ? row.category().parentId() : row.category().id();
				BigDecimal[] sums = groups.computeIfAbsent(group, (id) -> new BigDecimal[] { BudgetMath.zero(),
						BudgetMath.zero(), BudgetMath.zero(), BudgetMath.zero() });
				sums[0] = sums[0].add(p.assigned());
				sums[1] = sums[1].add(p.carriedIn());
				sums[2] = sums[2].add(p.spent());
				sums[3] = sums[3].add(p.available());
				if (row.category().parentId() == null) {
					names.put(row.category().id(), row.category().name());
				}
			}
			// a group is a top-level category with categories in it
			List<GroupResponse> groupRows = new ArrayList<>();
			for (BudgetService.Row row : view.rows()) {
				Integer parent = row.category().parentId();
				if (parent != null && names.containsKey(parent)
						&& groupRows.stream().noneMatch((g) -> g.groupId() == parent)) {
					BigDecimal[] sums = groups.get(parent);
					groupRows.add(new GroupResponse(parent, names.get(parent), sums[0], sums[1], sums[2], sums[3]));
				}
			}
			EntryTotals.Converted income = view.income();
			return new PeriodResponse(view.period().toString(), view.start(), view.end(), view.currency(),
					income.total(), income.unconverted(), assigned, income.total().subtract(assigned), spent, available,
					unconverted == 0, scheduled, availableAfterScheduled, scheduledComplete, groupRows, rows);
		}

	}

	record LineChange(BigDecimal assigned, @Schema(allowableValues = {
			"none", "surplus", "both" }) String carry, @JsonProperty("carry_cap") BigDecimal carryCap,
			@JsonProperty("carry_floor") BigDecimal carryFloor,
			@Schema(description = "{\"kind\":\"save_by\",\"amount\":1200,\"date\":\"2026-12-31\"}, "
					+ "{\"kind\":\"refill\",\"amount\":300}, or null to remove") Object target,
			@Schema(description = "A member's id to count only their share; 0 for the whole amount") Integer member){

	}

	record Move(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer from,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer to,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string",
					example = "50.00") BigDecimal amount) {

	}

	record Copy(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-02") String to, @Schema(
			description = "Replace assignments the period has (default: only fill empty ones)") Boolean overwrite) {

	}

	record Fill(@Schema(description = "Periods to average over (1 to 24, default 3)") Integer periods,
			Boolean overwrite) {

	}

	record Changed(int categories) {

	}

	record ExplainRow(String period, @JsonProperty("carried_in") BigDecimal carriedIn, BigDecimal assigned,
			BigDecimal spent, BigDecimal available, @JsonProperty("carried_out") BigDecimal carriedOut, String carry) {

	}

	record ReportPeriod(String period, BigDecimal assigned, BigDecimal spent, BigDecimal difference,
			List<ReportRow> categories) {

	}

	record ReportRow(@JsonProperty("category_id") int categoryId, String name, BigDecimal assigned, BigDecimal spent,
			BigDecimal difference, long unconverted) {

	}

	@GetMapping(path = PATH + "/settings", produces = "application/json")
	@Operation(operationId = "getBudgetSettings", summary = "When the household's budget periods start")
	ResponseEntity<SettingsResponse> settings() {
		BudgetStore.Settings settings = this.budgets.settings();
		return ResponseEntity.ok()
			.eTag(IfMatch.etag(settings.version()))
			.body(new SettingsResponse(settings.startDay(), settings.weekendRule()));
	}

	@PutMapping(path = PATH + "/settings", produces = "application/json")
	@Operation(operationId = "putBudgetSettings",
			summary = "Set the day periods start on (1-28) and whether a weekend start moves to the Friday before",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = SettingsResponse.class))))
	ResponseEntity<SettingsResponse> putSettings(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		IfMatch precondition = IfMatch.parse(ifMatch, this.concurrency.requireIfMatch());
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		Integer day = fields.integer("start_day");
		if (day != null && (day < 1 || day > 28)) {
			fields.invalid("start_day", "Value error, start_day is 1 to 28 (every month has those days)", day);
		}
		String rule = fields.optionalText("weekend_rule");
		if (rule != null && !rule.equals("none") && !rule.equals("friday_before")) {
			fields.issue(new ValidationIssue("enum", List.of("body", "weekend_rule"),
					"Input should be 'none' or 'friday_before'", rule, null));
		}
		fields.check();
		BudgetStore.Settings settings = this.budgets.putSettings(day, (rule != null) ? rule : "none", precondition);
		return ResponseEntity.ok()
			.eTag(IfMatch.etag(settings.version()))
			.body(new SettingsResponse(settings.startDay(), settings.weekendRule()));
	}

	@GetMapping(path = PATH + "/{period}", produces = "application/json")
	@Operation(operationId = "getBudgetPeriod",
			summary = "A period's budget: every expense category with assigned, carried in, spent, available, "
					+ "target need and status; the period's income and what is left to assign")
	PeriodResponse period(@PathVariable("period") @Parameter(schema = @Schema(example = "2026-01")) String period) {
		return PeriodResponse.of(this.budgets.period(period(period, "period")));
	}

	@PutMapping(path = PATH + "/{period}/categories/{category_id}", produces = "application/json")
	@Operation(operationId = "putBudgetLine",
			summary = "Set one category's assignment, carry mode, cap, floor, target or member in a period "
					+ "(the rules from this period on)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = LineChange.class))))
	@ApiResponse(responseCode = "412", description = "Changed by someone else since the If-Match version",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<RowResponse> change(@PathVariable("period") String period,
			@PathVariable("category_id") @Parameter(schema = @Schema(type = "integer")) String rawCategory,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		YearMonth month = period(period, "period");
		int category = id(rawCategory);
		IfMatch precondition = IfMatch.parse(ifMatch, this.concurrency.requireIfMatch());
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		BigDecimal assigned = fields.optionalField("assigned", BudgetController::amountOrZero);
		String mode = fields.optionalText("carry");
		Carry carry = null;
		if (mode != null) {
			carry = Carry.of(mode)
				.orElseGet(() -> fields.issue(new ValidationIssue("enum", List.of("body", "carry"),
						"Input should be 'none', 'surplus' or 'both'", mode, null)));
		}
		BigDecimal cap = fields.optionalField("carry_cap", BudgetController::amountOrZero);
		BigDecimal floor = fields.optionalField("carry_floor", BudgetController::floor);
		boolean carryGiven = fields.json().has("carry") || fields.json().has("carry_cap")
				|| fields.json().has("carry_floor");
		BudgetMath.Target target = null;
		if (fields.json().has("target")) {
			target = fields.json().get("target").isNull() ? BudgetMath.Target.NONE : target(fields);
		}
		Integer member = fields.optionalInteger("member");
		if (member != null && member < 0) {
			fields.invalid("member", "Value error, a member is a user id, or 0 for everyone", member);
		}
		fields.check();
		if (!fields.json().has("assigned") && !carryGiven && target == null && member == null) {
			throw JsonObjectBody.invalidField("assigned",
					"Value error, name at least one of assigned, carry, carry_cap, carry_floor, target, member", null);
		}
		BudgetMath.CarryRule rule = carryGiven ? new BudgetMath.CarryRule(carry, cap, floor) : null;
		BudgetService.Row row = this.budgets.change(month, category,
				new BudgetService.Change(assigned, rule, carryGiven, target, member), precondition);
		return ResponseEntity.ok().eTag(IfMatch.etag(row.version())).body(RowResponse.of(row));
	}

	@PostMapping(path = PATH + "/{period}/moves", produces = "application/json")
	@Operation(operationId = "moveBudget",
			summary = "Move an amount assigned to one category to another in a period (cover an overspending)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json", schema = @Schema(implementation = Move.class))))
	ResponseEntity<String> move(@PathVariable("period") String period,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = "Makes a retried move happen once") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		YearMonth month = period(period, "period");
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		Integer from = fields.integer("from");
		Integer to = fields.integer("to");
		BigDecimal amount = fields.field("amount", BudgetController::positive);
		fields.check();
		return this.idempotentRequests.execute(idempotencyKey, "POST " + PATH + "/" + month + "/moves", body, null,
				() -> PeriodResponse.of(this.budgets.move(month, from, to, amount)));
	}

	@PostMapping(path = PATH + "/{period}/copy", produces = "application/json")
	@Operation(operationId = "copyBudget", summary = "Copy this period's assignments into another period",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json", schema = @Schema(implementation = Copy.class))))
	ResponseEntity<String> copy(@PathVariable("period") String period,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = "Makes a retried copy happen once") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		YearMonth month = period(period, "period");
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		String to = fields.text("to");
		YearMonth into = (to != null) ? bodyPeriod(fields, "to", to) : null;
		Boolean overwrite = fields.optionalField("overwrite", BudgetController::bool);
		fields.check();
		return this.idempotentRequests.execute(idempotencyKey, "POST " + PATH + "/" + month + "/copy", body, null,
				() -> new Changed(this.budgets.copy(month, into, Boolean.TRUE.equals(overwrite))));
	}

	@PostMapping(path = PATH + "/{period}/fill", produces = "application/json")
	@Operation(operationId = "fillBudget",
			summary = "Assign each category the average it spent over the periods before this one",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = "application/json", schema = @Schema(implementation = Fill.class))))
	ResponseEntity<String> fill(@PathVariable("period") String period,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = "Makes a retried fill happen once") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		YearMonth month = period(period, "period");
		JsonObjectBody fields = JsonObjectBody.readOptional(body, contentType);
		Integer periods = fields.optionalInteger("periods");
		if (periods != null && (periods < 1 || periods > BudgetService.MAX_FILL_PERIODS)) {
			fields.invalid("periods", "Value error, periods is 1 to " + BudgetService.MAX_FILL_PERIODS, periods);
		}
		Boolean overwrite = fields.optionalField("overwrite", BudgetController::bool);
		fields.check();
		return this.idempotentRequests.execute(idempotencyKey, "POST " + PATH + "/" + month + "/fill", body, null,
				() -> new Changed(
						this.budgets.fill(month, (periods != null) ? periods : 3, Boolean.TRUE.equals(overwrite))));
	}

	@GetMapping(path = PATH + "/{period}/categories/{category_id}/explain", produces = "application/json")
	@Operation(operationId = "explainBudgetLine",
			summary = "Where a carried amount comes from: every period of the category up to this one")
	List<ExplainRow> explain(@PathVariable("period") String period,
			@PathVariable("category_id") @Parameter(schema = @Schema(type = "integer")) String rawCategory) {
		return this.budgets.explain(period(period, "period"), id(rawCategory))
			.stream()
			.map((p) -> new ExplainRow(p.period().toString(), p.carriedIn(), p.assigned(), p.spent(), p.available(),
					p.carriedOut(), p.carry().carry().value()))
			.toList();
	}

	@GetMapping(path = "/api/v1/reports/budget", produces = "application/json")
	@Operation(operationId = "reportBudget",
			summary = "Budget against actual for each period of a range (at most 120), per category")
	List<ReportPeriod> report(
			@RequestParam(name = "from",
					required = false) @Parameter(schema = @Schema(example = "2026-01")) String from,
			@RequestParam(name = "to", required = false) @Parameter(schema = @Schema(example = "2026-12")) String to) {
		YearMonth first = queryPeriod("from", from);
		YearMonth last = queryPeriod("to", to);
		List<ReportPeriod> result = new ArrayList<>();
		this.budgets.report(first, last).forEach((period, rows) -> {
			BigDecimal assigned = BudgetMath.zero();
			BigDecimal spent = BudgetMath.zero();
			List<ReportRow> categories = new ArrayList<>();
			for (BudgetService.Row row : rows) {
				BudgetMath.Period p = row.period();
				if (p.assigned().signum() == 0 && p.spent().signum() == 0) {
					continue;
				}
				assigned = assigned.add(p.assigned());
				spent = spent.add(p.spent());
				categories.add(new ReportRow(row.category().id(), row.category().name(), p.assigned(), p.spent(),
						p.assigned().subtract(p.spent()), row.unconverted()));
			}
			result.add(new ReportPeriod(period.toString(), assigned, spent, assigned.subtract(spent), categories));
		});
		return result;
	}

	private static YearMonth period(String text, String name) {
		if (text == null || !PERIOD.matcher(text).matches()) {
			throw new RequestValidationException(new ValidationIssue("value_error", List.of("path", name),
					"Value error, a period is YYYY-MM", text, null));
		}
		return YearMonth.parse(text);
	}

	private static YearMonth queryPeriod(String name, String text) {
		if (text == null || !PERIOD.matcher(text).matches()) {
			throw new RequestValidationException(
					new ValidationIssue((text == null) ? "missing" : "value_error", List.of("query", name),
							(text == null) ? "Field required" : "Value error, a period is YYYY-MM", text, null));
		}
		return YearMonth.parse(text);
	}

	private static YearMonth bodyPeriod(JsonObjectBody fields, String name, String text) {
		if (!PERIOD.matcher(text).matches()) {
			fields.invalid(name, "Value error, a period is YYYY-MM", text);
			return null;
		}
		return YearMonth.parse(text);
	}

	private static int id(String raw) {
		try {
			return Integer.parseInt(raw);
		}
		catch (NumberFormatException ex) {
			throw new ApiException(HttpStatus.NOT_FOUND, "Category not found");
		}
	}

	private static BudgetMath.Target target(JsonObjectBody fields) {
		JsonNode node = fields.json().get("target");
		if (!node.isObject()) {
			return fields.issue(new ValidationIssue("dict_type", List.of("body", "target"),
					"Input should be a valid dictionary", node, null));
		}
		JsonNode kind = node.get("kind");
		String value = (kind != null && kind.isString()) ? kind.stringValue() : null;
		if (!"save_by".equals(value) && !"refill".equals(value)) {
			return fields.issue(new ValidationIssue("enum", List.of("body", "target", "kind"),
					"Input should be 'save_by' or 'refill'", kind, null));
		}
		BigDecimal amount;
		try {
			amount = positive(node.get("amount"));
		}
		catch (InvalidValue ex) {
			return fields.issue(ValidationIssue.of(ex, List.of("body", "target", "amount"), node.get("amount")));
		}
		LocalDate date = null;
		if (value.equals("save_by")) {
			JsonNode raw = node.get("date");
			try {
				if (raw == null || !raw.isString()) {
					throw new InvalidValue("date_type", "Input should be a valid date");
				}
				date = EntryDates.parse(raw.stringValue());
			}
			catch (InvalidValue ex) {
				return fields.issue(ValidationIssue.of(ex, List.of("body", "target", "date"), raw));
			}
		}
		return new BudgetMath.Target(value, amount, date);
	}

	private static BigDecimal amountOrZero(JsonNode value) throws InvalidValue {
		BigDecimal amount = Amounts.fromJson(value);
		if (amount.signum() < 0) {
			throw new InvalidValue("greater_than_equal", "Input should be greater than or equal to 0");
		}
		return amount;
	}

	private static BigDecimal positive(JsonNode value) throws InvalidValue {
		if (value == null || value.isNull()) {
			throw new InvalidValue("missing", "Field required");
		}
		BigDecimal amount = Amounts.fromJson(value);
		if (amount.signum() <= 0) {
			throw new InvalidValue("greater_than", "Input should be greater than 0");
		}
		return amount;
	}

	private static BigDecimal floor(JsonNode value) throws InvalidValue {
		BigDecimal amount = Amounts.fromJson(value);
		if (amount.signum() > 0) {
			throw new InvalidValue("less_than_equal", "Input should be less than or equal to 0");
		}
		return amount;
	}

	private static Boolean bool(JsonNode value) throws InvalidValue {
		if (!value.isBoolean()) {
			throw new InvalidValue("bool_type", "Input should be a valid boolean");
		}
		return value.booleanValue();
	}

}
