package dev.homebudget.ledger;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Documents the optional query parameters of a list endpoint (see {@link EntryQueries}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
		@Parameter(name = "from", in = ParameterIn.QUERY, description = "First date, inclusive",
				schema = @Schema(type = "string", format = "date")),
		@Parameter(name = "to", in = ParameterIn.QUERY, description = "Last date, inclusive",
				schema = @Schema(type = "string", format = "date")),
		@Parameter(name = "category", in = ParameterIn.QUERY, description = "Exact category"),
		@Parameter(name = "account", in = ParameterIn.QUERY, description = "Exact account"),
		@Parameter(name = "business", in = ParameterIn.QUERY, description = "Exact business (expenses only)"),
		@Parameter(name = "paid_by", in = ParameterIn.QUERY,
				description = "User id of the member who paid (expenses only; sign-in mode, phase P3, else no rows)",
				schema = @Schema(type = "integer", minimum = "1")),
		@Parameter(name = "for_whom", in = ParameterIn.QUERY,
				description = "User id of a member with a share, or 'shared' for expenses split among several "
						+ "(expenses only; sign-in mode, phase P3, else no rows)",
				schema = @Schema(type = "string", example = "shared")),
		@Parameter(name = "q", in = ParameterIn.QUERY,
				description = "Case-insensitive text in business, category or notes"),
		@Parameter(name = "min_amount", in = ParameterIn.QUERY, schema = @Schema(type = "number")),
		@Parameter(name = "max_amount", in = ParameterIn.QUERY, schema = @Schema(type = "number")),
		@Parameter(name = "sort", in = ParameterIn.QUERY, description = "Order; a leading '-' means descending",
				schema = @Schema(type = "string", defaultValue = "-date",
						allowableValues = { "date", "-date", "amount", "-amount", "category", "-category" })),
		@Parameter(name = "limit", in = ParameterIn.QUERY,
				description = "Page size (1-1000); without it every matching row is returned",
				schema = @Schema(type = "integer", minimum = "1", maximum = "1000")),
		@Parameter(name = "cursor", in = ParameterIn.QUERY,
				description = "Opaque position from the previous page's Link rel=\"next\" header") })
public @interface EntryQueryParameters {

}
