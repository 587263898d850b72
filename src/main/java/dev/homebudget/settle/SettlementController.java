package dev.homebudget.settle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.ledger.Amounts;
import dev.homebudget.ledger.Currencies;
import dev.homebudget.ledger.EntryDates;
import dev.homebudget.ledger.PageLinks;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.ApiSchemas;
import dev.homebudget.web.DeletedResponse;
import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.JsonObjectBody;
import dev.homebudget.web.PageRequest;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.StorableText;
import dev.homebudget.web.ValidationIssue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The balance of the current household, its settle-up transfers and per-member totals
 * (sign-in mode, phase P3; elsewhere 409). A viewer reads them and records none (403).
 */
@RestController
@Tag(name = "balance")
class SettlementController {

	private final Balances balances;

	SettlementController(Balances balances) {
		this.balances = balances;
	}

	/** The body of a settle-up. */
	record SettlementCreate(
			@JsonProperty("from_user") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int fromUser,
			@JsonProperty("to_user") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int toUser,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "12.34") BigDecimal amount,
			@Schema(description = "ISO 4217 code or one of ₪ $ € £; default: the household's base currency") String currency,
			@Schema(description = "Default: today") LocalDate date, String notes) {

	}

	@GetMapping(path = "/api/v1/balance", produces = "application/json")
	@Operation(operationId = "getBalance",
			summary = "Who owes whom in the current household: per member paid, share, settled and net, and the transfers that clear it")
	Balances.Balance balance() {
		return this.balances.balance();
	}

	/** Settlements per page when the request names no limit. */
	static final int DEFAULT_PAGE = 100;

	@GetMapping(path = "/api/v1/settlements", produces = "application/json")
	@Operation(operationId = "listSettlements",
			summary = "The current household's settle-up transfers, newest first, a page at a time",
			description = "At most limit (1 to 1000, default 100) per page; when more follow, the Link header "
					+ "(rel=\"next\") and X-Next-Cursor carry the cursor of the next page.")
	@Parameter(name = "limit", in = ParameterIn.QUERY,
			schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
	@Parameter(name = "cursor", in = ParameterIn.QUERY, description = "From the previous page's X-Next-Cursor",
			schema = @Schema(type = "string"))
	ResponseEntity<List<Balances.Settlement>> settlements(
			@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		Balances.SettlementPage page = this.balances
			.settlements(PageRequest.read(parameters, Balances.SETTLEMENTS, 2, DEFAULT_PAGE));
		return PageLinks.ok(page.next()).body(page.settlements());
	}

	@PostMapping(path = "/api/v1/settlements", produces = "application/json")
	@Operation(operationId = "createSettlement", summary = "Record a transfer between two members (a settle-up)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = SettlementCreate.class))))
	@ApiResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = Balances.Settlement.class)))
	ResponseEntity<Balances.Settlement> settle(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType) {
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		Integer from = fields.field("from_user", SettlementController::userId);
		Integer to = fields.field("to_user", SettlementController::userId);
		BigDecimal amount = fields.field("amount", SettlementController::amount);
		LocalDate date = fields.optionalField("date", SettlementController::date);
		String notes = fields.optionalField("notes", SettlementController::notes);
		String currency = fields.optionalField("currency", SettlementController::currency);
		fields.check();
		if (date == null) {
			date = LocalDate.now();
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.balances.settle(from, to, amount, currency, date, notes));
	}

	@DeleteMapping(path = "/api/v1/settlements/{settlement_id}", produces = "application/json")
	@Operation(operationId = "deleteSettlement", summary = "Delete a settle-up transfer")
	@ApiResponse(responseCode = "404", description = "Not found", content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	DeletedResponse delete(@PathVariable("settlement_id") @Parameter(schema = @Schema(type = "integer")) String rawId) {
		int id;
		try {
			id = Integer.parseInt(rawId);
		}
		catch (NumberFormatException ex) {
			throw new ApiException(HttpStatus.NOT_FOUND, Balances.NOT_FOUND);
		}
		this.balances.delete(id);
		return DeletedResponse.of(id);
	}

	@GetMapping(path = "/api/v1/reports/members", produces = "application/json")
	@Operation(operationId = "reportMemberTotals",
			summary = "Per member: expenses paid and shares over an inclusive date range; a row with user_id null holds expenses of unknown payer")
	List<Balances.MemberTotal> memberTotals(
			@RequestParam(name = "from",
					required = false) @Parameter(schema = @Schema(type = "string", format = "date")) String from,
			@RequestParam(name = "to",
					required = false) @Parameter(schema = @Schema(type = "string", format = "date")) String to) {
		List<ValidationIssue> issues = new ArrayList<>();
		LocalDate start = queryDate("from", from, issues);
		LocalDate end = queryDate("to", to, issues);
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		return this.balances.totalsByMember(start, end);
	}

	private static LocalDate queryDate(String name, String raw, List<ValidationIssue> issues) {
		if (raw == null || raw.isEmpty()) {
			return null;
		}
		try {
			return EntryDates.parse(raw);
		}
		catch (InvalidValue ex) {
			issues.add(ValidationIssue.of(ex, List.of("query", name), raw));
			return null;
		}
	}

	private static Integer userId(JsonNode value) throws InvalidValue {
		if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() > 0) {
			return value.intValue();
		}
		throw new InvalidValue("int_type", "Input should be a user id (a positive integer)");
	}

	private static BigDecimal amount(JsonNode value) throws InvalidValue {
		BigDecimal amount = Amounts.fromJson(value);
		if (amount.signum() <= 0) {
			throw new InvalidValue("greater_than", "Input should be greater than 0");
		}
		return amount;
	}

	private static LocalDate date(JsonNode value) throws InvalidValue {
		if (!value.isString()) {
			throw new InvalidValue("date_type", "Input should be a valid date");
		}
		return EntryDates.parse(value.stringValue());
	}

	/** A currency as entries take it (a code or a symbol), as its code. */
	private static String currency(JsonNode value) throws InvalidValue {
		if (value.isString()) {
			var code = Currencies.code(value.stringValue());
			if (code.isPresent()) {
				return code.get();
			}
		}
		throw new InvalidValue("value_error",
				"Value error, currency must be an ISO 4217 code (such as ILS, USD or EUR) or one of \u20aa $ \u20ac \u00a3");
	}

	private static String notes(JsonNode value) throws InvalidValue {
		if (!value.isString() || value.stringValue().length() > 1000) {
			throw new InvalidValue("string_type", "Input should be a string of at most 1000 characters");
		}
		return StorableText.check(value.stringValue());
	}

}
