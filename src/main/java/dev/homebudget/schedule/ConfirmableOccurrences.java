package dev.homebudget.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * What other modules may know of the occurrences that wait for the user's Confirm: those
 * of confirm-mode schedules, due or still to come, and confirming one. Statement imports
 * use it to tell a bank row that pays a scheduled bill, so that the bill is posted once.
 * It reads and writes through {@link ScheduleService}, with the same rules (household,
 * phase, viewers, an occurrence handled once).
 */
@Service
public class ConfirmableOccurrences {

	private final ScheduleService schedules;

	ConfirmableOccurrences(ScheduleService schedules) {
		this.schedules = schedules;
	}

	/**
	 * An occurrence waiting for Confirm.
	 *
	 * @param scheduleId its schedule
	 * @param name what the schedule pays or is paid: its business, else its category
	 * @param kind {@code expense} or {@code income}
	 * @param occurrence the rule's date: the occurrence's key
	 * @param date the day it falls on, after the weekend rule
	 * @param account the schedule's account, or null when it names none
	 */
	public record Due(int scheduleId, String name, String kind, LocalDate occurrence, LocalDate date, BigDecimal amount,
			String currency, String account) {

	}

	/** The entry a confirmation posted. */
	public record Posted(String entryKind, int entryId) {

	}

	/**
	 * The household's occurrences waiting for Confirm dated {@code from} to {@code to}
	 * (both included), by date, at most {@code limit}: those due (the app reached their
	 * date) and those of active confirm-mode schedules not handled yet. Instalment plans'
	 * payments are among them with their own amounts.
	 */
	public List<Due> between(int household, LocalDate from, LocalDate to, int limit) {
		List<Due> due = new ArrayList<>();
		for (ScheduleService.Upcoming item : this.schedules.toCome(household, this.schedules.today(), from, to,
				limit)) {
			if (!"due".equals(item.status()) && !"to_confirm".equals(item.status())) {
				continue;
			}
			Schedule schedule = item.schedule();
			ScheduleTemplate template = schedule.entryTemplate();
			String name = template.business();
			if (name == null || name.isBlank()) {
				name = template.category();
			}
			due.add(new Due(schedule.id(), name, schedule.kind(), item.occurrence().due(), item.occurrence().date(),
					item.amount(), template.currency(), template.account()));
		}
		return due;
	}

	/**
	 * Confirms an occurrence in the current household, its entry dated {@code date} with
	 * {@code amount}: the schedule's category, notes, account and who paid, the bank's
	 * day and amount. In the caller's transaction; an occurrence already posted or
	 * skipped is a 409, a schedule that is gone a 404.
	 */
	public Posted confirm(int scheduleId, LocalDate occurrence, LocalDate date, BigDecimal amount) {
		ScheduleStore.StoredOccurrence stored = this.schedules.confirm(scheduleId, occurrence, date, amount);
		return new Posted(stored.entryKind(), stored.entryId());
	}

}
