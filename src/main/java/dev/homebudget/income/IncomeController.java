package dev.homebudget.income;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * The v1 income resource. Translates HTTP only: bodies are read as JSON trees and checked
 * against the schema here (422), everything else is the service's.
 */
@RestController
@RequestMapping(path = "/api/v1/income", produces = "application/json")
@Tag(name = "income")
class IncomeController {

	private static final String ID = "income_id";

	private static final String PATH = "/api/v1/income";

	private final IncomeService service;

	private static final String IF_MATCH_DOC = "ETag of the version you read; a stale one is refused with 412";

	private final IdempotentRequests idempotentRequests;

	private final ConcurrencyProperties concurrency;

	private final JsonMapper json;

	private final CsvImporter csvImporter;

	IncomeController(IncomeService service, IdempotentRequests idempotentRequests, ConcurrencyProperties concurrency,
			JsonMapper json, CsvImporter csvImporter) {
		this.csvImporter = csvImporter;
		this.service = service;
		this.idempotentRequests = idempotentRequests;
		this.concurrency = concurrency;
		this.json = json;
	}

	@GetMapping
	@Operation(operationId = "listIncomes",
			summary = "List incomes: all, newest date first; or filtered, sorted and paged by the query parameters")
	@EntryQueryParameters
	ResponseEntity<List<IncomeResponse>> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
			HttpServletResponse response) throws IOException {
		Optional<EntryQuery> query = EntryQueries.read(parameters, false);
		if (query.isEmpty()) {
			// The unpaged v1 list: every row, streamed (the response is complete on
			// return).
			JsonArrayStream.<IncomeResponse>write(response, this.json,
					(rows) -> this.service.streamAll((row) -> rows.accept(IncomeResponse.from(row))));
			return null;
		}
		EntryPage<Income> page = this.service.find(query.get());
		return PageLinks.ok(page.next()).body(page.rows().stream().map(IncomeResponse::from).toList());
	}

	@PostMapping
	@Operation(operationId = "createIncome", summary = "Create an income",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = IncomeSchemas.IncomeCreate.class))))
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = IncomeEnvelope.class)))
	ResponseEntity<String> create(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(
					description = "Makes a retried POST return the first response instead of creating twice") @RequestHeader(
							name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		var values = this.service.reader().readCreate(JsonBodies.read(body, contentType));
		return this.idempotentRequests.execute(idempotencyKey, "POST " + PATH, body, IfMatch.etag(0),
				() -> IncomeEnvelope.created(this.service.create(values)));
	}

	@PatchMapping("/{income_id}")
	@Operation(operationId = "patchIncome", summary = "Update one field of an income",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = ApiSchemas.FieldUpdate.class))))
	ResponseEntity<IncomeEnvelope> patch(@PathVariable(ID) @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		var patch = this.service.reader().readPatch(JsonBodies.read(body, contentType));
		int id = existingId(rawId);
		return withEtag(this.service.patch(id, patch, precondition(ifMatch)));
	}

	@PutMapping("/{income_id}")
	@Operation(operationId = "updateIncome", summary = "Update the fields present in the body",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = IncomeSchemas.IncomeFullUpdate.class))))
	ResponseEntity<IncomeEnvelope> replace(
			@PathVariable(ID) @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		var changes = this.service.reader().readReplace(JsonBodies.read(body, contentType));
		int id = existingId(rawId);
		return withEtag(this.service.replace(id, changes, precondition(ifMatch)));
	}

	@DeleteMapping("/{income_id}")
	@Operation(operationId = "deleteIncome", summary = "Delete an income")
	DeletedResponse delete(@PathVariable(ID) @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) String ifMatch) {
		int id = existingId(rawId);
		this.service.delete(id, precondition(ifMatch));
		return DeletedResponse.of(id);
	}

	/**
	 * The current ETag of one income, for clients that read it from the list and want to
	 * change it conditionally. (v1 has no GET by id; GET stays 405.)
	 */
	@RequestMapping(path = "/{income_id}", method = RequestMethod.HEAD)
	@Operation(operationId = "headIncome", summary = "Current ETag (version) of an income")
	ResponseEntity<Void> head(@PathVariable(ID) @Parameter(schema = @Schema(type = "integer")) String rawId) {
		int id = existingId(rawId);
		return ResponseEntity.ok().eTag(IfMatch.etag(this.service.version(id))).build();
	}

	private IfMatch precondition(String header) {
		return IfMatch.parse(header, this.concurrency.requireIfMatch());
	}

	private static ResponseEntity<IncomeEnvelope> withEtag(Income income) {
		return ResponseEntity.ok().eTag(IfMatch.etag(income.version())).body(IncomeEnvelope.updated(income));
	}

	@PostMapping("/bulk-delete")
	@Operation(operationId = "bulkDeleteIncomes", summary = "Delete every listed income that exists",
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
	@Operation(operationId = "exportIncomes", summary = "Download incomes as CSV (same filters as the list)")
	@EntryQueryParameters
	ResponseEntity<String> export(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
			HttpServletResponse response) throws IOException {
		EntryQuery query = EntryQueries.read(parameters, false).orElse(EntryQuery.all());
		EntryCsv.Download csv = EntryCsv.download(response, "incomes.csv", EntryField.INCOME_FIELDS, List.of());
		try {
			EntryPages.forEach(query, this.service::find, (found) -> {
				List<Map<String, Object>> rows = new ArrayList<>();
				for (Income e : found) {
					rows.add(csvRow("id", e.id(), "date", e.date(), "category", e.category(), "amount", e.amount(),
							"account", e.account(), "currency", e.currency(), "notes", e.notes()));
				}
				try {
					csv.rows(rows);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			csv.finish();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		// written to the response as it was read
		return null;
	}

	@PostMapping(path = "/import")
	@Operation(operationId = "importIncomes",
			summary = "Upload incomes as CSV with a header row; all-or-nothing unless mode=partial",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
	CsvImportResult importCsv(
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = "all (default): any bad row rejects the file; partial: skip and report bad rows",
					schema = @Schema(allowableValues = { "all", "partial" })) @RequestParam(name = "mode",
							required = false) String mode,
			HttpServletRequest request) throws IOException {
		return this.csvImporter.run(request.getInputStream(), contentType, mode, EntryField.INCOME_FIELDS, List.of(),
				this.service.reader(), (values, row) -> IncomeDraft.from(values), this.service::createAll);
	}

	private static Map<String, Object> csvRow(Object... keysAndValues) {
		Map<String, Object> row = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			row.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return row;
	}

	private static int existingId(String rawId) {
		return EntryIds.parse(rawId, ID).orElseThrow(IncomeNotFoundException::new);
	}

}
