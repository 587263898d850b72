package dev.homebudget.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;

import tools.jackson.databind.JsonNode;

/**
 * A stored schedule.
 *
 * @param createdBy the user who created it (the actor of its entries in sign-in mode), or
 * null
 * @param creatorName that user's name, or null
 * @param planTotal the total of an instalment plan, or null for a plain schedule
 * @param planFirst a plan's different first payment, or null
 * @param postFrom occurrences due before this day are not posted by the app
 */
record Schedule(int id, int household, Integer createdBy, String creatorName, String kind, JsonNode template,
		String rrule, LocalDate start, LocalDate end, Integer count, Recurrence.Weekend weekend, String mode,
		boolean approximate, String status, BigDecimal planTotal, BigDecimal planFirst, LocalDate postFrom,
		String lastError, int version) {

	static final String AUTO = "auto";

	static final String CONFIRM = "confirm";

	static final String ACTIVE = "active";

	static final String PAUSED = "paused";

	static final String ENDED = "ended";

	Recurrence recurrence() {
		return Recurrence.of(this.rrule, this.start, this.end, this.count, this.weekend);
	}

	InstalmentPlan plan() {
		return (this.planTotal != null) ? new InstalmentPlan(this.planTotal, this.count, this.planFirst) : null;
	}

	ScheduleTemplate entryTemplate() {
		return ScheduleTemplate.stored(this.kind, this.template);
	}

	/** The amount of occurrence {@code seq}: the plan's payment, else the template's. */
	BigDecimal amount(int seq) {
		InstalmentPlan plan = plan();
		return (plan != null) ? plan.amount(seq) : entryTemplate().amount();
	}

	/** "3 of 12" for a plan's payment; null for a plain schedule. */
	String note(int seq) {
		return (this.planTotal != null) ? seq + " of " + this.count : null;
	}

}
