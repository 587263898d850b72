package dev.homebudget.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.category.CategoryService;
import dev.homebudget.currency.CurrencyService;
import dev.homebudget.ledger.Currencies;
import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.JsonObjectBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/settings}: the household's base currency and whether its categories are
 * strict. PostgreSQL as the primary store only (409 before); owners change them.
 */
@RestController
@Tag(name = "settings")
class SettingsController {

	private final CurrencyService currencies;

	private final CategoryService categories;

	SettingsController(CurrencyService currencies, CategoryService categories) {
		this.currencies = currencies;
		this.categories = categories;
	}

	record Settings(
			@JsonProperty("base_currency") @Schema(
					description = "ISO 4217 code every converted total is in (ILS until changed)") String baseCurrency,
			@JsonProperty("strict_categories") @Schema(
					description = "Whether an entry must name a category the household has (else 422) instead of creating it (false until changed)") Boolean strictCategories) {

	}

	@GetMapping(path = "/api/v1/settings", produces = "application/json")
	@Operation(operationId = "getSettings",
			summary = "The household's settings: its base currency, and whether categories are strict")
	Settings settings() {
		return new Settings(this.currencies.baseCurrency(), this.categories.strict());
	}

	@PatchMapping(path = "/api/v1/settings", produces = "application/json")
	@Operation(operationId = "changeSettings",
			summary = "Change the household's base currency or strict categories (owners; the fields given)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = Settings.class))))
	Settings changeSettings(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType) {
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		String base = fields.optionalField("base_currency", SettingsController::currency);
		Boolean strict = fields.optionalBoolean("strict_categories");
		if (!fields.has("base_currency") && !fields.has("strict_categories")) {
			fields.invalid("base_currency", "Field required: give base_currency, strict_categories or both", null);
		}
		fields.check();
		// each checks the owner's role before it writes anything
		if (base != null) {
			this.currencies.setBaseCurrency(base);
		}
		if (strict != null) {
			this.categories.setStrict(strict);
		}
		return new Settings(this.currencies.baseCurrency(), this.categories.strict());
	}

	private static String currency(JsonNode value) throws InvalidValue {
		if (!value.isString()) {
			throw new InvalidValue("string_type", "Input should be a valid string");
		}
		String text = value.stringValue();
		return Currencies.code(text)
			.orElseThrow(() -> new InvalidValue("value_error", "Value error, '" + text + "' is not a currency code"));
	}

}
