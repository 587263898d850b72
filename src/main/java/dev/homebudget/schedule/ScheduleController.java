package dev.homebudget.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.idempotency.IdempotentRequests;
import dev.homebudget.ledger.Amounts;
import dev.homebudget.ledger.EntryDates;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.ApiSchemas;
import dev.homebudget.web.ConcurrencyProperties;
import dev.homebudget.web.DeletedResponse;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/schedules}: recurring expenses and incomes and instalment plans (create,
 * list, read, edit, pause, resume, end, delete), their occurrences (confirm, skip), the
 * household's default split, and {@code /api/v1/upcoming}: what is coming up. See
 * docs/schedules.md.
 */
@RestController
@Tag(name = "schedules")
class ScheduleController {

	static final String PATH = "/api/v1/schedules";

	private static final String IF_MATCH_DOC = "ETag of the version you read; a stale one is refused with 412";

	/** How far back a schedule may start (its missed occurrences are posted). */
	static final int MAX_DAYS_BACK = 366;

	private final ScheduleService schedules;

	private final ConcurrencyProperties concurrency;

	private final IdempotentRequests idempotentRequests;

	ScheduleController(ScheduleService schedules, ConcurrencyProperties concurrency,
			IdempotentRequests idempotentRequests) {
		this.schedules = schedules;
		this.concurrency = concurrency;
		this.idempotentRequests = idempotentRequests;
	}

	record PlanResponse(BigDecimal total, int count, @JsonProperty("first_amount") BigDecimal firstAmount) {

	}

	record NextResponse(LocalDate occurrence, LocalDate date, int seq, BigDecimal amount, String currency) {

	}

	record ScheduleResponse(int id, @Schema(allowableValues = {
			"expense", "income" }) String kind,
			@Schema(type = "object", description = "The v1 fields of the entries it posts") JsonNode template,
			String rrule, LocalDate start, LocalDate end, Integer count,
			@Schema(allowableValues = { "keep", "before", "after" }) String weekend,
			@Schema(allowableValues = { "auto", "confirm" }) String mode, boolean approximate,
			@Schema(allowableValues = { "active", "paused", "ended" }) String status,
			@Schema(description = "An instalment plan; null for a plain schedule") PlanResponse instalments,
			@Schema(description = "Occurrences posted so far") int posted,
			@Schema(description = "The next occurrence not handled yet; null when none is left") NextResponse next,
			@JsonProperty("last_error") @Schema(
					description = "Why the last try to post failed; null once one succeeds") String lastError,
			int version){

		static ScheduleResponse of(ScheduleService.View view) {
			Schedule s = view.schedule();
			ScheduleTemplate template = s.entryTemplate();
			NextResponse next = (view.next() == null) ? null : new NextResponse(view.next().due(), view.next().date(),
					view.next().seq(), view.nextAmount(), template.currency());
			return new ScheduleResponse(s.id(), s.kind(), s.template(), s.rrule(), s.start(), s.end(), s.count(),
					s.weekend().value(), s.mode(), s.approximate(), s.status(),
					(s.planTotal() == null) ? null : new PlanResponse(s.planTotal(), s.count(), s.planFirst()),
					view.posted(), next, s.lastError(), s.version());
		}

	}

	record OccurrenceResponse(@JsonProperty("schedule_id") int scheduleId,
			@Schema(description = "The date the rule gives: the occurrence's key in URLs") LocalDate occurrence,
			@Schema(description = "The date of its entry, after the weekend rule") LocalDate date, int seq,
			@Schema(description = "Payments of an instalment plan; null for a plain schedule") Integer of,
			@Schema(description = "\"3 of 12\" for an instalment plan") String label, @Schema(allowableValues = {
					"posted", "due", "skipped" }) String status,
			@JsonProperty("entry_kind") String entryKind, @JsonProperty("entry_id") Integer entryId, BigDecimal amount){

		static OccurrenceResponse of(ScheduleStore.StoredOccurrence o, Integer of) {
			return new OccurrenceResponse(o.scheduleId(), o.due(), o.date(), o.seq(), of,
					(of == null) ? null : o.seq() + " of " + of, o.status(), o.entryKind(), o.entryId(), o.amount());
		}

	}

	record UpcomingResponse(@JsonProperty("schedule_id") int scheduleId, String kind, LocalDate occurrence,
			LocalDate date, BigDecimal amount, String currency, boolean approximate, String category, String business,
			int seq, Integer of, String label, @Schema(allowableValues = {
					"due", "to_confirm", "scheduled" },
					description = "due: waiting for Confirm or Skip; to_confirm: will wait for it on its date; "
							+ "scheduled: posted automatically on its date") String status){

		static UpcomingResponse of(ScheduleService.Upcoming item) {
			Schedule s = item.schedule();
			ScheduleTemplate template = s.entryTemplate();
			Integer of = (s.planTotal() != null) ? s.count() : null;
			return new UpcomingResponse(s.id(), s.kind(), item.occurrence().due(), item.occurrence().date(),
					item.amount(), template.currency(), s.approximate(), template.category(), template.business(),
					item.occurrence().seq(), of, (of == null) ? null : item.occurrence().seq() + " of " + of,
					item.status());
		}

	}

	record SplitSettingsResponse(@JsonProperty("default_split") @Schema(
			description = "Member id to weight ({\"7\": 60, \"9\": 40}, or stated incomes); null: equal shares") Map<String, BigDecimal> defaultSplit) {

	}

	record CreateSchema(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
			"expense", "income" }) String kind,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "The v1 fields of the entry (no date; no amount for instalments); "
							+ "paid_by, for_whom, shares for an expense in sign-in mode") Object template,
			@Schema(example = "FREQ=MONTHLY;BYMONTHDAY=-1",
					description = "RFC 5545 RRULE (days only; no COUNT or UNTIL); FREQ=MONTHLY for instalments "
							+ "by default") String rrule,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-01-31") LocalDate start, LocalDate end,
			Integer count, @Schema(allowableValues = { "keep", "before", "after" }) String weekend,
			@Schema(allowableValues = { "auto", "confirm" }) String mode, Boolean approximate,
			@Schema(description = "{\"total\": 1200, \"count\": 12, \"first_amount\": null}") Object instalments){

	}

	record ChangeSchema(@Schema(allowableValues = {
			"active", "paused", "ended" }) String status, Object template, String rrule, LocalDate start, LocalDate end,
			Integer count, String weekend, String mode, Boolean approximate){

	}

	record ConfirmSchema(@Schema(description = "The real amount; the schedule's when absent") BigDecimal amount) {

	}

	@GetMapping(path = PATH, produces = "application/json")
	@Operation(operationId = "listSchedules", summary = "The household's schedules (at most 500), oldest first")
	List<ScheduleResponse> list() {
		return this.schedules.list().stream().map(ScheduleResponse::of).toList();
	}

	@PostMapping(path = PATH, produces = "application/json")
	@Operation(operationId = "createSchedule",
			summary = "Create a recurring expense or income, or an instalment plan (\"instalments\")",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = CreateSchema.class))))
	@ApiResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = ScheduleResponse.class)))
	ResponseEntity<String> create(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(
					description = "Makes a retried POST return the first response instead of creating twice") @RequestHeader(
							name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		String kind = fields.text("kind");
		if (kind != null && !kind.equals("expense") && !kind.equals("income")) {
			fields.issue(new ValidationIssue("enum", List.of("body", "kind"), "Input should be 'expense' or 'income'",
					kind, null));
		}
		InstalmentPlan plan = null;
		JsonNode instalments = fields.node("instalments");
		if (instalments != null) {
			plan = plan(fields, instalments);
		}
		String rrule = (plan != null && !fields.has("rrule")) ? "FREQ=MONTHLY" : fields.text("rrule");
		LocalDate start = fields.field("start", ScheduleController::date);
		LocalDate end = fields.optionalField("end", ScheduleController::date);
		Integer count = fields.optionalInteger("count");
		if (plan != null && count != null && count != plan.count()) {
			fields.invalid("count", "Value error, an instalment plan has as many occurrences as payments", count);
		}
		if (plan != null && end != null) {
			fields.invalid("end", "Value error, an instalment plan ends with its last payment", end.toString());
		}
		Recurrence.Weekend weekend = weekend(fields);
		String mode = mode(fields);
		Boolean approximate = fields.optionalBoolean("approximate");
		checkRule(fields, rrule, start, end, (plan != null) ? Integer.valueOf(plan.count()) : count, true);
		fields.check();
		ScheduleTemplate template = ScheduleTemplate.read(kind, fields.json().get("template"),
				(plan != null) ? plan.amount(1) : null);
		InstalmentPlan checkedPlan = plan;
		ScheduleStore.NewSchedule draft = new ScheduleStore.NewSchedule(0, null, kind, template.json(), rrule, start,
				end, (plan != null) ? Integer.valueOf(plan.count()) : count, weekend, mode,
				approximate != null && approximate, (plan != null) ? plan.total() : null,
				(plan != null) ? plan.first() : null);
		return this.idempotentRequests.execute(idempotencyKey, "POST " + PATH, body, HttpStatus.CREATED,
				IfMatch.etag(0), () -> ScheduleResponse.of(this.schedules.create(draft)));
	}

	@GetMapping(path = PATH + "/{schedule_id}", produces = "application/json")
	@Operation(operationId = "getSchedule", summary = "One schedule, with its next occurrence")
	ResponseEntity<ScheduleResponse> get(
			@PathVariable("schedule_id") @Parameter(schema = @Schema(type = "integer")) String rawId) {
		ScheduleService.View view = this.schedules.get(id(rawId));
		return ResponseEntity.ok().eTag(IfMatch.etag(view.schedule().version())).body(ScheduleResponse.of(view));
	}

	@PatchMapping(path = PATH + "/{schedule_id}", produces = "application/json")
	@Operation(operationId = "changeSchedule",
			summary = "Edit a schedule, or pause (status paused), resume (active) or end (ended) it; "
					+ "only the fields present change",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = ChangeSchema.class))))
	@ApiResponse(responseCode = "412", description = "Changed by someone else since the If-Match version",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<ScheduleResponse> change(
			@PathVariable("schedule_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		int id = id(rawId);
		IfMatch precondition = IfMatch.parse(ifMatch, this.concurrency.requireIfMatch());
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		String status = fields.optionalText("status");
		if (status != null && !List.of(Schedule.ACTIVE, Schedule.PAUSED, Schedule.ENDED).contains(status)) {
			fields.issue(new ValidationIssue("enum", List.of("body", "status"),
					"Input should be 'active', 'paused' or 'ended'", status, null));
		}
		String rrule = fields.optionalText("rrule");
		LocalDate start = fields.optionalField("start", ScheduleController::date);
		LocalDate end = fields.optionalField("end", ScheduleController::date);
		Integer count = fields.optionalInteger("count");
		Recurrence.Weekend weekend = fields.has("weekend") ? weekend(fields) : null;
		String mode = fields.has("mode") ? mode(fields) : null;
		Boolean approximate = fields.optionalBoolean("approximate");
		JsonNode template = fields.node("template");
		fields.check();
		List<String> known = List.of("status", "rrule", "start", "end", "count", "weekend", "mode", "approximate",
				"template");
		boolean any = false;
		for (String name : known) {
			any |= fields.json().has(name);
		}
		if (!any) {
			throw JsonObjectBody.invalidField("status", "Value error, name at least one of " + String.join(", ", known),
					null);
		}
		ScheduleService.View changed = this.schedules.change(id, (before) -> {
			boolean plan = before.planTotal() != null;
			JsonObjectBody again = fields;
			if (plan && (fields.json().has("count") || fields.json().has("end"))) {
				throw JsonObjectBody.invalidField(fields.json().has("count") ? "count" : "end",
						"Value error, an instalment plan's number of payments does not change; end it instead", null);
			}
			String newRule = (rrule != null) ? rrule : before.rrule();
			LocalDate newStart = (start != null) ? start : before.start();
			LocalDate newEnd = fields.json().has("end") ? end : before.end();
			Integer newCount = fields.json().has("count") ? count : before.count();
			checkRule(again, newRule, newStart, newEnd, newCount, start != null);
			again.check();
			JsonNode newTemplate = (template != null)
					? ScheduleTemplate.read(before.kind(), template, plan ? before.plan().amount(1) : null).json()
					: before.template();
			return new Schedule(before.id(), before.household(), before.createdBy(), before.creatorName(),
					before.kind(), newTemplate, newRule, newStart, newEnd, newCount,
					(weekend != null) ? weekend : before.weekend(), (mode != null) ? mode : before.mode(),
					(approximate != null) ? approximate : before.approximate(),
					(status != null) ? status : before.status(), before.planTotal(), before.planFirst(),
					before.postFrom(), before.lastError(), before.version());
		}, precondition);
		return ResponseEntity.ok().eTag(IfMatch.etag(changed.schedule().version())).body(ScheduleResponse.of(changed));
	}

	@DeleteMapping(path = PATH + "/{schedule_id}", produces = "application/json")
	@Operation(operationId = "deleteSchedule",
			summary = "Delete a schedule and its occurrence records; the entries it posted stay")
	DeletedResponse delete(@PathVariable("schedule_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		int id = id(rawId);
		this.schedules.delete(id, IfMatch.parse(ifMatch, this.concurrency.requireIfMatch()));
		return DeletedResponse.of(id);
	}

	@GetMapping(path = PATH + "/{schedule_id}/occurrences", produces = "application/json")
	@Operation(operationId = "listScheduleOccurrences",
			summary = "The occurrences handled so far (posted, due, skipped), newest first, at most 200")
	List<OccurrenceResponse> occurrences(
			@PathVariable("schedule_id") @Parameter(schema = @Schema(type = "integer")) String rawId) {
		int id = id(rawId);
		Integer of = planCount(id);
		return this.schedules.occurrences(id).stream().map((o) -> OccurrenceResponse.of(o, of)).toList();
	}

	@PostMapping(path = PATH + "/{schedule_id}/occurrences/{date}/confirm", produces = "application/json")
	@Operation(operationId = "confirmOccurrence",
			summary = "Post an occurrence now (a due one, or one still to come), with the real amount if given",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = ConfirmSchema.class))))
	ResponseEntity<String> confirm(
			@PathVariable("schedule_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@PathVariable("date") @Parameter(schema = @Schema(example = "2026-01-31")) String rawDate,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = "Makes a retried confirmation return the first response") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		LocalDate due = pathDate(rawDate);
		JsonObjectBody fields = JsonObjectBody.readOptional(body, contentType);
		BigDecimal amount = fields.optionalField("amount", Amounts::fromJson);
		fields.check();
		int id = id(rawId);
		return this.idempotentRequests.execute(idempotencyKey,
				"POST " + PATH + "/" + id + "/occurrences/" + due + "/confirm", body, null,
				() -> OccurrenceResponse.of(this.schedules.confirm(id, due, amount), planCount(id)));
	}

	@PostMapping(path = PATH + "/{schedule_id}/occurrences/{date}/skip", produces = "application/json")
	@Operation(operationId = "skipOccurrence",
			summary = "Skip an occurrence (a due one, or one still to come): it is never posted")
	OccurrenceResponse skip(@PathVariable("schedule_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@PathVariable("date") @Parameter(schema = @Schema(example = "2026-01-31")) String rawDate) {
		LocalDate due = pathDate(rawDate);
		int id = id(rawId);
		return OccurrenceResponse.of(this.schedules.skip(id, due), planCount(id));
	}

	@GetMapping(path = "/api/v1/upcoming", produces = "application/json")
	@Operation(operationId = "listUpcoming",
			summary = "What is coming up: occurrences waiting for confirmation and those of the next days, "
					+ "by date (at most 500)")
	List<UpcomingResponse> upcoming(@RequestParam(name = "days", required = false) @Parameter(
			description = "Days to look ahead, today included: 1 to 366 (default 31)") String rawDays) {
		int days = 31;
		if (rawDays != null) {
			try {
				days = Integer.parseInt(rawDays.strip());
			}
			catch (NumberFormatException ex) {
				throw new RequestValidationException(new ValidationIssue("int_parsing", List.of("query", "days"),
						"Input should be a valid integer, unable to parse string as an integer", rawDays, null));
			}
			if (days < 1 || days > ScheduleService.MAX_DAYS) {
				throw new RequestValidationException(new ValidationIssue("value_error", List.of("query", "days"),
						"Value error, days is 1 to " + ScheduleService.MAX_DAYS, rawDays, null));
			}
		}
		return this.schedules.upcoming(days).stream().map(UpcomingResponse::of).toList();
	}

	@GetMapping(path = PATH + "/settings", produces = "application/json")
	@Operation(operationId = "getScheduleSettings",
			summary = "The household's default split of shared expenses (pre-fills scheduled and new expenses)")
	ResponseEntity<SplitSettingsResponse> settings() {
		Map<Integer, BigDecimal> weights = this.schedules.splitWeights();
		return ResponseEntity.ok()
			.eTag(IfMatch.etag(this.schedules.settingsVersion()))
			.body(new SplitSettingsResponse(weights.isEmpty() ? null : textKeys(weights)));
	}

	@PutMapping(path = PATH + "/settings", produces = "application/json")
	@Operation(operationId = "putScheduleSettings",
			summary = "Set the default split: member id to weight (50/50, 60/40, or stated incomes); null for equal",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = SplitSettingsResponse.class))))
	ResponseEntity<SplitSettingsResponse> putSettings(
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		IfMatch precondition = IfMatch.parse(ifMatch, this.concurrency.requireIfMatch());
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		if (!fields.json().has("default_split")) {
			fields.issue(new ValidationIssue("missing", List.of("body", "default_split"), "Field required",
					fields.json(), null));
		}
		JsonNode split = fields.node("default_split");
		Map<Integer, BigDecimal> weights = new TreeMap<>();
		if (split != null) {
			if (!split.isObject() || split.isEmpty() || split.size() > 100) {
				fields.issue(new ValidationIssue("dict_type", List.of("body", "default_split"),
						"Input should be an object of member id to weight, e.g. {\"7\": 60, \"9\": 40}", split, null));
			}
			else {
				for (Map.Entry<String, JsonNode> entry : split.properties()) {
					List<Object> loc = List.of("body", "default_split", entry.getKey());
					Integer user = null;
					try {
						user = Integer.valueOf(entry.getKey());
					}
					catch (NumberFormatException ex) {
						// reported below
					}
					BigDecimal weight = null;
					try {
						weight = Amounts.fromJson(entry.getValue());
					}
					catch (InvalidValue ex) {
						fields.issue(ValidationIssue.of(ex, loc, entry.getValue()));
						continue;
					}
					if (user == null || user <= 0) {
						fields.issue(new ValidationIssue("value_error", loc, "Value error, a key is a member's user id",
								entry.getKey(), null));
					}
					else if (weight.signum() <= 0) {
						fields.issue(new ValidationIssue("greater_than", loc, "Input should be greater than 0",
								entry.getValue(), null));
					}
					else {
						weights.put(user, weight);
					}
				}
			}
		}
		fields.check();
		int version = this.schedules.putSplitWeights(weights, precondition);
		return ResponseEntity.ok()
			.eTag(IfMatch.etag(version))
			.body(new SplitSettingsResponse(weights.isEmpty() ? null : textKeys(weights)));
	}

	private static Map<String, BigDecimal> textKeys(Map<Integer, BigDecimal> weights) {
		Map<String, BigDecimal> text = new java.util.LinkedHashMap<>();
		new TreeMap<>(weights).forEach((user, weight) -> text.put(String.valueOf(user), weight));
		return text;
	}

	private Integer planCount(int id) {
		Schedule s = this.schedules.get(id).schedule();
		return (s.planTotal() != null) ? s.count() : null;
	}

	private static InstalmentPlan plan(JsonObjectBody fields, JsonNode node) {
		if (!node.isObject()) {
			return fields.issue(new ValidationIssue("dict_type", List.of("body", "instalments"),
					"Input should be {\"total\": .., \"count\": .., \"first_amount\": ..}", node, null));
		}
		List<Object> loc = List.of("body", "instalments");
		BigDecimal total = planAmount(fields, node, "total", true);
		BigDecimal first = planAmount(fields, node, "first_amount", false);
		JsonNode count = node.get("count");
		Integer payments = null;
		if (count == null || !count.isIntegralNumber() || !count.canConvertToInt()) {
			fields.issue(new ValidationIssue((count == null) ? "missing" : "int_type",
					List.of("body", "instalments", "count"),
					(count == null) ? "Field required" : "Input should be a valid integer", count, null));
		}
		else {
			payments = count.intValue();
		}
		if (total == null || payments == null) {
			return null;
		}
		try {
			return new InstalmentPlan(total, payments, first);
		}
		catch (IllegalArgumentException ex) {
			return fields.issue(new ValidationIssue("value_error", loc, "Value error, " + ex.getMessage(), node, null));
		}
	}

	private static BigDecimal planAmount(JsonObjectBody fields, JsonNode plan, String name, boolean required) {
		JsonNode value = plan.get(name);
		if (value == null || value.isNull()) {
			if (required) {
				fields.issue(new ValidationIssue("missing", List.of("body", "instalments", name), "Field required",
						plan, null));
			}
			return null;
		}
		try {
			return Amounts.fromJson(value);
		}
		catch (InvalidValue ex) {
			return fields.issue(ValidationIssue.of(ex, List.of("body", "instalments", name), value));
		}
	}

	private static Recurrence.Weekend weekend(JsonObjectBody fields) {
		String text = fields.optionalText("weekend");
		if (text == null) {
			return Recurrence.Weekend.KEEP;
		}
		Recurrence.Weekend weekend = Recurrence.Weekend.parse(text);
		if (weekend == null) {
			fields.issue(new ValidationIssue("enum", List.of("body", "weekend"),
					"Input should be 'keep', 'before' or 'after'", text, null));
		}
		return weekend;
	}

	private static String mode(JsonObjectBody fields) {
		String text = fields.optionalText("mode");
		if (text == null) {
			return Schedule.AUTO;
		}
		if (!text.equals(Schedule.AUTO) && !text.equals(Schedule.CONFIRM)) {
			fields.issue(new ValidationIssue("enum", List.of("body", "mode"), "Input should be 'auto' or 'confirm'",
					text, null));
		}
		return text;
	}

	/** Checks the rule and its bounds, recording 422 items. */
	private void checkRule(JsonObjectBody fields, String rrule, LocalDate start, LocalDate end, Integer count,
			boolean startChanged) {
		if (rrule != null) {
			if (rrule.length() > 500) {
				fields.invalid("rrule", "Value error, a rule is at most 500 characters", rrule.length());
				return;
			}
			try {
				Recurrence.parse(rrule);
			}
			catch (IllegalArgumentException ex) {
				fields.invalid("rrule", "Value error, " + ex.getMessage(), rrule);
				return;
			}
		}
		if (count != null && (count < 1 || count > 1000)) {
			fields.invalid("count", "Value error, count is 1 to 1000", count);
		}
		if (start != null && startChanged && start.isBefore(this.schedules.today().minusDays(MAX_DAYS_BACK))) {
			fields.invalid("start", "Value error, a schedule starts at most " + MAX_DAYS_BACK
					+ " days ago (its missed occurrences are posted)", start.toString());
		}
		if (start != null && end != null && end.isBefore(start)) {
			fields.invalid("end", "Value error, end is on or after start", end.toString());
		}
		if (rrule != null && start != null && (count == null || (count >= 1 && count <= 1000))
				&& Recurrence.of(rrule, start, end, count, Recurrence.Weekend.KEEP).next(start).isEmpty()) {
			fields.invalid("rrule", "Value error, the rule gives no date from start to end", rrule);
		}
	}

	private static LocalDate date(JsonNode node) throws InvalidValue {
		if (!node.isString()) {
			throw new InvalidValue("string_type", "Input should be a valid string");
		}
		return EntryDates.parse(node.asString());
	}

	private static LocalDate pathDate(String raw) {
		try {
			return EntryDates.parse(raw);
		}
		catch (InvalidValue ex) {
			throw new RequestValidationException(ValidationIssue.of(ex, List.of("path", "date"), raw));
		}
	}

	private static int id(String raw) {
		try {
			return Integer.parseInt(raw);
		}
		catch (NumberFormatException ex) {
			throw new ApiException(HttpStatus.NOT_FOUND, "Schedule not found");
		}
	}

}
