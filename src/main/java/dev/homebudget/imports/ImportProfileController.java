package dev.homebudget.imports;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.web.ApiException;
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
import tools.jackson.databind.json.JsonMapper;

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
 * {@code /api/v1/imports/profiles}: saved mappings, one per bank, each with the header
 * that chooses it when a file is uploaded without a mapping.
 */
@RestController
@Tag(name = "imports")
class ImportProfileController {

	static final String PATH = ImportController.PATH + "/profiles";

	private static final int MAX_HEADER_CELLS = 200;

	private final ImportService imports;

	private final ConcurrencyProperties concurrency;

	private final JsonMapper json;

	ImportProfileController(ImportService imports, ConcurrencyProperties concurrency, JsonMapper json) {
		this.imports = imports;
		this.concurrency = concurrency;
		this.json = json;
	}

	record ImportProfileResponse(int id, String name,
			@Schema(description = "The header cells (lower case) that choose this profile") List<String> header,
			@Schema(description = "The mapping, as an upload's mapping field") JsonNode mapping, int version) {

	}

	record ImportProfileRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
			@Schema(description = "The mapping (required unless import_id is given)") Object mapping,
			@Schema(description = "The header cells that choose the profile") List<String> header,
			@JsonProperty("import_id") @Schema(
					description = "Take the header (and, without a mapping, the mapping) of this import") Integer importId) {

	}

	private ImportProfileResponse response(ImportStore.Profile profile) {
		return new ImportProfileResponse(profile.id(), profile.name(), CsvStatement.cells(profile.headerSignature()),
				this.json.readTree(profile.mapping()), profile.version());
	}

	@GetMapping(path = PATH, produces = "application/json")
	@Operation(operationId = "listImportProfiles", summary = "The household's saved import profiles (at most 100)")
	List<ImportProfileResponse> list() {
		return this.imports.profiles().stream().map(this::response).toList();
	}

	@GetMapping(path = PATH + "/{profile_id}", produces = "application/json")
	@Operation(operationId = "getImportProfile", summary = "One saved import profile")
	ResponseEntity<ImportProfileResponse> get(
			@PathVariable("profile_id") @Parameter(schema = @Schema(type = "integer")) String rawId) {
		ImportStore.Profile profile = this.imports.profile(id(rawId));
		return ResponseEntity.ok().eTag(IfMatch.etag(profile.version())).body(response(profile));
	}

	@PostMapping(path = PATH, produces = "application/json")
	@Operation(operationId = "createImportProfile",
			summary = "Save a mapping as a profile, with the header that chooses it (given, or an import's)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = ImportProfileRequest.class))))
	@ApiResponse(responseCode = "201", description = "Saved")
	@ApiResponse(responseCode = "409", description = "A profile of that name exists, or the household has 100",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<ImportProfileResponse> create(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType) {
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		String name = name(fields);
		Integer fromImport = fields.optionalInteger("import_id");
		ImportMapping mapping = mapping(fields, fromImport == null);
		List<String> header = header(fields, fromImport == null);
		fields.check();
		ImportStore.Profile profile = this.imports.createProfile(name, mapping, header, fromImport);
		return ResponseEntity.status(HttpStatus.CREATED).eTag(IfMatch.etag(profile.version())).body(response(profile));
	}

	@PutMapping(path = PATH + "/{profile_id}", produces = "application/json")
	@Operation(operationId = "replaceImportProfile",
			summary = "Replace a profile's name and mapping (and header, when given)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = ImportProfileRequest.class))))
	@ApiResponse(responseCode = "412", description = "Changed since the If-Match version",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<ImportProfileResponse> replace(
			@PathVariable("profile_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		int id = id(rawId);
		IfMatch precondition = IfMatch.parse(ifMatch, this.concurrency.requireIfMatch());
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		String name = name(fields);
		ImportMapping mapping = mapping(fields, true);
		List<String> header = header(fields, false);
		fields.check();
		ImportStore.Profile profile = this.imports.replaceProfile(id, name, mapping, header, precondition);
		return ResponseEntity.ok().eTag(IfMatch.etag(profile.version())).body(response(profile));
	}

	@DeleteMapping(path = PATH + "/{profile_id}", produces = "application/json")
	@Operation(operationId = "deleteImportProfile",
			summary = "Delete a profile (imports read with it keep their own copy of the mapping)")
	DeletedResponse delete(@PathVariable("profile_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		int id = id(rawId);
		this.imports.deleteProfile(id, IfMatch.parse(ifMatch, this.concurrency.requireIfMatch()));
		return DeletedResponse.of(id);
	}

	private static String name(JsonObjectBody fields) {
		String name = fields.text("name");
		if (name != null && (name.isBlank() || name.strip().length() > 100)) {
			fields.invalid("name", "Value error, a name of 1 to 100 characters", name);
			return null;
		}
		return (name != null) ? name.strip() : null;
	}

	private static ImportMapping mapping(JsonObjectBody fields, boolean required) {
		JsonNode node = fields.node("mapping");
		if (node == null) {
			if (required) {
				fields.issue(new ValidationIssue("missing", List.of("body", "mapping"), "Field required", null, null));
			}
			return null;
		}
		List<ValidationIssue> issues = new ArrayList<>();
		ImportMapping mapping = ImportMapping.read(node, List.of("body", "mapping"), issues);
		issues.forEach(fields::issue);
		return mapping;
	}

	private static List<String> header(JsonObjectBody fields, boolean required) {
		JsonNode node = fields.node("header");
		if (node == null) {
			if (required) {
				fields.issue(new ValidationIssue("missing", List.of("body", "header"),
						"Field required: the header cells that choose this profile (or an import_id)", null, null));
			}
			return null;
		}
		List<String> cells = new ArrayList<>();
		if (!node.isArray() || node.size() == 0 || node.size() > MAX_HEADER_CELLS) {
			fields.issue(new ValidationIssue("list_type", List.of("body", "header"),
					"Input should be a list of 1 to " + MAX_HEADER_CELLS + " strings", node, null));
			return null;
		}
		for (JsonNode cell : node) {
			if (!cell.isString() || cell.stringValue().length() > 200 || cell.stringValue().indexOf('\u001f') >= 0
					|| cell.stringValue().indexOf('\u0000') >= 0) {
				fields.issue(new ValidationIssue("string_type", List.of("body", "header"),
						"Input should be a list of strings (at most 200 characters each)", cell, null));
				return null;
			}
			cells.add(cell.stringValue());
		}
		return cells;
	}

	private static int id(String raw) {
		try {
			return Integer.parseInt(raw);
		}
		catch (NumberFormatException ex) {
			throw new ApiException(HttpStatus.NOT_FOUND, "Profile not found");
		}
	}

}
