package dev.homebudget.settle;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who entered, who paid and for whom one expense is, with its shares (empty for a row of
 * unknown payer, which balances leave out). {@code forWhom} null means shared.
 */
public record Split(@JsonProperty("entered_by") Integer enteredBy, @JsonProperty("paid_by") Integer paidBy,
		@JsonProperty("for_whom") Integer forWhom, List<Share> shares) {

	/** A row nobody attributed yet: every field null, no shares. */
	public static final Split UNKNOWN = new Split(null, null, null, List.of());

}
