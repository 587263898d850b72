package dev.homebudget.currency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.idempotency.IdempotentRequests;
import dev.homebudget.ledger.Currencies;
import dev.homebudget.ledger.EntryDates;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.ApiSchemas;
import dev.homebudget.web.DeletedResponse;
import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.JsonBodies;
import dev.homebudget.web.JsonObjectBody;
import dev.homebudget.web.RequestValidationException;
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
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/exchange-rates} (the base currency is in the settings module's
 * {@code /api/v1/settings}). PostgreSQL as the primary store only (phases P2, P3; 409
 * before). A viewer reads them and changes none (403); only owners change the base
 * currency.
 */
@RestController
@Tag(name = "currencies")
class CurrencyController {

	static final String RATES = "/api/v1/exchange-rates";

	private static final int DEFAULT_LIMIT = 100;

	private static final int MAX_LIMIT = 1000;

	private final CurrencyService currencies;

	private final IdempotentRequests idempotentRequests;

	CurrencyController(CurrencyService currencies, IdempotentRequests idempotentRequests) {
		this.currencies = currencies;
		this.idempotentRequests = idempotentRequests;
	}

	record RateResponse(int id, LocalDate date, String currency, String quote,
			@Schema(description = "One unit of currency in units of quote", type = "number") BigDecimal rate,
			String source, @JsonProperty("created_at") OffsetDateTime createdAt) {

		static RateResponse of(ExchangeRates.Rate rate) {
			return new RateResponse(rate.id(), rate.day(), rate.currency(), rate.quote(), rate.rate(), rate.source(),
					rate.createdAt());
		}

	}

	record RateCreate(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate date,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "USD") String currency,
			@Schema(description = "Default: the base currency", example = "ILS") String quote,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "3.6512") BigDecimal rate) {

	}

	record ImportResult(int imported, List<RejectedRow> rejected,
			@JsonProperty("rejected_count") @Schema(description = "Rows refused, listed or not") long rejectedCount) {

	}

	record RejectedRow(long line, String reason) {

	}

	@GetMapping(path = RATES, produces = "application/json")
	@Operation(operationId = "listExchangeRates", summary = "Exchange rates, newest first (at most limit, 1000)")
	List<RateResponse> rates(@RequestParam(name = "currency", required = false) String currency,
			@RequestParam(name = "quote", required = false) String quote,
			@RequestParam(name = "from",
					required = false) @Parameter(schema = @Schema(type = "string", format = "date")) String from,
			@RequestParam(name = "to",
					required = false) @Parameter(schema = @Schema(type = "string", format = "date")) String to,
			@RequestParam(name = "limit", required = false) @Parameter(
					schema = @Schema(type = "integer", minimum = "1", maximum = "1000")) String limit) {
		return this.currencies
			.list(queryCurrency("currency", currency), queryCurrency("quote", quote), queryDate("from", from),
					queryDate("to", to), queryLimit(limit))
			.stream()
			.map(RateResponse::of)
			.toList();
	}

	@PostMapping(path = RATES, produces = "application/json")
	@Operation(operationId = "putExchangeRate",
			summary = "Enter a rate for a day (replacing the one of that day and pair)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = RateCreate.class))))
	@ApiResponse(responseCode = "201", description = "Stored",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = RateResponse.class)))
	ResponseEntity<String> put(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			@Parameter(description = "Makes a retried POST return the first response") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		LocalDate day = fields.field("date", CurrencyController::date);
		String currency = fields.field("currency", CurrencyController::currency);
		String quote = fields.optionalField("quote", CurrencyController::currency);
		BigDecimal rate = fields.field("rate", CurrencyController::rate);
		fields.check();
		return this.idempotentRequests.execute(idempotencyKey, "POST " + RATES, body, HttpStatus.CREATED, null,
				() -> RateResponse.of(this.currencies.put(day, currency, quote, rate)));
	}

	@PostMapping(path = RATES + "/import", produces = "application/json")
	@Operation(operationId = "importExchangeRates",
			summary = "Import rates from a CSV file: the ECB's eurofxref-hist.csv, or date,currency,rate[,quote] "
					+ "(quote defaults to the base currency)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
	@ApiResponse(responseCode = "200", description = "Imported",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportResult.class)))
	@ApiResponse(responseCode = "422", description = "Not a rates file",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.HttpValidationError.class)))
	ImportResult importRates(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType) {
		requireCsv(contentType);
		if (body == null || body.length == 0) {
			throw new RequestValidationException(
					new ValidationIssue("missing", List.of("body"), "Field required", null, null));
		}
		try {
			JsonBodies.strictUtf8(body);
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			throw bodyIssue("Value error, the file is not UTF-8 text");
		}
		try {
			CurrencyService.Imported imported = this.currencies
				.importFile(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
			return new ImportResult(imported.imported(),
					imported.rejected().stream().map((row) -> new RejectedRow(row.line(), row.reason())).toList(),
					imported.rejectedCount());
		}
		catch (InvalidValue ex) {
			throw bodyIssue(ex.getMessage());
		}
		catch (IOException ex) {
			throw bodyIssue("Value error, the file could not be read");
		}
	}

	@DeleteMapping(path = RATES + "/{rate_id}", produces = "application/json")
	@Operation(operationId = "deleteExchangeRate", summary = "Delete an exchange rate")
	DeletedResponse delete(@PathVariable("rate_id") @Parameter(schema = @Schema(type = "integer")) String rawId) {
		int id;
		try {
			id = Integer.parseInt(rawId);
		}
		catch (NumberFormatException ex) {
			throw new ApiException(HttpStatus.NOT_FOUND, CurrencyService.NOT_FOUND);
		}
		this.currencies.delete(id);
		return DeletedResponse.of(id);
	}

	private static void requireCsv(String contentType) {
		if (contentType != null) {
			try {
				MediaType type = MediaType.parseMediaType(contentType);
				if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
					return;
				}
			}
			catch (InvalidMediaTypeException ex) {
				// refused below like any other type
			}
		}
		throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be text/csv");
	}

	private static RequestValidationException bodyIssue(String message) {
		return new RequestValidationException(new ValidationIssue("value_error", List.of("body"), message, null, null));
	}

	private static String currency(JsonNode value) throws InvalidValue {
		if (!value.isString()) {
			throw new InvalidValue("string_type", "Input should be a valid string");
		}
		return RateFiles.code(value.stringValue());
	}

	private static LocalDate date(JsonNode value) throws InvalidValue {
		if (!value.isString()) {
			throw new InvalidValue("date_type", "Input should be a valid date");
		}
		return EntryDates.parse(value.stringValue());
	}

	private static BigDecimal rate(JsonNode value) throws InvalidValue {
		if (value.isString() || value.isNumber()) {
			return RateFiles.rate(value.isString() ? value.stringValue() : value.decimalValue().toPlainString());
		}
		throw new InvalidValue("decimal_type", "Input should be a valid decimal");
	}

	private static String queryCurrency(String name, String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		return Currencies.code(value)
			.orElseThrow(() -> new RequestValidationException(new ValidationIssue("value_error", List.of("query", name),
					"Value error, not a currency code", value, null)));
	}

	private static LocalDate queryDate(String name, String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return EntryDates.parse(value);
		}
		catch (InvalidValue ex) {
			throw new RequestValidationException(ValidationIssue.of(ex, List.of("query", name), value));
		}
	}

	private static int queryLimit(String value) {
		if (value == null || value.isEmpty()) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value);
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new RequestValidationException(new ValidationIssue("value_error", List.of("query", "limit"),
				"Value error, limit must be between 1 and " + MAX_LIMIT, value, null));
	}

}
