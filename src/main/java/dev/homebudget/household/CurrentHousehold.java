package dev.homebudget.household;

import java.util.Optional;
import java.util.function.Supplier;

import dev.homebudget.auth.AuthMode;
import dev.homebudget.auth.CurrentUser;
import dev.homebudget.auth.SignedInUser;
import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StoragePhase;
import dev.homebudget.ledger.Households;
import dev.homebudget.web.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The household the current request works in, and the caller's role there. Single-user
 * mode is always the first household, as owner (no query). In sign-in mode it is the
 * user's current household ({@code users.current_household_id}) when they are still a
 * member, else the first one they belong to; in the JSON-era phases (P0 to P2) it is
 * always the first household, whose data the JSON files hold.
 */
@Component
public class CurrentHousehold {

	/** The household a background task works in ({@link #actingAs}), on its thread. */
	private static final ThreadLocal<Membership> ACTING = new ThreadLocal<>();

	private final CurrentUser currentUser;

	private final StorageMode storage;

	private final JdbcClient jdbc;

	CurrentHousehold(CurrentUser currentUser, StorageMode storage, JdbcClient jdbc) {
		this.currentUser = currentUser;
		this.storage = storage;
		this.jdbc = jdbc;
	}

	/** A household and the caller's role in it. */
	public record Membership(int household, HouseholdRole role) {

	}

	/** The household whose data the caller may read. */
	public int forReading() {
		return membership().household();
	}

	/**
	 * The household whose data the caller may change.
	 * @throws ApiException 403 for a viewer
	 */
	public int forWriting() {
		Membership membership = membership();
		if (!membership.role().canWrite()) {
			throw new ApiException(HttpStatus.FORBIDDEN,
					"Viewers can only read this household's data; ask an owner for the member role");
		}
		return membership.household();
	}

	/**
	 * The caller's current household and role.
	 * @throws ApiException 403 when a signed-in user belongs to no household (in the JSON
	 * era: is not in the first one)
	 */
	public Membership membership() {
		Membership acting = ACTING.get();
		if (acting != null) {
			return acting;
		}
		if (this.currentUser.mode() == AuthMode.SINGLE_USER) {
			return new Membership(Households.FIRST, HouseholdRole.OWNER);
		}
		SignedInUser user = this.currentUser.get()
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "Not authenticated"));
		return find(user.id()).orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN, jsonEra()
				? "You are not a member of the first household, the only one before storage phase P3"
				: "You are not a member of any household; accept an invitation or create one (POST /api/v1/households)"));
	}

	/**
	 * Runs work the app does for a household outside a request (a schedule posting its
	 * entries) in that household as a member, on this thread only: as {@code userId}
	 * where there is one (sign-in mode: who paid, who entered), else as nobody.
	 */
	public <T> T actingAs(int household, Integer userId, String username, Supplier<T> work) {
		Membership before = ACTING.get();
		ACTING.set(new Membership(household, HouseholdRole.MEMBER));
		try {
			return (userId != null && this.currentUser.mode() == AuthMode.SIGN_IN)
					? this.currentUser.actingAs(userId, username, work) : work.get();
		}
		finally {
			ACTING.set(before);
		}
	}

	Optional<Membership> find(int userId) {
		String onlyFirst = jsonEra() ? " AND m.household_id = " + Households.FIRST : "";
		return this.jdbc.sql("""
				SELECT m.household_id, m.role FROM household_members m JOIN users u ON u.id = m.user_id
				WHERE m.user_id = :user""" + onlyFirst + """

				ORDER BY (m.household_id = u.current_household_id) IS TRUE DESC, m.household_id LIMIT 1""")
			.param("user", userId)
			.query((rs, row) -> new Membership(rs.getInt(1), HouseholdRole.parse(rs.getString(2)).orElseThrow()))
			.optional();
	}

	/** Phases P0 to P2 keep a JSON copy, which knows no households. */
	public boolean jsonEra() {
		return this.storage.phase() != StoragePhase.P3;
	}

}
