package dev.homebudget.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The expenses a household's schedules are still to post between two dates, for a
 * budget's "available after scheduled": the occurrences waiting for confirmation that are
 * dated in the range, and the occurrences of active schedules from today on that are not
 * handled yet (what {@code /api/v1/upcoming} lists). Nothing dated before today is still
 * to come, except what waits for confirmation.
 */
@Component
public class ScheduledExpenses {

	/** Occurrences one range counts at most (a budget period has far fewer). */
	static final int LIMIT = 2000;

	private final ScheduleService schedules;

	private final ScheduleStore store;

	ScheduledExpenses(ScheduleService schedules, ScheduleStore store) {
		this.schedules = schedules;
		this.store = store;
	}

	/**
	 * An occurrence still to come.
	 *
	 * @param category the category its entry will name
	 * @param currency the currency its entry will be in, as the template writes it
	 */
	public record Item(LocalDate date, String category, String currency, BigDecimal amount) {

	}

	/**
	 * What is to come from {@code from} to {@code to}, both included.
	 *
	 * @param complete false when more occurrences came due than one look ahead lists
	 * (then only the earliest are counted)
	 */
	public record Items(List<Item> items, boolean complete) {

	}

	public Items between(int household, LocalDate from, LocalDate to) {
		LocalDate today = this.schedules.today();
		if (to.isBefore(today) && !this.store.anyDue(household)) {
			// a past range: only a confirmation still waiting could be to come
			return new Items(List.of(), true);
		}
		List<ScheduleService.Upcoming> toCome = this.schedules.toCome(household, today, from, to, LIMIT + 1);
		List<Item> items = toCome.stream()
			.limit(LIMIT)
			.filter((u) -> "expense".equals(u.schedule().kind()))
			.map((u) -> new Item(u.occurrence().date(), u.schedule().entryTemplate().category(),
					u.schedule().entryTemplate().currency(), u.amount()))
			.toList();
		return new Items(items, toCome.size() <= LIMIT);
	}

}
