package dev.homebudget.settle;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One member's part of an expense, exact to the cent. */
public record Share(@JsonProperty("user_id") int userId, BigDecimal amount) {

	public Share {
		amount = amount.setScale(2, RoundingMode.UNNECESSARY);
	}

}
