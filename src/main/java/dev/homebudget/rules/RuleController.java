package dev.homebudget.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.idempotency.IdempotentRequests;
import dev.homebudget.web.ApiSchemas;
import dev.homebudget.web.ConcurrencyProperties;
import dev.homebudget.web.DeletedResponse;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.JsonObjectBody;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/rules}: the household's rules (list, create, read, replace, delete,
 * reorder) and a rule applied to existing entries (preview, apply). See docs/rules.md.
 */
@RestController
@Tag(name = "rules")
class RuleController {

	static final String PATH = "/api/v1/rules";

	private static final String IF_MATCH_DOC = "ETag of the version you read; a stale one is refused with 412";

	private final RuleService rules;

	private final ConcurrencyProperties concurrency;

	private final IdempotentRequests idempotentRequests;

	RuleController(RuleService rules, ConcurrencyProperties concurrency, IdempotentRequests idempotentRequests) {
		this.rules = rules;
		this.concurrency = concurrency;
		this.idempotentRequests = idempotentRequests;
	}

	record PayeeSchema(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
			"contains", "equals", "regex" }) String op,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500,
					description = "The text (case and runs of spaces ignored), or a Java regular expression") String value){

	}

	record AmountSchema(@Schema(description = "At least this much (the amount without its sign)") BigDecimal min,
			@Schema(description = "At most this much") BigDecimal max,
			@Schema(description = "Only entries in this currency") String currency) {

	}

	@Schema(description = "Every condition present must hold; a rule has at least one")
	record ConditionsSchema(@Schema(allowableValues = {
			"expense", "income" }) String kind,
			@Schema(description = "The business, or an income's notes") PayeeSchema payee, AmountSchema amount,
			@Schema(description = "The account, ignoring case") String account,
			@Schema(description = "The currency (a code, a symbol, or NIS)") String currency){

	}

	@Schema(description = "The fields a matching rule fills in; a rule has at least one")
	record ActionsSchema(@Schema(description = "A category name") String category,
			@Schema(description = "The business (expenses only)") String business, String account,
			@JsonProperty("paid_by") @Schema(
					description = "A member's user id (expenses, sign-in mode only)") Integer paidBy,
			@JsonProperty("for_whom") @Schema(
					description = "A member's user id (expenses, sign-in mode only)") Integer forWhom,
			@Schema(description = "Added to the notes once", maxLength = 500) String note) {

	}

	record RuleResponse(int id, String name, boolean enabled,
			@Schema(description = "Its place in the order rules are tried in, from 1") int position,
			@Schema(description = "When it matches, no rule below it is tried") boolean stop,
			@Schema(implementation = ConditionsSchema.class) JsonNode conditions,
			@Schema(implementation = ActionsSchema.class) JsonNode actions, int version) {

		static RuleResponse of(Rule rule, int position) {
			return new RuleResponse(rule.id(), rule.name(), rule.enabled(), position, rule.stop(),
					RuleJson.write(rule.conditions()), RuleJson.write(rule.actions()), rule.version());
		}

	}

	record RuleRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String name,
			@Schema(description = "Default true (on create); absent on replace: unchanged") Boolean enabled,
			@Schema(description = "Default false (on create); absent on replace: unchanged") Boolean stop,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) ConditionsSchema conditions,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) ActionsSchema actions) {

	}

	record OrderRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
			description = "Every rule's id once, in the new order") List<Integer> ids) {

	}

	record EntryFields(String category, String business, String account, String notes,
			@JsonProperty("paid_by") Integer paidBy, @JsonProperty("for_whom") Integer forWhom) {

		static EntryFields of(RuleSubject row) {
			return new EntryFields(row.category(), row.business(), row.account(), row.notes(), row.paidBy(),
					row.forWhom());
		}

	}

	record ChangeResponse(@Schema(allowableValues = {
			"expense", "income" }) String kind, int id,
			@Schema(description = "The entry's version (ETag) the preview read") int version, BigDecimal amount,
			String currency, EntryFields before, EntryFields after){

		static ChangeResponse of(RuleService.Change change) {
			return new ChangeResponse(change.kind(), change.id(), change.version(), change.before().amount(),
					change.before().currency(), EntryFields.of(change.before()), EntryFields.of(change.after()));
		}

	}

	record PreviewResponse(@JsonProperty("rule_id") int ruleId,
			@JsonProperty("rule_version") @Schema(
					description = "Send it as If-Match to apply exactly this rule") int ruleVersion,
			@Schema(description = "Entries looked at: the newest " + RuleService.MAX_SCANNED
					+ " expenses and incomes") int scanned,
			@Schema(description = "Whether the household has older entries that were not looked at") boolean limited,
			@Schema(description = "How many entries would change") int total,
			@JsonProperty("too_slow") @Schema(
					description = "Entries the payee pattern was stopped on (too slow); they count as not matching") int tooSlow,
			@Schema(description = "The first " + RuleService.MAX_PREVIEWED
					+ " of them, newest first") List<ChangeResponse> changes) {

	}

	record AppliedResponse(@JsonProperty("rule_id") int ruleId,
			@Schema(description = "How many entries were changed") int changed,
			@Schema(description = "Changes beyond this call's " + RuleService.MAX_APPLIED
					+ "; apply again to write them") int remaining,
			List<ChangeResponse> changes) {

	}

	record SuggestionResponse(@Schema(description = "The business, as one of its expenses spells it") String business,
			@Schema(description = "The category it was moved to by hand") String category,
			@Schema(description = "How many of its expenses were") int entries,
			@Schema(description = "A rule to POST to " + PATH + " as it is, or after editing") RuleRequest rule) {

	}

	@GetMapping(path = PATH + "/suggestions", produces = "application/json")
	@Operation(operationId = "listRuleSuggestions",
			summary = "Rules worth adding: businesses whose expenses were moved by hand to the same category "
					+ RuleService.SUGGEST_AFTER + " times or more, where no rule does it yet (at most "
					+ RuleService.MAX_SUGGESTIONS + ")")
	List<SuggestionResponse> suggestions() {
		return this.rules.suggestions()
			.stream()
			.map((s) -> new SuggestionResponse(s.business(), s.category(), s.entries(), new RuleRequest(
					(s.business().length() > 100) ? s.business().substring(0, 100) : s.business(), true, false,
					new ConditionsSchema(RuleSubject.EXPENSE, new PayeeSchema(Rule.TextMatch.EQUALS, s.business()),
							null, null, null),
					new ActionsSchema(s.category(), null, null, null, null, null))))
			.toList();
	}

	@GetMapping(path = PATH, produces = "application/json")
	@Operation(operationId = "listRules",
			summary = "The household's rules in the order they are tried (at most " + RuleService.MAX_RULES + ")")
	List<RuleResponse> list() {
		return responses(this.rules.list());
	}

	@PostMapping(path = PATH, produces = "application/json")
	@Operation(operationId = "createRule", summary = "Add a rule at the end of the list",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = RuleRequest.class))))
	@ApiResponse(responseCode = "201", description = "Created",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleResponse.class)))
	@ApiResponse(responseCode = "409", description = "The household has " + RuleService.MAX_RULES + " rules",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<String> create(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(
					description = "Makes a retried POST return the first response instead of creating twice") @RequestHeader(
							name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		RuleStore.Draft draft = draft(fields);
		return this.idempotentRequests.execute(idempotencyKey, "POST " + PATH, body, HttpStatus.CREATED,
				IfMatch.etag(1), () -> {
					Rule rule = this.rules.create(draft);
					return RuleResponse.of(rule, positionOf(rule.id()));
				});
	}

	@GetMapping(path = PATH + "/{rule_id}", produces = "application/json")
	@Operation(operationId = "getRule", summary = "One rule")
	ResponseEntity<RuleResponse> get(
			@PathVariable("rule_id") @Parameter(schema = @Schema(type = "integer")) String rawId) {
		Rule rule = this.rules.get(id(rawId));
		return ResponseEntity.ok()
			.eTag(IfMatch.etag(rule.version()))
			.body(RuleResponse.of(rule, positionOf(rule.id())));
	}

	@PutMapping(path = PATH + "/{rule_id}", produces = "application/json")
	@Operation(operationId = "replaceRule",
			summary = "Replace a rule's name, conditions and actions (and enabled and stop, when given); "
					+ "its place in the order stays",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = RuleRequest.class))))
	@ApiResponse(responseCode = "412", description = "Changed by someone else since the If-Match version",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<RuleResponse> replace(
			@PathVariable("rule_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		int id = id(rawId);
		IfMatch precondition = IfMatch.parse(ifMatch, this.concurrency.requireIfMatch());
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		RuleStore.Draft given = draft(fields);
		Rule rule = this.rules.replace(id, (before) -> new RuleStore.Draft(given.name(),
				fields.json().hasNonNull("enabled") ? given.enabled() : before.enabled(),
				fields.json().hasNonNull("stop") ? given.stop() : before.stop(), given.conditions(), given.actions()),
				precondition);
		return ResponseEntity.ok()
			.eTag(IfMatch.etag(rule.version()))
			.body(RuleResponse.of(rule, positionOf(rule.id())));
	}

	@DeleteMapping(path = PATH + "/{rule_id}", produces = "application/json")
	@Operation(operationId = "deleteRule",
			summary = "Delete a rule (entries it filled in keep their fields; staged imports keep its id)")
	DeletedResponse delete(@PathVariable("rule_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		int id = id(rawId);
		this.rules.delete(id, IfMatch.parse(ifMatch, this.concurrency.requireIfMatch()));
		return DeletedResponse.of(id);
	}

	@PostMapping(path = PATH + "/order", produces = "application/json")
	@Operation(operationId = "reorderRules",
			summary = "Put the rules in a new order: every rule's id once; a list read before a rule was added "
					+ "or deleted is refused (409)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = OrderRequest.class))))
	@ApiResponse(responseCode = "409", description = "The ids are not exactly the household's rules",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	List<RuleResponse> reorder(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType) {
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		JsonNode node = fields.node("ids");
		List<Integer> ids = new ArrayList<>();
		if (node == null) {
			fields.issue(new ValidationIssue("missing", List.of("body", "ids"), "Field required", fields.json(), null));
		}
		else if (!node.isArray() || node.size() > RuleService.MAX_RULES) {
			fields.issue(new ValidationIssue("list_type", List.of("body", "ids"),
					"Input should be a list of at most " + RuleService.MAX_RULES + " rule ids", node, null));
		}
		else {
			for (int i = 0; i < node.size(); i++) {
				JsonNode item = node.get(i);
				if (!item.isIntegralNumber() || !item.canConvertToInt()) {
					fields.issue(new ValidationIssue("int_type", List.of("body", "ids", i),
							"Input should be a valid integer", item, null));
				}
				else {
					ids.add(item.intValue());
				}
			}
		}
		fields.check();
		return responses(this.rules.reorder(ids));
	}

	@PostMapping(path = PATH + "/{rule_id}/preview", produces = "application/json")
	@Operation(operationId = "previewRule",
			summary = "Which existing entries the rule would change, before and after (changes nothing)")
	PreviewResponse preview(@PathVariable("rule_id") @Parameter(schema = @Schema(type = "integer")) String rawId) {
		RuleService.Preview preview = this.rules.preview(id(rawId));
		return new PreviewResponse(preview.rule().id(), preview.rule().version(), preview.scanned(), preview.limited(),
				preview.total(), preview.tooSlow(), preview.changes().stream().map(ChangeResponse::of).toList());
	}

	@PostMapping(path = PATH + "/{rule_id}/apply", produces = "application/json")
	@Operation(operationId = "applyRule",
			summary = "Apply the rule to existing entries: each change through the normal update path (history "
					+ "records it), all in one transaction, at most " + RuleService.MAX_APPLIED + " per call")
	@ApiResponse(responseCode = "412", description = "The rule changed since the If-Match version",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<String> apply(@PathVariable("rule_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(description = "The rule's ETag (rule_version of the preview): refuses to apply a rule "
					+ "changed since (412)") @RequestHeader(name = HttpHeaders.IF_MATCH,
							required = false) String ifMatch,
			@Parameter(description = "Makes a retried apply return the first response") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		int id = id(rawId);
		IfMatch precondition = IfMatch.parse(ifMatch, false);
		return this.idempotentRequests.execute(idempotencyKey, "POST " + PATH + "/" + id + "/apply", new byte[0], null,
				() -> {
					RuleService.Applied applied = this.rules.apply(id, precondition);
					return new AppliedResponse(id, applied.changed().size(), applied.remaining(),
							applied.changed().stream().map(ChangeResponse::of).toList());
				});
	}

	private List<RuleResponse> responses(List<Rule> rules) {
		List<RuleResponse> responses = new ArrayList<>(rules.size());
		for (int i = 0; i < rules.size(); i++) {
			responses.add(RuleResponse.of(rules.get(i), i + 1));
		}
		return responses;
	}

	/**
	 * The rule's place in the list, from 1 (positions kept in the table may have gaps).
	 */
	private int positionOf(int id) {
		List<Rule> all = this.rules.list();
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).id() == id) {
				return i + 1;
			}
		}
		return all.size();
	}

	private static RuleStore.Draft draft(JsonObjectBody fields) {
		String name = fields.text("name");
		if (name != null && (name.isBlank() || name.strip().length() > 100)) {
			fields.invalid("name", "Value error, a name of 1 to 100 characters", name);
		}
		Boolean enabled = fields.optionalBoolean("enabled");
		Boolean stop = fields.optionalBoolean("stop");
		List<ValidationIssue> issues = new ArrayList<>();
		Rule.Conditions conditions = RuleJson.conditions(fields.json().get("conditions"), issues);
		Rule.Actions actions = RuleJson.actions(fields.json().get("actions"), issues);
		for (String field : fields.json().propertyNames()) {
			if (!List.of("name", "enabled", "stop", "conditions", "actions", "id", "position", "version")
				.contains(field)) {
				issues.add(new ValidationIssue("extra_forbidden", List.of("body", field),
						"Extra inputs are not permitted; a rule has name, enabled, stop, conditions, actions "
								+ "(reorder with POST " + PATH + "/order)",
						fields.json().get(field), null));
			}
		}
		issues.forEach(fields::issue);
		fields.check();
		return new RuleStore.Draft(name.strip(), enabled == null || enabled, stop != null && stop, conditions, actions);
	}

	private static int id(String raw) {
		try {
			return Integer.parseInt(raw);
		}
		catch (NumberFormatException ex) {
			throw RuleService.notFound();
		}
	}

}
