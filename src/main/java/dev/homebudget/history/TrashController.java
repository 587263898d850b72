package dev.homebudget.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.ledger.PageLinks;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.ApiSchemas;
import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.JsonObjectBody;
import dev.homebudget.web.PageRequest;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.SignedCursor;
import dev.homebudget.web.ValidationIssue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/trash}: deleted expenses, incomes and settlements, kept for
 * {@code budget.history.trash-retention} (30 days), restored under their own ids, emptied
 * by an owner.
 */
@RestController
@Tag(name = "history")
class TrashController {

	static final String PATH = "/api/v1/trash";

	static final int DEFAULT_PAGE = 100;

	/** Ids one restore may name per kind. */
	static final int MAX_IDS = 10_000;

	private static final Set<String> KINDS = Set.of("expense", "income", "settlement");

	private final HistoryService history;

	TrashController(HistoryService history) {
		this.history = history;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record TrashedRow(@Schema(allowableValues = {
			"expense", "income", "settlement" }) String kind, int id,
			@JsonProperty("deleted_at") OffsetDateTime deletedAt,
			@JsonProperty("deleted_by") @Schema(
					description = "Who deleted it; absent in single-user mode") HistoryController.Actor deletedBy,
			String source, @Schema(description = "Restores everything deleted with it") String batch, LocalDate date,
			@Schema(type = "string", example = "12.34") BigDecimal amount, String currency, String category,
			String business, String notes){

		static TrashedRow of(HistoryStore.Trashed row) {
			return new TrashedRow(row.kind(), row.id(), row.deletedAt(),
					(row.deletedBy() != null) ? new HistoryController.Actor(row.deletedBy(), row.deletedByName())
							: null,
					row.source(), Long.toString(row.batch()), row.date(), row.amount(), row.currency(), row.category(),
					row.business(), row.notes());
		}

	}

	@GetMapping(path = PATH, produces = "application/json")
	@Operation(operationId = "listTrash",
			summary = "Deleted expenses, incomes and settlements, most recently deleted first",
			description = "Rows stay for 30 days (budget.history.trash-retention). At most limit (1 to 1000, "
					+ "default 100) per page; when more follow, the Link header (rel=\"next\") and X-Next-Cursor "
					+ "carry the cursor of the next page. X-Total-Count: every row in the trash.")
	@Parameter(name = "kind", in = ParameterIn.QUERY,
			schema = @Schema(type = "string", allowableValues = { "expense", "income", "settlement" }))
	@Parameter(name = "limit", in = ParameterIn.QUERY,
			schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
	@Parameter(name = "cursor", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
	ResponseEntity<List<TrashedRow>> trash(@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		List<ValidationIssue> issues = new ArrayList<>();
		String kind = HistoryController.oneOf(parameters, "kind", KINDS, issues);
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		PageRequest page = PageRequest.read(parameters, "trash", 3, DEFAULT_PAGE);
		HistoryStore.TrashCursor after = null;
		if (page.after() != null) {
			try {
				after = new HistoryStore.TrashCursor(OffsetDateTime.parse(page.after().get(0)), page.after().get(1),
						Integer.parseInt(page.after().get(2)));
			}
			catch (RuntimeException ex) {
				throw SignedCursor.invalid(parameters.get("cursor"), "cursor does not belong to this list");
			}
		}
		List<HistoryStore.Trashed> rows = this.history.trash(kind, after, page.limit() + 1);
		boolean more = rows.size() > page.limit();
		List<HistoryStore.Trashed> shown = more ? rows.subList(0, page.limit()) : rows;
		String next = null;
		if (more) {
			HistoryStore.Trashed last = shown.get(shown.size() - 1);
			next = PageRequest.cursor("trash", last.deletedAt(), last.kind(), last.id());
		}
		return PageLinks.ok(next)
			.header("X-Total-Count", Long.toString(this.history.trashCount()))
			.body(shown.stream().map(TrashedRow::of).toList());
	}

	@Schema(description = "Name the rows per kind, or one batch (everything one delete or bulk delete removed)")
	record RestoreRequest(@ArraySchema(schema = @Schema(type = "integer")) List<Integer> expense,
			@ArraySchema(schema = @Schema(type = "integer")) List<Integer> income,
			@ArraySchema(schema = @Schema(type = "integer")) List<Integer> settlement,
			@Schema(description = "A batch id from the trash list") String batch) {

	}

	record RestoreResponse(@Schema(description = "How many rows came back") int count, @Schema(
			description = "Per kind, the ids restored (each with a new version)") Map<String, List<Integer>> restored,
			@JsonProperty("not_restored") @Schema(
					description = "Per kind, ids named that are not in the trash (restored already, purged, never "
							+ "deleted, or their id is in use again)") Map<String, List<Integer>> notRestored) {

	}

	@PostMapping(path = PATH + "/restore", produces = "application/json")
	@Operation(operationId = "restoreTrash",
			summary = "Bring deleted rows back under their own ids, with their shares and a new version",
			description = "One transaction: a whole bulk delete comes back at once with {\"batch\": ...}.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = RestoreRequest.class))))
	@ApiResponse(responseCode = "404", description = "Nothing named is in the trash",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	RestoreResponse restore(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType) {
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		Long batch = fields.optionalField("batch", TrashController::batch);
		Map<HistoryStore.Kind, List<Integer>> wanted = new LinkedHashMap<>();
		for (HistoryStore.Kind kind : HistoryStore.Kind.values()) {
			List<Integer> ids = fields.optionalField(kind.value(), TrashController::ids);
			if (ids != null) {
				wanted.put(kind, ids);
			}
		}
		if (batch == null && wanted.isEmpty() && !fields.has("batch")) {
			fields.issue(new ValidationIssue("missing", List.of("body", "expense"),
					"Field required: name expense, income or settlement ids, or a batch", fields.json(), null));
		}
		if (fields.has("batch") && !wanted.isEmpty()) {
			fields.invalid("batch", "Value error, name either ids or a batch, not both", fields.node("batch"));
		}
		fields.check();
		HistoryService.Restored restored = (batch != null) ? this.history.restoreBatch(batch)
				: this.history.restore(wanted);
		if (restored.count() == 0) {
			throw new ApiException(HttpStatus.NOT_FOUND, "Nothing named is in the trash");
		}
		return new RestoreResponse(restored.count(), restored.restored(), restored.notRestored());
	}

	record EmptiedResponse(@Schema(description = "How many rows were removed for good") int deleted) {

	}

	@DeleteMapping(path = PATH, produces = "application/json")
	@Operation(operationId = "emptyTrash",
			summary = "Remove everything in the household's trash for good (owners only); the history stays")
	EmptiedResponse empty() {
		return new EmptiedResponse(this.history.empty());
	}

	private static List<Integer> ids(JsonNode value) throws InvalidValue {
		if (!value.isArray()) {
			throw new InvalidValue("list_type", "Input should be a valid list");
		}
		if (value.size() > MAX_IDS) {
			throw new InvalidValue("too_long", "List should have at most " + MAX_IDS + " items");
		}
		Set<Integer> ids = new LinkedHashSet<>();
		for (JsonNode item : value) {
			if (!item.isIntegralNumber() || !item.canConvertToInt()) {
				throw new InvalidValue("int_type", "Input should be a list of valid integers");
			}
			ids.add(item.intValue());
		}
		return List.copyOf(ids);
	}

	private static Long batch(JsonNode value) throws InvalidValue {
		String text = value.isIntegralNumber() ? value.asString() : (value.isString() ? value.stringValue() : null);
		if (text == null || !text.matches("[0-9]{1,18}")) {
			throw new InvalidValue("string_type", "Input should be a batch id from the trash list");
		}
		return Long.parseLong(text);
	}

}
