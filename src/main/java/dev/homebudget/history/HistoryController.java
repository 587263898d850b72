package dev.homebudget.history;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.ledger.PageLinks;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.PageRequest;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.SignedCursor;
import dev.homebudget.web.ValidationIssue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What changed, by whom and from where: one entry's history, the household's activity
 * feed, and the changes feed a sync client follows. Read-only: no route changes or
 * deletes an event.
 */
@RestController
@Tag(name = "history")
class HistoryController {

	static final int DEFAULT_PAGE = 50;

	static final Set<String> KINDS = Set.of("expense", "income", "settlement", "category", "budget", "budget_settings");

	static final Set<String> SOURCES = Set.of("web", "api", "import", "cli", "system", "schedule", "rule");

	private final HistoryService history;

	HistoryController(HistoryService history) {
		this.history = history;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Actor(int id, String name) {

	}

	record Event(long id, @Schema(allowableValues = {
			"expense", "income", "settlement", "category", "budget", "budget_settings" }) String kind,
			@JsonProperty("entity_id") @Schema(
					description = "The row's id (a budget line's: its category's)") int entityId,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "A budget line's period") String period,
			@Schema(allowableValues = { "create", "update", "delete", "restore", "import" }) String action,
			@JsonProperty("version_before") Integer versionBefore, @JsonProperty("version_after") Integer versionAfter,
			@Schema(description = "Per changed field its old and new value, as text",
					example = "{\"amount\": {\"old\": \"42.00\", \"new\": \"24.00\"}}") JsonNode changes,
			@Schema(description = "Who made the change; null in single-user mode and for the system") Actor actor,
			@Schema(allowableValues = { "web", "api", "import", "schedule", "rule", "cli", "system" }) String source,
			@JsonProperty("request_id") String requestId,
			@Schema(description = "The transaction: every row of one bulk operation has the same") String batch,
			OffsetDateTime at){

		static Event of(HistoryStore.Event event) {
			return new Event(event.id(), event.kind(), event.entityId(), event.entityKey(), event.action(),
					event.versionBefore(), event.versionAfter(), event.changes(),
					(event.actorId() != null) ? new Actor(event.actorId(), event.actorName()) : null, event.source(),
					event.requestId(), Long.toString(event.batch()), event.at());
		}

	}

	@GetMapping(path = "/api/v1/expense/{expense_id}/history", produces = "application/json")
	@Operation(operationId = "getExpenseHistory",
			summary = "Every change of one expense, newest first (also after it was deleted)",
			description = "At most limit (1 to 1000, default 50) per page; when more follow, the Link header "
					+ "(rel=\"next\") and X-Next-Cursor carry the cursor of the next page.")
	@Parameter(name = "limit", in = ParameterIn.QUERY,
			schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "50"))
	@Parameter(name = "cursor", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	ResponseEntity<List<Event>> expenseHistory(
			@PathVariable("expense_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		return entityHistory("expense", rawId, parameters);
	}

	@GetMapping(path = "/api/v1/income/{income_id}/history", produces = "application/json")
	@Operation(operationId = "getIncomeHistory",
			summary = "Every change of one income, newest first (also after it was deleted)",
			description = "Paged as the expense history.")
	@Parameter(name = "limit", in = ParameterIn.QUERY,
			schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "50"))
	@Parameter(name = "cursor", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	ResponseEntity<List<Event>> incomeHistory(
			@PathVariable("income_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		return entityHistory("income", rawId, parameters);
	}

	private ResponseEntity<List<Event>> entityHistory(String kind, String rawId,
			@RequestParam Map<String, String> parameters) {
		int id = id(rawId, kind);
		String list = kind + "-history-" + id;
		PageRequest page = PageRequest.read(parameters, list, 1, DEFAULT_PAGE);
		List<HistoryStore.Event> events = this.history.events(new HistoryStore.Filter(kind, id, null, null),
				before(page), page.limit() + 1);
		if (events.isEmpty() && page.after() == null) {
			throw new ApiException(HttpStatus.NOT_FOUND,
					("expense".equals(kind) ? "Expense" : "Income") + " has no history: it does not exist");
		}
		return paged(events, page, list);
	}

	@GetMapping(path = "/api/v1/activity", produces = "application/json")
	@Operation(operationId = "getActivity",
			summary = "The household's changes, newest first: who changed what, from where and when",
			description = "Filter by member (user id), source and kind. At most limit (1 to 1000, default 50) "
					+ "per page; when more follow, the Link header (rel=\"next\") and X-Next-Cursor carry the "
					+ "cursor of the next page.")
	@Parameter(name = "member", in = ParameterIn.QUERY, schema = @Schema(type = "integer"))
	@Parameter(name = "source", in = ParameterIn.QUERY,
			schema = @Schema(type = "string",
					allowableValues = { "web", "api", "import", "schedule", "rule", "cli", "system" }))
	@Parameter(name = "kind", in = ParameterIn.QUERY,
			schema = @Schema(type = "string",
					allowableValues = { "expense", "income", "settlement", "category", "budget", "budget_settings" }))
	@Parameter(name = "limit", in = ParameterIn.QUERY,
			schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "50"))
	@Parameter(name = "cursor", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	ResponseEntity<List<Event>> activity(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		List<ValidationIssue> issues = new ArrayList<>();
		Integer member = null;
		String rawMember = blankToNull(parameters.get("member"));
		if (rawMember != null) {
			try {
				member = Integer.valueOf(rawMember.strip());
			}
			catch (NumberFormatException ex) {
				issues.add(new ValidationIssue("int_parsing", List.of("query", "member"),
						"Input should be a valid integer, unable to parse string as an integer", shorten(rawMember),
						null));
			}
		}
		String source = oneOf(parameters, "source", SOURCES, issues);
		String kind = oneOf(parameters, "kind", KINDS, issues);
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		String list = "activity";
		PageRequest page = PageRequest.read(parameters, list, 1, DEFAULT_PAGE);
		return paged(this.history.events(new HistoryStore.Filter(kind, null, member, source), before(page),
				page.limit() + 1), page, list);
	}

	record Change(@Schema(allowableValues = {
			"expense", "income", "settlement", "category", "budget", "budget_settings" }) String kind, int id,
			@JsonInclude(JsonInclude.Include.NON_NULL) String period,
			@Schema(allowableValues = { "created", "updated", "deleted" }) String change,
			@Schema(description = "The row's version after the change (null for a delete and for rows without one)") Integer version,
			@Schema(description = "The event, in the activity feed") long event){

	}

	record ChangesResponse(List<Change> changes,
			@Schema(description = "Pass it back as cursor to get what changed after these") String cursor,
			@Schema(description = "Whether more changes follow right away") boolean more) {

	}

	@GetMapping(path = "/api/v1/changes", produces = "application/json")
	@Operation(operationId = "getChanges",
			summary = "Every change since a cursor, oldest first, for a client that keeps a copy in sync",
			description = "Without a cursor: from the first change. Each item names the row (kind, id), whether "
					+ "it was created (or restored), updated or deleted, and its version after the change. The "
					+ "response's cursor asks for what follows; with more true, ask again at once. At most limit "
					+ "(1 to 1000, default 500) changes per response.")
	@Parameter(name = "cursor", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	@Parameter(name = "limit", in = ParameterIn.QUERY,
			schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "500"))
	ChangesResponse changes(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		PageRequest page = PageRequest.read(parameters, "changes", 1, 500);
		long after = (page.after() != null) ? position(page) : 0;
		List<HistoryStore.Event> events = this.history.since(after, page.limit() + 1);
		boolean more = events.size() > page.limit();
		List<HistoryStore.Event> shown = more ? events.subList(0, page.limit()) : events;
		List<Change> changes = shown.stream()
			.map((event) -> new Change(event.kind(), event.entityId(), event.entityKey(), change(event.action()),
					event.versionAfter(), event.id()))
			.toList();
		long last = shown.isEmpty() ? after : shown.get(shown.size() - 1).id();
		return new ChangesResponse(changes, PageRequest.cursor("changes", last), more);
	}

	private static String change(String action) {
		return switch (action) {
			case "update" -> "updated";
			case "delete" -> "deleted";
			default -> "created";
		};
	}

	private ResponseEntity<List<Event>> paged(List<HistoryStore.Event> events, PageRequest page, String list) {
		boolean more = events.size() > page.limit();
		List<HistoryStore.Event> shown = more ? events.subList(0, page.limit()) : events;
		String next = more ? PageRequest.cursor(list, shown.get(shown.size() - 1).id()) : null;
		return PageLinks.ok(next).body(shown.stream().map(Event::of).toList());
	}

	private static Long before(PageRequest page) {
		return (page.after() != null) ? position(page) : null;
	}

	private static long position(PageRequest page) {
		try {
			return Long.parseLong(page.after().get(0));
		}
		catch (NumberFormatException ex) {
			throw SignedCursor.invalid(page.after().get(0), "cursor does not belong to this list");
		}
	}

	static int id(String raw, String kind) {
		try {
			return Integer.parseInt(raw);
		}
		catch (NumberFormatException ex) {
			throw new ApiException(HttpStatus.NOT_FOUND,
					("expense".equals(kind) ? "Expense" : "Income") + " has no history: it does not exist");
		}
	}

	static String oneOf(Map<String, String> parameters, String name, Set<String> allowed,
			List<ValidationIssue> issues) {
		String value = blankToNull(parameters.get(name));
		if (value != null && !allowed.contains(value)) {
			issues.add(new ValidationIssue("enum", List.of("query", name),
					"Input should be one of " + String.join(", ", allowed.stream().sorted().toList()), shorten(value),
					null));
			return null;
		}
		return value;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String shorten(String value) {
		return (value.length() <= 100) ? value : value.substring(0, 100);
	}

}
