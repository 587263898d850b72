package dev.homebudget.category;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.idempotency.IdempotentRequests;
import dev.homebudget.ledger.CategoryNames;
import dev.homebudget.web.ApiSchemas;
import dev.homebudget.web.ConcurrencyProperties;
import dev.homebudget.web.DeletedResponse;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.JsonObjectBody;
import dev.homebudget.web.ValidationIssue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/categories}: the household's categories, and the category last used with
 * a business. PostgreSQL as the primary store only (phases P2, P3; 409 before). A viewer
 * reads them and changes none (403).
 */
@RestController
@Tag(name = "categories")
class CategoryController {

	static final String PATH = "/api/v1/categories";

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final int MAX_NAME_LENGTH = 100;

	private static final int MAX_POSITION = 1_000_000;

	private static final int MAX_DUPLICATES = 100;

	private final CategoryService categories;

	private final IdempotentRequests idempotentRequests;

	private final ConcurrencyProperties concurrency;

	CategoryController(CategoryService categories, IdempotentRequests idempotentRequests,
			ConcurrencyProperties concurrency) {
		this.categories = categories;
		this.idempotentRequests = idempotentRequests;
		this.concurrency = concurrency;
	}

	/** A category as the API shows it. */
	record CategoryResponse(int id, String name, String kind, @JsonProperty("parent_id") Integer parentId,
			String colour, boolean archived, int position,
			@Schema(description = "How many entries it holds") long entries, int version) {

		static CategoryResponse of(Category category) {
			return new CategoryResponse(category.id(), category.name(), category.kind().value(), category.parentId(),
					category.colour(), category.archived(), category.position(), category.entries(),
					category.version());
		}

	}

	record CategoryCreate(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String name,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
					"expense", "income" }) String kind,
			@JsonProperty("parent_id") @Schema(
					description = "Its group: a top-level category of the same kind") Integer parentId,
			@Schema(pattern = "^#[0-9a-fA-F]{6}$") String colour, Integer position){

	}

	record CategoryChange(
			@Schema(maxLength = 100, description = "Renames it; its entries show the new name") String name,
			@JsonProperty("parent_id") @Schema(
					description = "Its group, or null to take it out of its group") Integer parentId,
			@Schema(pattern = "^#[0-9a-fA-F]{6}$") String colour,
			@Schema(description = "Hidden from suggestions and pickers; its history kept") Boolean archived,
			Integer position) {

	}

	record MergeRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
			description = "The category that takes the entries") Integer into) {

	}

	record MergeResponse(@Schema(description = "The category merged away") int merged, CategoryResponse into,
			@Schema(description = "Entries moved") int moved) {

	}

	record DuplicateResponse(CategoryResponse first, CategoryResponse second, String reason) {

	}

	record SuggestionResponse(String business, String category, @JsonProperty("category_id") Integer categoryId,
			String account) {

	}

	@GetMapping(path = PATH, produces = "application/json")
	@Operation(operationId = "listCategories",
			summary = "The household's categories: each group followed by its categories, with entry counts")
	List<CategoryResponse> list(@RequestParam(name = "kind",
			required = false) @Parameter(schema = @Schema(allowableValues = { "expense", "income" })) String kind) {
		CategoryKind only = null;
		if (kind != null) {
			only = CategoryKind.of(kind)
				.orElseThrow(() -> new dev.homebudget.web.RequestValidationException(new ValidationIssue("enum",
						List.of("query", "kind"), "Input should be 'expense' or 'income'", kind, null)));
		}
		return this.categories.list(only).stream().map(CategoryResponse::of).toList();
	}

	@PostMapping(path = PATH, produces = "application/json")
	@Operation(operationId = "createCategory", summary = "Create a category or a group",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = CategoryCreate.class))))
	@ApiResponse(responseCode = "201", description = "Created",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = CategoryResponse.class)))
	@ApiResponse(responseCode = "409",
			description = "The name exists in that group; too many categories; or the JSON files are the primary store",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<String> create(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(
					description = "Makes a retried POST return the first response instead of creating twice") @RequestHeader(
							name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		String name = name(fields, true);
		CategoryKind kind = fields.field("kind", CategoryController::kind);
		Integer parent = id(fields, "parent_id");
		String colour = colour(fields);
		Integer position = position(fields);
		fields.check();
		CategoryService.Draft draft = new CategoryService.Draft(kind, name, parent, colour,
				(position != null) ? position : 0);
		return this.idempotentRequests.execute(idempotencyKey, "POST " + PATH, body, HttpStatus.CREATED, null,
				() -> CategoryResponse.of(this.categories.create(draft)));
	}

	@GetMapping(path = PATH + "/{category_id}", produces = "application/json")
	@Operation(operationId = "getCategory", summary = "One category, with its ETag")
	ResponseEntity<CategoryResponse> get(
			@PathVariable("category_id") @Parameter(schema = @Schema(type = "integer")) String rawId) {
		Category category = this.categories.get(pathId(rawId));
		return ResponseEntity.ok().eTag(IfMatch.etag(category.version())).body(CategoryResponse.of(category));
	}

	@PatchMapping(path = PATH + "/{category_id}", produces = "application/json")
	@Operation(operationId = "changeCategory",
			summary = "Rename, regroup, recolour, archive or reorder a category (the fields given)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = CategoryChange.class))))
	@ApiResponse(responseCode = "200", description = "Changed",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = CategoryResponse.class)))
	@ApiResponse(responseCode = "412", description = "Changed by someone else since the If-Match version",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<CategoryResponse> change(
			@PathVariable("category_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		int id = pathId(rawId);
		IfMatch precondition = IfMatch.parse(ifMatch, this.concurrency.requireIfMatch());
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		String name = name(fields, false);
		boolean parentGiven = fields.json().has("parent_id");
		Integer parent = id(fields, "parent_id");
		boolean colourGiven = fields.json().has("colour");
		String colour = colour(fields);
		Boolean archived = fields.optionalField("archived", CategoryController::bool);
		Integer position = position(fields);
		fields.check();
		Category changed = this.categories.update(id,
				new CategoryService.Change(name, parentGiven, parent, colourGiven, colour, archived, position),
				precondition);
		return ResponseEntity.ok().eTag(IfMatch.etag(changed.version())).body(CategoryResponse.of(changed));
	}

	@DeleteMapping(path = PATH + "/{category_id}", produces = "application/json")
	@Operation(operationId = "deleteCategory",
			summary = "Delete a category that holds no entries and no categories (merge or archive one that does)")
	@ApiResponse(responseCode = "409", description = "It holds entries or categories",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	DeletedResponse delete(@PathVariable("category_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		int id = pathId(rawId);
		this.categories.delete(id, IfMatch.parse(ifMatch, this.concurrency.requireIfMatch()));
		return DeletedResponse.of(id);
	}

	@PostMapping(path = PATH + "/{category_id}/merge", produces = "application/json")
	@Operation(operationId = "mergeCategory",
			summary = "Move every entry of this category (and a group's categories) into another, then remove it; "
					+ "its name leads to the other from now on",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = MergeRequest.class))))
	@ApiResponse(responseCode = "200", description = "Merged",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = MergeResponse.class)))
	ResponseEntity<String> merge(
			@PathVariable("category_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = "Makes a retried merge return the first response") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		int id = pathId(rawId);
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		Integer into = fields.integer("into");
		fields.check();
		return this.idempotentRequests.execute(idempotencyKey, "POST " + PATH + "/" + id + "/merge", body, null, () -> {
			CategoryService.Merged merged = this.categories.merge(id, into);
			return new MergeResponse(id, CategoryResponse.of(merged.into()), merged.moved());
		});
	}

	@GetMapping(path = PATH + "/duplicates", produces = "application/json")
	@Operation(operationId = "listCategoryDuplicates",
			summary = "Pairs of categories that are likely one (the same name in two groups, or one letter apart), "
					+ "most used first, at most 100")
	@ApiResponse(responseCode = "200", description = "The pairs", content = @Content(mediaType = "application/json",
			array = @ArraySchema(schema = @Schema(implementation = DuplicateResponse.class))))
	List<DuplicateResponse> duplicates() {
		return this.categories.duplicates(MAX_DUPLICATES)
			.stream()
			.map((pair) -> new DuplicateResponse(CategoryResponse.of(pair.first()), CategoryResponse.of(pair.second()),
					pair.reason()))
			.toList();
	}

	@GetMapping(path = "/api/v1/suggestions", produces = "application/json")
	@Operation(operationId = "suggestForBusiness",
			summary = "The category and account last used with a business (ignoring case); nulls when none")
	SuggestionResponse suggest(@RequestParam(name = "business", required = false) String business) {
		if (business == null || business.isBlank() || business.length() > 255) {
			throw new dev.homebudget.web.RequestValidationException(new ValidationIssue("value_error",
					List.of("query", "business"), "Value error, business must be 1 to 255 characters", business, null));
		}
		return this.categories.suggest(business)
			.map((found) -> new SuggestionResponse(found.business(), found.category(), found.categoryId(),
					found.account()))
			.orElseGet(() -> new SuggestionResponse(business, null, null, null));
	}

	private static int pathId(String raw) {
		try {
			return Integer.parseInt(raw);
		}
		catch (NumberFormatException ex) {
			throw CategoryService.notFound();
		}
	}

	private static String name(JsonObjectBody fields, boolean required) {
		String name = required ? fields.text("name") : fields.optionalText("name");
		if (name == null) {
			return null;
		}
		String spelling = CategoryNames.spelling(name);
		if (spelling.isEmpty() || spelling.length() > MAX_NAME_LENGTH
				|| spelling.chars().anyMatch(Character::isISOControl)) {
			fields.invalid("name", "Value error, a category name is 1 to " + MAX_NAME_LENGTH
					+ " characters, without control characters", name);
			return null;
		}
		return spelling;
	}

	private static Integer id(JsonObjectBody fields, String name) {
		Integer id = fields.optionalInteger(name);
		if (id != null && id < 1) {
			fields.invalid(name, "Value error, an id is a positive integer", id);
			return null;
		}
		return id;
	}

	private static String colour(JsonObjectBody fields) {
		String colour = fields.optionalText("colour");
		if (colour != null && !COLOUR.matcher(colour).matches()) {
			fields.invalid("colour", "Value error, a colour is #rrggbb (six hexadecimal digits)", colour);
			return null;
		}
		return (colour != null) ? colour.toLowerCase(Locale.ROOT) : null;
	}

	private static Integer position(JsonObjectBody fields) {
		Integer position = fields.optionalInteger("position");
		if (position != null && (position < 0 || position > MAX_POSITION)) {
			fields.invalid("position", "Value error, position is 0 to " + MAX_POSITION, position);
			return null;
		}
		return position;
	}

	private static CategoryKind kind(JsonNode value) throws dev.homebudget.web.InvalidValue {
		if (value.isString()) {
			var kind = CategoryKind.of(value.stringValue());
			if (kind.isPresent()) {
				return kind.get();
			}
		}
		throw new dev.homebudget.web.InvalidValue("enum", "Input should be 'expense' or 'income'");
	}

	private static Boolean bool(JsonNode value) throws dev.homebudget.web.InvalidValue {
		if (!value.isBoolean()) {
			throw new dev.homebudget.web.InvalidValue("bool_type", "Input should be a valid boolean");
		}
		return value.booleanValue();
	}

}
