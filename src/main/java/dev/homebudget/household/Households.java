package dev.homebudget.household;

import java.util.Map;

import dev.homebudget.shared.ApiException;

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

	/**
	 * Rows a migration inserts itself, which are no user's data, by table (a condition on
	 * its rows): V8 creates household 1. A database holding only these counts as empty, a
	 * restore replaces them with the archive's, and a downgrade does not call them lost.
	 */
	public static final Map<String, String> MIGRATION_SEEDED_ROWS = Map.of("households", "id = " + FIRST);

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

	/** The 409 of the JSON-era phases for anything about a household but the first. */
	public static ApiException needsPostgresOnly() {
		return new ApiException(HttpStatus.CONFLICT,
				"Households other than the first need storage phase P3 (PostgreSQL only): the JSON files of this "
						+ "phase hold one household's data");
	}

}
