package dev.homebudget.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.idempotency.IdempotentRequests;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.ApiSchemas;
import dev.homebudget.web.ConcurrencyProperties;
import dev.homebudget.web.DeletedResponse;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.JsonObjectBody;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/imports}: upload a bank or card statement (multipart: CSV or TSV through
 * a column mapping, or OFX/QFX, QIF or CAMT.053) and get its preview, re-read it a page
 * at a time, flip a row's decision, commit the batch, discard a preview, revert a
 * committed batch.
 */
@RestController
@Tag(name = "imports")
class ImportController {

	static final String PATH = "/api/v1/imports";

	/** Rows answered per page by default, and at most. */
	static final int DEFAULT_ROWS = 200;

	static final int MAX_ROWS = 1000;

	/** Past imports listed at most. */
	static final int MAX_LISTED = 100;

	private final ImportService imports;

	private final ConcurrencyProperties concurrency;

	private final IdempotentRequests idempotentRequests;

	private final JsonMapper json;

	ImportController(ImportService imports, ConcurrencyProperties concurrency, IdempotentRequests idempotentRequests,
			JsonMapper json) {
		this.imports = imports;
		this.concurrency = concurrency;
		this.idempotentRequests = idempotentRequests;
		this.json = json;
	}

	record ImportCounts(int total, @JsonProperty("new") int fresh, int duplicate, int match, int error,
			@JsonProperty("to_import") @Schema(description = "Rows whose decision is import or confirm") int toImport,
			@Schema(description = "Entries the commit created") int created) {

	}

	record ImportEntryRef(@Schema(allowableValues = {
			"expense", "income" }) String kind, int id){

	}

	record ImportOccurrenceRef(@JsonProperty("schedule_id") int scheduleId,
			@Schema(description = "The occurrence's rule date (its key)") LocalDate occurrence) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ImportRowResponse(int line, @Schema(allowableValues = {
			"new", "duplicate", "match", "error" }) String status, String reason,
			@Schema(allowableValues = { "import", "skip", "confirm" },
					description = "import: a new entry; skip: nothing; confirm (a row matching a scheduled occurrence): the commit confirms that occurrence with this row's date and amount") String decision,
			@Schema(allowableValues = { "expense", "income" }) String kind, LocalDate date, BigDecimal amount,
			String currency, String business, String notes, String category, String account,
			@JsonProperty("bank_id") @Schema(description = "The bank's own transaction id") String bankId,
			@Schema(description = "The entry a duplicate or match concerns") ImportEntryRef entry,
			@Schema(description = "After a commit: the entry this row created") ImportEntryRef created, int version,
			@JsonProperty("rule_ids") @Schema(
					description = "The rules that filled this row in, in the order they applied (absent: none)") List<Integer> ruleIds,
			@JsonProperty("paid_by") @Schema(description = "Who paid, when a rule said so") Integer paidBy,
			@JsonProperty("for_whom") @Schema(description = "For whom, when a rule said so") Integer forWhom,
			@Schema(description = "The scheduled occurrence waiting for Confirm that this row matches") ImportOccurrenceRef schedule){

		static ImportRowResponse of(ImportStore.Row row) {
			return new ImportRowResponse(row.line(), row.status(), row.reason(), row.decision(), row.kind(), row.date(),
					row.amount(), row.currency(), row.business(), row.notes(), row.category(), row.account(),
					row.bankId(), (row.matchId() != null) ? new ImportEntryRef(row.matchKind(), row.matchId()) : null,
					(row.entryId() != null) ? new ImportEntryRef(row.entryKind(), row.entryId()) : null, row.version(),
					row.ruleIds().isEmpty() ? null : row.ruleIds(), row.paidBy(), row.forWhom(),
					row.matchesOccurrence() && row.matchScheduleId() != null
							? new ImportOccurrenceRef(row.matchScheduleId(), row.matchOccurrence()) : null);
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ImportResponse(int id, @Schema(allowableValues = {
			"preview", "committed", "reverted" }) String status, @JsonProperty("file_name") String fileName,
			@Schema(allowableValues = { "csv", "tsv", "ofx", "qif", "camt053", "camt052", "camt054" }) String format,
			@JsonProperty("profile_id") @Schema(
					description = "The saved profile the file was read with") Integer profileId,
			@Schema(description = "Its name") String profile, String account,
			@JsonProperty("created_at") OffsetDateTime createdAt,
			@JsonProperty("committed_at") OffsetDateTime committedAt,
			@JsonProperty("reverted_at") OffsetDateTime revertedAt, ImportCounts counts,
			@Schema(description = "The mapping the file was read with (OFX, QIF, CAMT.053: the hints it was read with)") JsonNode mapping,
			@Schema(description = "A page of rows in line order (only on the preview and GET of one import)") List<ImportRowResponse> rows,
			@Schema(description = "Where the next page of rows is; null on the last") String next, int version){

		static ImportResponse of(ImportStore.Batch batch, JsonNode mapping, List<ImportRowResponse> rows,
				Integer nextAfter, int limit) {
			return new ImportResponse(batch.id(), batch.status(), batch.fileName(), batch.format(), batch.profileId(),
					batch.profileName(), batch.account(), batch.createdAt(), batch.committedAt(), batch.revertedAt(),
					new ImportCounts(batch.total(), batch.fresh(), batch.duplicate(), batch.match(), batch.error(),
							batch.toImport(), batch.created()),
					mapping, rows,
					(nextAfter != null) ? PATH + "/" + batch.id() + "?after=" + nextAfter + "&limit=" + limit : null,
					batch.version());
		}

	}

	record ImportDecision(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
			"import", "skip", "confirm" }) String decision){

	}

	@PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = "application/json")
	@Operation(operationId = "uploadStatement",
			summary = "Upload a bank or card statement and get its preview: every row parsed and classified",
			description = "Multipart fields: file (the statement: CSV, TSV, OFX 1.x or 2.x, QFX, QIF or ISO 20022 "
					+ "CAMT.053, told from its content), mapping (CSV and TSV: JSON saying how its columns map, "
					+ "see docs/imports.md; OFX, QIF and CAMT.053 name their own fields and take only hints: "
					+ "date_format (QIF), default_currency, default_category, encoding) or profile (CSV and TSV: a "
					+ "saved profile's id; with neither, the saved profile whose header the file has), account "
					+ "(the account of rows without an account column, or instead of the file's own account id). "
					+ "Nothing is written to the ledger until the commit.")
	@ApiResponse(responseCode = "201", description = "The preview, with the first page of rows")
	@ApiResponse(responseCode = "413", description = "The file is too large or has too many rows",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<ImportResponse> upload(@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "mapping", required = false) @Parameter(
					description = "JSON object. CSV and TSV: date, date_format, amount or debit and credit, sign, "
							+ "decimal, thousands, payee, memo, category, default_category, account, currency, "
							+ "default_currency, id, delimiter, header, encoding. OFX, QIF, CAMT.053: only "
							+ "date_format (QIF), default_currency, default_category, encoding") String mapping,
			@RequestParam(name = "account", required = false) @Parameter(
					description = "Account of rows without an account column; for OFX and CAMT.053 it replaces "
							+ "the file's account id") String account,
			@RequestParam(name = "profile", required = false) @Parameter(
					description = "A saved profile's id, instead of a mapping; with neither, the profile whose "
							+ "header the file has is chosen") String profile)
			throws IOException {
		List<ValidationIssue> issues = new ArrayList<>();
		byte[] bytes = null;
		StatementFormat format = StatementFormat.CSV;
		if (file == null || file.isEmpty()) {
			issues.add(new ValidationIssue("missing", List.of("body", "file"), "Field required: a non-empty file", null,
					null));
		}
		else {
			bytes = file.getBytes();
			try {
				format = StatementFormat.detect(bytes);
			}
			catch (RequestValidationException ex) {
				issues.addAll(ex.issues());
			}
		}
		String accountName = (account == null || account.isBlank()) ? null : account.strip();
		if (accountName != null && accountName.length() > 100) {
			issues.add(new ValidationIssue("string_too_long", List.of("body", "account"),
					"String should have at most 100 characters", account, null));
		}
		ImportMapping parsed = null;
		StatementOptions options = StatementOptions.DEFAULTS;
		if (mapping != null && !mapping.isBlank()) {
			JsonNode tree = null;
			try {
				tree = this.json.readTree(mapping);
			}
			catch (JacksonException ex) {
				issues.add(
						new ValidationIssue("json_invalid", List.of("body", "mapping"), "Invalid JSON", mapping, null));
			}
			if (tree != null && format.selfDescribing()) {
				options = StatementOptions.read(tree, format, List.of("body", "mapping"), issues);
			}
			else if (tree != null) {
				parsed = ImportMapping.read(tree, List.of("body", "mapping"), issues);
			}
		}
		Integer profileId = null;
		if (profile != null && !profile.isBlank()) {
			try {
				profileId = Integer.valueOf(profile.strip());
			}
			catch (NumberFormatException ex) {
				issues.add(new ValidationIssue("int_parsing", List.of("body", "profile"),
						"Input should be a valid integer (a profile's id)", profile, null));
			}
			if (mapping != null && !mapping.isBlank()) {
				issues.add(new ValidationIssue("value_error", List.of("body", "profile"),
						"Value error, name a profile or send a mapping, not both", profile, null));
			}
			if (format.selfDescribing()) {
				issues.add(new ValidationIssue("value_error", List.of("body", "profile"),
						"Value error, this is a " + format.code().toUpperCase(Locale.ROOT)
								+ " file, which names its own columns; profiles are for CSV and TSV files",
						profile, null));
			}
		}
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		String fileName = file.getOriginalFilename();
		if (fileName != null && fileName.length() > 255) {
			fileName = fileName.substring(0, 255);
		}
		int id = this.imports
			.upload(new ImportService.Upload(bytes, fileName, parsed, accountName, profileId, format, options));
		return ResponseEntity.status(HttpStatus.CREATED).body(view(id, 0, DEFAULT_ROWS));
	}

	@GetMapping(path = PATH, produces = "application/json")
	@Operation(operationId = "listImports", summary = "Past imports, newest first (at most 100), without rows")
	List<ImportResponse> list() {
		return this.imports.list(MAX_LISTED)
			.stream()
			.map((batch) -> ImportResponse.of(batch, null, null, null, 0))
			.toList();
	}

	@GetMapping(path = PATH + "/{import_id}", produces = "application/json")
	@Operation(operationId = "getImport", summary = "An import and a page of its rows, in line order")
	ResponseEntity<ImportResponse> get(
			@PathVariable("import_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@RequestParam(name = "after", required = false) @Parameter(description = "Rows after this line (default 0)",
					schema = @Schema(type = "integer")) String after,
			@RequestParam(name = "limit", required = false) @Parameter(
					description = "Rows per page, 1 to 1000 (default 200)",
					schema = @Schema(type = "integer")) String limit) {
		int id = id(rawId);
		int from = query("after", after, 0, 0, Integer.MAX_VALUE);
		int size = query("limit", limit, DEFAULT_ROWS, 1, MAX_ROWS);
		ImportResponse body = view(id, from, size);
		return ResponseEntity.ok().eTag(IfMatch.etag(body.version())).body(body);
	}

	@PatchMapping(path = PATH + "/{import_id}/rows/{line}", produces = "application/json")
	@Operation(operationId = "decideImportRow",
			summary = "Import, skip or confirm (a row matching a scheduled occurrence) one row of a preview",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = ImportDecision.class))))
	@ApiResponse(responseCode = "412", description = "The row changed since the If-Match version",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<ImportRowResponse> decide(
			@PathVariable("import_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@PathVariable("line") @Parameter(schema = @Schema(type = "integer")) String rawLine,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) @Parameter(description = "ETag (version) of the row you read") String ifMatch) {
		int id = id(rawId);
		int line = line(rawLine);
		IfMatch precondition = IfMatch.parse(ifMatch, this.concurrency.requireIfMatch());
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		String decision = fields.text("decision");
		if (decision != null && !decision.equals("import") && !decision.equals("skip") && !decision.equals("confirm")) {
			fields.issue(new ValidationIssue("enum", List.of("body", "decision"),
					"Input should be 'import', 'skip' or 'confirm'", decision, null));
		}
		fields.check();
		ImportStore.Row row = this.imports.decide(id, line, decision, precondition);
		return ResponseEntity.ok().eTag(IfMatch.etag(row.version())).body(ImportRowResponse.of(row));
	}

	@PostMapping(path = PATH + "/{import_id}/commit", produces = "application/json")
	@Operation(operationId = "commitImport",
			summary = "Write every row whose decision is import as an expense or income, and confirm the scheduled occurrences of the rows whose decision is confirm, in one transaction")
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportResponse.class)))
	@ApiResponse(responseCode = "409", description = "The import is not a preview (committed, reverted)",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<String> commit(
			@PathVariable("import_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(
					description = "Makes a retried commit answer the first response instead of a 409") @RequestHeader(
							name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		int id = id(rawId);
		this.imports.writable();
		return this.idempotentRequests.execute(idempotencyKey, "POST " + PATH + "/" + id + "/commit", new byte[0], null,
				() -> ImportResponse.of(this.imports.commit(id), null, null, null, 0));
	}

	@DeleteMapping(path = PATH + "/{import_id}", produces = "application/json")
	@Operation(operationId = "discardImport", summary = "Discard a preview (nothing was written to the ledger)")
	DeletedResponse discard(@PathVariable("import_id") @Parameter(schema = @Schema(type = "integer")) String rawId) {
		int id = id(rawId);
		this.imports.discard(id);
		return DeletedResponse.of(id);
	}

	@PostMapping(path = PATH + "/{import_id}/revert", produces = "application/json")
	@Operation(operationId = "revertImport",
			summary = "Undo a committed import: delete exactly the entries it created, through the normal delete")
	@ApiResponse(responseCode = "409", description = "The import is not committed",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ImportResponse revert(@PathVariable("import_id") @Parameter(schema = @Schema(type = "integer")) String rawId) {
		return ImportResponse.of(this.imports.revert(id(rawId)), null, null, null, 0);
	}

	private ImportResponse view(int id, int after, int limit) {
		ImportService.View view = this.imports.view(id, after, limit);
		JsonNode mapping = this.json.readTree(view.batch().mapping());
		return ImportResponse.of(view.batch(), mapping, view.rows().stream().map(ImportRowResponse::of).toList(),
				view.nextAfter(), limit);
	}

	private static int id(String raw) {
		try {
			return Integer.parseInt(raw);
		}
		catch (NumberFormatException ex) {
			throw ImportService.notFound();
		}
	}

	private static int line(String raw) {
		try {
			return Integer.parseInt(raw);
		}
		catch (NumberFormatException ex) {
			throw new ApiException(HttpStatus.NOT_FOUND, "Row not found");
		}
	}

	private static int query(String name, String raw, int absent, int min, int max) {
		if (raw == null) {
			return absent;
		}
		try {
			int value = Integer.parseInt(raw.strip());
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new RequestValidationException(new ValidationIssue("value_error", List.of("query", name),
				"Value error, " + name + " is an integer from " + min + " to " + max, raw, null));
	}

}
