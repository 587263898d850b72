package dev.homebudget.expense;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request shapes of {@code /api/v1/expense} for the OpenAPI document. */
final class ExpenseSchemas {

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
			@Schema(nullable = true) String notes) {
	}

	@Schema(name = "ExpenseFullUpdate", description = "Only the keys present are applied")
	record ExpenseFullUpdate(@Schema(nullable = true) String date, @Schema(nullable = true) String business,
			@Schema(nullable = true) String category, @Schema(nullable = true) BigDecimal amount,
			@Schema(nullable = true) String account, @Schema(nullable = true) String currency,
			@Schema(nullable = true) String notes) {
	}

}
