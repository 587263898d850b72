package dev.homebudget.ledger;

import dev.homebudget.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Facts about households that stores and services share. Household 1 is created by the
 * migration that introduced households; every row written before (and every row of the
 * JSON era) belongs to it.
 */
public final class Households {

	/**
	 * The household of single-user mode, of the JSON-era phases and of all older data.
	 */
	public static final int FIRST = 1;

	private Households() {
	}

	/**
	 * For stores that cannot tell households apart (the JSON files of phases P0 to P2):
	 * only the first household's data is theirs.
	 * @throws ApiException 409 for any other household
	 */
	public static void requireFirst(int household) {
		if (household != FIRST) {
			throw needsPostgresOnly();
		}
	}

	/**
	 * The 409 of phases P0 and P1 for what only PostgreSQL keeps (categories, budgets,
	 * history...): a sentence naming the capability and the phases it works in.
	 */
	public static ApiException needsPostgresPrimary(String capability) {
		return new ApiException(HttpStatus.CONFLICT, capability
				+ " need PostgreSQL as the primary store (storage phase P2 or P3); this server keeps the JSON files primary");
	}

	/** The 409 of the JSON-era phases for anything about a household but the first. */
	public static ApiException needsPostgresOnly() {
		return new ApiException(HttpStatus.CONFLICT,
				"Households other than the first need storage phase P3 (PostgreSQL only): the JSON files of this "
						+ "phase hold one household's data");
	}

}
