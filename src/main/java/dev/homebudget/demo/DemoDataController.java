package dev.homebudget.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.idempotency.IdempotentRequests;
import dev.homebudget.web.ApiSchemas;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/demo-data}: load a sample of about three months of expenses and incomes
 * into an empty household, see whether it is loaded, and remove exactly what it created.
 */
@RestController
@Tag(name = "demo-data")
class DemoDataController {

	static final String PATH = "/api/v1/demo-data";

	private final DemoDataService demo;

	private final IdempotentRequests idempotentRequests;

	DemoDataController(DemoDataService demo, IdempotentRequests idempotentRequests) {
		this.demo = demo;
		this.idempotentRequests = idempotentRequests;
	}

	record DemoDataStatus(
			@Schema(description = "Whether rows the demo load created are in the household") boolean loaded,
			@Schema(description = "The demo's expenses still in the household") int expenses,
			@Schema(description = "The demo's incomes still in the household") int incomes) {

		static DemoDataStatus of(DemoDataStore.Counts counts) {
			return new DemoDataStatus(counts.any(), counts.expenses(), counts.incomes());
		}

	}

	record DemoDataRemoved(@Schema(description = "Expenses deleted (they are in the trash)") int expenses,
			@Schema(description = "Incomes deleted (they are in the trash)") int incomes,
			@JsonProperty("categories") @Schema(
					description = "Categories the load created that nothing used any more, deleted") int categories) {

	}

	@GetMapping(path = PATH, produces = "application/json")
	@Operation(operationId = "getDemoData", summary = "Whether demo data is loaded, and how many of its rows remain")
	DemoDataStatus status() {
		return DemoDataStatus.of(this.demo.status());
	}

	@PostMapping(path = PATH, produces = "application/json")
	@Operation(operationId = "loadDemoData",
			summary = "Fill an empty household with a sample: about three months of expenses and incomes up to "
					+ "today, in its base currency, with their categories",
			description = "The same day gives the same rows. Owners and members only. Refused (409) when demo data "
					+ "is loaded already, when the household has any expense or income, or when it accepts only "
					+ "the categories it has (strict categories).")
	@ApiResponse(responseCode = "201", description = "Loaded: what the household now holds of it",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = DemoDataStatus.class)))
	@ApiResponse(responseCode = "409",
			description = "Demo data is loaded already, the household has entries, or strict categories is on",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<String> load(
			@Parameter(description = "Makes a retried POST return the first response instead of a 409") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		this.demo.writable();
		return this.idempotentRequests.execute(idempotencyKey, "POST " + PATH, new byte[0], HttpStatus.CREATED, null,
				() -> DemoDataStatus.of(this.demo.load()));
	}

	@DeleteMapping(path = PATH, produces = "application/json")
	@Operation(operationId = "removeDemoData",
			summary = "Delete exactly the rows the demo load created, edited since or not, in one transaction",
			description = "Entries the household added itself stay. The demo's entries go to the trash like any "
					+ "deletion; the categories the load created are deleted unless an entry, a category inside "
					+ "them or a budget line still uses them.")
	@ApiResponse(responseCode = "200", description = "Removed: how many of each",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = DemoDataRemoved.class)))
	@ApiResponse(responseCode = "404", description = "No demo data is loaded",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	DemoDataRemoved remove() {
		DemoDataStore.Counts removed = this.demo.remove();
		return new DemoDataRemoved(removed.expenses(), removed.incomes(), removed.categories());
	}

}
