package dev.homebudget.household;

import java.util.Locale;
import java.util.Optional;

/** What a member may do in a household. */
public enum HouseholdRole {

	/** Reads and writes data, manages members and invitations. */
	OWNER,

	/** Reads and writes data. */
	MEMBER,

	/** Reads data only. */
	VIEWER;

	/**
	 * As stored and as the API spells it: {@code owner}, {@code member}, {@code viewer}.
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean canWrite() {
		return this != VIEWER;
	}

	static Optional<HouseholdRole> parse(String value) {
		for (HouseholdRole role : values()) {
			if (role.value().equals(value)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
