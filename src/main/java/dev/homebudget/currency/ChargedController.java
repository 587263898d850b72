package dev.homebudget.currency;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.ledger.Amounts;
import dev.homebudget.ledger.EntryIds;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.ApiSchemas;
import dev.homebudget.web.ConcurrencyProperties;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.JsonObjectBody;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/expense/{id}/charged} and {@code /api/v1/income/{id}/charged}: what an
 * entry in another currency actually cost in the household's base currency (from the card
 * statement). Converted totals and budgets count it instead of converting at a rate. The
 * entry's version (its ETag) covers it. PostgreSQL as the primary store only (409
 * before); viewers read it.
 */
@RestController
@Tag(name = "exchange rates")
class ChargedController {

	private final CurrencyService currencies;

	private final ConcurrencyProperties concurrency;

	ChargedController(CurrencyService currencies, ConcurrencyProperties concurrency) {
		this.currencies = currencies;
		this.concurrency = concurrency;
	}

	record ChargedResponse(int id, @Schema(description = "The entry's own amount", type = "number") BigDecimal amount,
			@Schema(description = "The entry's own currency (ISO 4217)") String currency,
			@JsonProperty("charged_amount") @Schema(
					description = "What it cost in charged_currency; null: not recorded (totals convert at the rates)",
					type = "number") BigDecimal chargedAmount,
			@JsonProperty("charged_currency") @Schema(
					description = "The base currency the charged amount is in") String chargedCurrency) {

		static ChargedResponse of(ChargedAmounts.Charged charged) {
			return new ChargedResponse(charged.id(), charged.amount(), charged.currency(), charged.chargedAmount(),
					charged.chargedCurrency());
		}

	}

	record ChargedChange(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
			description = "What it cost in the household's base currency (0 or more, two decimals); null clears it",
			type = "number", example = "412.30") BigDecimal amount) {

	}

	@GetMapping(path = "/api/v1/expense/{expense_id}/charged", produces = "application/json")
	@Operation(operationId = "getExpenseCharged",
			summary = "What an expense actually cost in the base currency, with the expense's ETag")
	ResponseEntity<ChargedResponse> getExpense(
			@PathVariable("expense_id") @Parameter(schema = @Schema(type = "integer")) String rawId) {
		return get(ChargedAmounts.Kind.EXPENSE, rawId);
	}

	@GetMapping(path = "/api/v1/income/{income_id}/charged", produces = "application/json")
	@Operation(operationId = "getIncomeCharged",
			summary = "What an income actually came to in the base currency, with the income's ETag")
	ResponseEntity<ChargedResponse> getIncome(
			@PathVariable("income_id") @Parameter(schema = @Schema(type = "integer")) String rawId) {
		return get(ChargedAmounts.Kind.INCOME, rawId);
	}

	@PutMapping(path = "/api/v1/expense/{expense_id}/charged", produces = "application/json")
	@Operation(operationId = "putExpenseCharged",
			summary = "Record what an expense actually cost in the base currency (If-Match: the expense's ETag)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = ChargedChange.class))))
	@ApiResponse(responseCode = "412", description = "The expense changed since the If-Match version",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<ChargedResponse> putExpense(
			@PathVariable("expense_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return put(ChargedAmounts.Kind.EXPENSE, rawId, body, contentType, ifMatch);
	}

	@PutMapping(path = "/api/v1/income/{income_id}/charged", produces = "application/json")
	@Operation(operationId = "putIncomeCharged",
			summary = "Record what an income actually came to in the base currency (If-Match: the income's ETag)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = ChargedChange.class))))
	@ApiResponse(responseCode = "412", description = "The income changed since the If-Match version",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<ChargedResponse> putIncome(
			@PathVariable("income_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return put(ChargedAmounts.Kind.INCOME, rawId, body, contentType, ifMatch);
	}

	@DeleteMapping(path = "/api/v1/expense/{expense_id}/charged", produces = "application/json")
	@Operation(operationId = "deleteExpenseCharged",
			summary = "Forget what an expense cost in the base currency: totals convert it at the rates again")
	ResponseEntity<ChargedResponse> deleteExpense(
			@PathVariable("expense_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return clear(ChargedAmounts.Kind.EXPENSE, rawId, ifMatch);
	}

	@DeleteMapping(path = "/api/v1/income/{income_id}/charged", produces = "application/json")
	@Operation(operationId = "deleteIncomeCharged",
			summary = "Forget what an income came to in the base currency: totals convert it at the rates again")
	ResponseEntity<ChargedResponse> deleteIncome(
			@PathVariable("income_id") @Parameter(schema = @Schema(type = "integer")) String rawId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return clear(ChargedAmounts.Kind.INCOME, rawId, ifMatch);
	}

	private ResponseEntity<ChargedResponse> get(ChargedAmounts.Kind kind, String rawId) {
		ChargedAmounts.Charged charged = this.currencies.charged(kind, id(kind, rawId));
		return ResponseEntity.ok().eTag(IfMatch.etag(charged.version())).body(ChargedResponse.of(charged));
	}

	private ResponseEntity<ChargedResponse> put(ChargedAmounts.Kind kind, String rawId, byte[] body, String contentType,
			String ifMatch) {
		int id = id(kind, rawId);
		IfMatch precondition = IfMatch.parse(ifMatch, this.concurrency.requireIfMatch());
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		if (!fields.json().has("amount")) {
			fields.invalid("amount", "Field required: the amount, or null to clear it", null);
		}
		BigDecimal amount = fields.optionalField("amount", ChargedController::amount);
		fields.check();
		ChargedAmounts.Charged charged = this.currencies.charge(kind, id, amount, precondition);
		return ResponseEntity.ok().eTag(IfMatch.etag(charged.version())).body(ChargedResponse.of(charged));
	}

	private ResponseEntity<ChargedResponse> clear(ChargedAmounts.Kind kind, String rawId, String ifMatch) {
		ChargedAmounts.Charged charged = this.currencies.charge(kind, id(kind, rawId), null,
				IfMatch.parse(ifMatch, this.concurrency.requireIfMatch()));
		return ResponseEntity.ok().eTag(IfMatch.etag(charged.version())).body(ChargedResponse.of(charged));
	}

	private static int id(ChargedAmounts.Kind kind, String rawId) {
		return EntryIds.parse(rawId, "id")
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
					(kind == ChargedAmounts.Kind.EXPENSE) ? "Expense not found" : "Income not found"));
	}

	private static BigDecimal amount(JsonNode value) throws InvalidValue {
		BigDecimal amount = Amounts.fromJson(value);
		if (amount.signum() < 0) {
			throw new InvalidValue("greater_than_equal", "Input should be greater than or equal to 0");
		}
		return amount;
	}

}
