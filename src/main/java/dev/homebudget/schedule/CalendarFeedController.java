package dev.homebudget.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.DateStart;
import dev.homebudget.auth.CurrentUser;
import dev.homebudget.auth.SignedInUser;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.DeletedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A personal, revocable iCalendar feed of the household's upcoming bills: {@code POST}
 * makes a secret URL (a new one replaces the old), {@code DELETE} revokes it, and the URL
 * serves the next {@value #DAYS} days to a calendar app without a session. Only the
 * SHA-256 of the secret is stored.
 */
@RestController
@Tag(name = "schedules")
class CalendarFeedController {

	static final String PATH = "/api/v1/calendar";

	/** Days a feed shows. */
	static final int DAYS = 92;

	private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ScheduleService schedules;

	private final ScheduleStore store;

	private final CurrentUser currentUser;

	CalendarFeedController(ScheduleService schedules, ScheduleStore store, CurrentUser currentUser) {
		this.schedules = schedules;
		this.store = store;
		this.currentUser = currentUser;
	}

	record FeedResponse(@Schema(description = "The feed's address (keep it secret; POST again for a new one)",
			example = "/api/v1/calendar/3q2-....ics") String path) {

	}

	@PostMapping(path = PATH + "/feed", produces = "application/json")
	@Operation(operationId = "createCalendarFeed",
			summary = "Make your secret calendar feed URL of upcoming bills (replaces the one you had)")
	@ApiResponse(responseCode = "201", description = "Created",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeedResponse.class)))
	ResponseEntity<FeedResponse> create() {
		int household = this.schedules.readable();
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.store.createFeed(household, user(), sha256(secret));
		return ResponseEntity.status(HttpStatus.CREATED).body(new FeedResponse(PATH + "/" + secret + ".ics"));
	}

	@DeleteMapping(path = PATH + "/feed", produces = "application/json")
	@Operation(operationId = "deleteCalendarFeed", summary = "Revoke your calendar feed URL")
	DeletedResponse delete() {
		int household = this.schedules.readable();
		return DeletedResponse.of(this.store.deleteFeed(household, user())
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "You have no calendar feed")));
	}

	@GetMapping(path = PATH + "/{secret}.ics", produces = "text/calendar")
	@Operation(operationId = "getCalendarFeed",
			summary = "The feed: upcoming bills and incomes as all-day events (no session: the URL is the key)")
	ResponseEntity<String> feed(
			@PathVariable("secret") @Parameter(description = "The secret of the feed URL") String secret) {
		this.schedules.readableWithoutHousehold();
		int household = (SECRET.matcher(secret).matches() ? this.store.feedHousehold(sha256(secret))
				: java.util.Optional.<Integer>empty())
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "No such calendar feed (it may be revoked)"));
		List<ScheduleService.Upcoming> items = this.schedules.upcoming(household, this.schedules.today(), DAYS);
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//Home Budget Web//Schedules//EN");
		calendar.setName("Home Budget: upcoming");
		for (ScheduleService.Upcoming item : items) {
			Schedule s = item.schedule();
			ScheduleTemplate template = s.entryTemplate();
			String what = (template.business() != null && !template.business().isBlank()) ? template.business()
					: template.category();
			String label = (s.planTotal() != null) ? " (" + item.occurrence().seq() + " of " + s.count() + ")" : "";
			VEvent event = new VEvent();
			event.setUid("schedule-" + s.id() + "-" + item.occurrence().due() + "@home-budget-web");
			event.setSummary(("income".equals(s.kind()) ? "Income: " : "") + what + " " + (s.approximate() ? "~" : "")
					+ item.amount().toPlainString() + " " + template.currency() + label);
			event.setDateStart(new DateStart(day(item.occurrence().date()), false));
			event.setDescription("due".equals(item.status()) ? "Waiting for confirmation"
					: "to_confirm".equals(item.status()) ? "Will wait for confirmation" : "Posted automatically");
			calendar.addEvent(event);
		}
		return ResponseEntity.ok()
			.header("Content-Type", "text/calendar; charset=utf-8")
			.header("Cache-Control", "private, max-age=300")
			.body(Biweekly.write(calendar).go());
	}

	/** A day as biweekly's date-only value (it formats those in the default zone). */
	static Date day(LocalDate date) {
		return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

	private Integer user() {
		return this.currentUser.get().map(SignedInUser::id).orElse(null);
	}

	static String sha256(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
