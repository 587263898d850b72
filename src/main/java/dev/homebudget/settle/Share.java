package dev.homebudget.settle;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One member's part of an expense, exact to the cent. The amount always has scale 2, so
 * equal shares are {@code equals} (and lists of shares in the same order too).
 */
public record Share(@JsonProperty("user_id") int userId, BigDecimal amount) {

	public Share {
		amount = amount.setScale(2, RoundingMode.UNNECESSARY);
	}

}
