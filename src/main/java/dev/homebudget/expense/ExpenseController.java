package dev.homebudget.expense;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.homebudget.idempotency.IdempotentRequests;
import dev.homebudget.ledger.BulkDeleteRequests;
import dev.homebudget.ledger.BulkDeletedResponse;
import dev.homebudget.ledger.CsvImportResult;
import dev.homebudget.ledger.CsvImporter;
import dev.homebudget.ledger.EntryCsv;
import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryIds;
import dev.homebudget.ledger.EntryPage;
import dev.homebudget.ledger.EntryPages;
import dev.homebudget.ledger.EntryQueries;
import dev.homebudget.ledger.EntryQuery;
import dev.homebudget.ledger.EntryQueryParameters;
import dev.homebudget.ledger.PageLinks;
import dev.homebudget.settle.Split;
import dev.homebudget.settle.SplitCsv;
import dev.homebudget.settle.SplitRequest;
import dev.homebudget.web.ApiSchemas;
import dev.homebudget.web.ConcurrencyProperties;
import dev.homebudget.web.DeletedResponse;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.JsonArrayStream;
import dev.homebudget.web.JsonBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The v1 expense resource. Translates HTTP only: bodies are read as JSON trees and
 * checked against the schema here (422), everything else is the service's.
 */
@RestController
@RequestMapping(path = "/api/v1/expense", produces = "application/json")
@Tag(name = "expense")
class ExpenseController {

	private static final String ID = "expense_id";

	private static final String PATH = "/api/v1/expense";

	private final ExpenseService service;

	private final ExpensePayers payers;

	private static final String IF_MATCH_DOC = "ETag of the version you read; a stale one is refused with 412";

	private final IdempotentRequests idempotentRequests;

	private final ConcurrencyProperties concurrency;

	private final JsonMapper json;

	private final CsvImporter csvImporter;

	ExpenseController(ExpenseService service, ExpensePayers payers, IdempotentRequests idempotentRequests,
			ConcurrencyProperties concurrency, JsonMapper json, CsvImporter csvImporter) {
		this.csvImporter = csvImporter;
		this.service = service;
		this.payers = payers;
		this.idempotentRequests = idempotentRequests;
		this.concurrency = concurrency;
		this.json = json;
	}

	@GetMapping
	@Operation(operationId = "listExpenses",
			summary = "List expenses: all, newest date first; or filtered, sorted and paged by the query parameters")
	@EntryQueryParameters
	ResponseEntity<List<ExpenseResponse>> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
			HttpServletResponse response) throws IOException {
		Optional<EntryQuery> query = EntryQueries.read(parameters, true);
		if (query.isEmpty()) {
			// The unpaged v1 list: every row, streamed (the response is complete on
			// return).
			Function<Expense, Split> splits = this.payers.splitsOfAll();
			JsonArrayStream.<ExpenseResponse>write(response, this.json, (rows) -> this.service
				.streamAll((row) -> rows.accept(ExpenseResponse.from(row, splits.apply(row)))));
			return null;
		}
		EntryPage<Expense> page = this.payers.find(query.get());
		Function<Expense, Split> splits = this.payers.splitsOf(page.rows().stream().map(Expense::id).toList());
		return PageLinks.ok(page.next())
			.body(page.rows().stream().map((row) -> ExpenseResponse.from(row, splits.apply(row))).toList());
	}

	@PostMapping
	@Operation(operationId = "createExpense", summary = "Create an expense",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = ExpenseSchemas.ExpenseCreate.class))))
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = ExpenseEnvelope.class)))
	ResponseEntity<String> create(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(
					description = "Makes a retried POST return the first response instead of creating twice") @RequestHeader(
							name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		JsonNode tree = JsonBodies.read(body, contentType);
		var values = this.service.reader().readCreate(tree);
		SplitRequest split = SplitRequest.read(tree);
		return this.idempotentRequests.execute(idempotencyKey, "POST " + PATH, body, IfMatch.etag(0),
				() -> ExpenseEnvelope.created(this.payers.create(values, split)));
	}

	@PatchMapping("/{expense_id}")
	@Operation(operationId = "patchExpense", summary = "Update one field of an expense",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = ApiSchemas.FieldUpdate.class))))
	ResponseEntity<ExpenseEnvelope> patch(@PathVariable(ID) @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		var patch = this.service.reader().readPatch(JsonBodies.read(body, contentType));
		int id = existingId(rawId);
		return withEtag(this.payers.patch(id, patch, precondition(ifMatch)));
	}

	@PutMapping("/{expense_id}")
	@Operation(operationId = "updateExpense", summary = "Update the fields present in the body",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = ExpenseSchemas.ExpenseFullUpdate.class))))
	ResponseEntity<ExpenseEnvelope> replace(
			@PathVariable(ID) @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		JsonNode tree = JsonBodies.read(body, contentType);
		var changes = this.service.reader().readReplace(tree);
		SplitRequest split = SplitRequest.read(tree);
		int id = existingId(rawId);
		return withEtag(this.payers.replace(id, changes, split, precondition(ifMatch)));
	}

	@DeleteMapping("/{expense_id}")
	@Operation(operationId = "deleteExpense", summary = "Delete an expense")
	DeletedResponse delete(@PathVariable(ID) @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		int id = existingId(rawId);
		this.service.delete(id, precondition(ifMatch));
		return DeletedResponse.of(id);
	}

	/**
	 * The current ETag of one expense, for clients that read it from the list and want to
	 * change it conditionally. (v1 has no GET by id; GET stays 405.)
	 */
	@RequestMapping(path = "/{expense_id}", method = RequestMethod.HEAD)
	@Operation(operationId = "headExpense", summary = "Current ETag (version) of an expense")
	ResponseEntity<Void> head(@PathVariable(ID) @Parameter(schema = @Schema(type = "integer")) String rawId) {
		int id = existingId(rawId);
		return ResponseEntity.ok().eTag(IfMatch.etag(this.service.version(id))).build();
	}

	private IfMatch precondition(String header) {
		return IfMatch.parse(header, this.concurrency.requireIfMatch());
	}

	private static ResponseEntity<ExpenseEnvelope> withEtag(ExpenseService.WithSplit updated) {
		return ResponseEntity.ok()
			.eTag(IfMatch.etag(updated.expense().version()))
			.body(ExpenseEnvelope.updated(updated));
	}

	@PostMapping("/bulk-delete")
	@Operation(operationId = "bulkDeleteExpenses", summary = "Delete every listed expense that exists",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = ApiSchemas.BulkDeleteRequest.class))))
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = BulkDeletedResponse.class)))
	ResponseEntity<String> bulkDelete(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = "Makes a retried bulk delete return the first response") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		var ids = BulkDeleteRequests.readIds(JsonBodies.read(body, contentType));
		return this.idempotentRequests.execute(idempotencyKey, "POST " + PATH + "/bulk-delete", body, null,
				() -> BulkDeletedResponse.of(this.service.deleteAll(ids)));
	}

	@GetMapping(path = "/export", produces = EntryCsv.MEDIA_TYPE)
	@Operation(operationId = "exportExpenses", summary = "Download expenses as CSV (same filters as the list)",
			description = "Where payers are kept (sign-in mode, phase P3) the columns paid_by, for_whom and shares "
					+ "follow notes, naming members by username; shares (\"alice 12.34; bob 5.66\") only for a split "
					+ "that for_whom = shared would not give back.")
	@EntryQueryParameters
	ResponseEntity<String> export(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
			HttpServletResponse response) throws IOException {
		EntryQuery query = EntryQueries.read(parameters, true).orElse(EntryQuery.all());
		EntryCsv.Download csv = EntryCsv.download(response, "expenses.csv", EntryField.EXPENSE_FIELDS,
				this.payers.csvColumns());
		try {
			EntryPages.forEach(query, this.payers::find, (found) -> {
				Function<Expense, Map<String, Object>> payers = this.payers.csvCells(found);
				List<Map<String, Object>> rows = new ArrayList<>();
				for (Expense e : found) {
					Map<String, Object> row = csvRow("id", e.id(), "date", e.date(), "business", e.business(),
							"category", e.category(), "amount", e.amount(), "account", e.account(), "currency",
							e.currency(), "notes", e.notes());
					row.putAll(payers.apply(e));
					rows.add(row);
				}
				write(csv, rows);
			});
			csv.finish();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		// written to the response as it was read
		return null;
	}

	private static void write(EntryCsv.Download csv, List<Map<String, Object>> rows) {
		try {
			csv.rows(rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@PostMapping(path = "/import")
	@Operation(operationId = "importExpenses",
			summary = "Upload expenses as CSV with a header row; all-or-nothing unless mode=partial",
			description = "Columns as the export writes them. The optional paid_by, for_whom and shares columns name "
					+ "members of the current household by username and follow the JSON API's split rules; where "
					+ "payers are not kept they must be empty.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
	CsvImportResult importCsv(
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = "all (default): any bad row rejects the file; partial: skip and report bad rows",
					schema = @Schema(allowableValues = { "all", "partial" })) @RequestParam(name = "mode",
							required = false) String mode,
			HttpServletRequest request) throws IOException {
		// the payer columns are read even where they cannot be kept, to refuse filled
		// ones
		return this.csvImporter.run(request.getInputStream(), contentType, mode, EntryField.EXPENSE_FIELDS,
				SplitCsv.COLUMNS, this.service.reader(), this.payers.csvRowReader(), this.payers::importAll);
	}

	private static Map<String, Object> csvRow(Object... keysAndValues) {
		Map<String, Object> row = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			row.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return row;
	}

	private static int existingId(String rawId) {
		return EntryIds.parse(rawId, ID).orElseThrow(ExpenseNotFoundException::new);
	}

}
