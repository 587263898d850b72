package dev.homebudget.expense;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.settle.Share;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request shapes of {@code /api/v1/expense} for the OpenAPI document. */
final class ExpenseSchemas {

	private static final String PAID_BY = "Sign-in mode (phase P3): the member who paid; default the caller on create, "
			+ "null = unknown (left out of balances). Elsewhere only null or absent";

	private static final String FOR_WHOM = "Sign-in mode (phase P3): a member's user id, or \"shared\" / null = split "
			+ "equally in cents among the owners and members (extra cents to the lowest ids)";

	private static final String SHARES = "Sign-in mode (phase P3): a custom split that sums to the amount exactly (else 422)";

	private ExpenseSchemas() {
	}

	@Schema(name = "ExpenseCreate")
	record ExpenseCreate(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2025-11-10",
					description = "YYYY-MM-DD") String date,
			@Schema(nullable = true, maxLength = 255) String business,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String category,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "50.00",
					description = "Rounded half away from zero to 2 decimals; |amount| < 100000000") BigDecimal amount,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String account,
			@Schema(nullable = true, maxLength = 10, description = "Defaults to ₪") String currency,
			@Schema(nullable = true) String notes,
			@JsonProperty("paid_by") @Schema(nullable = true, description = PAID_BY) Integer paidBy,
			@JsonProperty("for_whom") @Schema(nullable = true, type = "string", description = FOR_WHOM) String forWhom,
			@Schema(nullable = true, description = SHARES) List<Share> shares) {
	}

	@Schema(name = "ExpenseFullUpdate", description = "Only the keys present are applied")
	record ExpenseFullUpdate(@Schema(nullable = true) String date, @Schema(nullable = true) String business,
			@Schema(nullable = true) String category, @Schema(nullable = true) BigDecimal amount,
			@Schema(nullable = true) String account, @Schema(nullable = true) String currency,
			@Schema(nullable = true) String notes,
			@JsonProperty("paid_by") @Schema(nullable = true, description = PAID_BY) Integer paidBy,
			@JsonProperty("for_whom") @Schema(nullable = true, type = "string", description = FOR_WHOM) String forWhom,
			@Schema(nullable = true, description = SHARES) List<Share> shares) {
	}

}
