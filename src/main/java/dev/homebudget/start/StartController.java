package dev.homebudget.start;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.homebudget.ledger.EntryQueries;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/bootstrap}: what the web page needs when it opens, and
 * {@code GET /api/v1/bootstrap/period}: what it needs to show a period (asked at the same
 * time on opening, so that the server answers both at once, and alone on a period
 * switch). Each part is the answer of the GET route named in the operation's description,
 * with that route's status: a part the household cannot have (409 in a JSON-era phase,
 * 403) fails alone.
 */
@RestController
@Tag(name = "start")
class StartController {

	private static final String PERIOD_PARTS = """
			Period parts: expense and income (GET /api/v1/expense and /api/v1/income?from&to&limit=500, \
			with next_cursor), totals (GET /api/v1/reports/totals?from&to), by_category \
			(GET /api/v1/reports/categories?kind=expense&from&to); with before_from and before_to also \
			by_category_before (the same over that range), first_expense_before (GET /api/v1/expense\
			?from=0001-01-01&to=before_to&sort=date&limit=1) and expense_before (one expense of that range); \
			with budget: budget (GET /api/v1/budgets/{budget}); per year: monthly.{year} \
			(GET /api/v1/reports/monthly?year).""";

	private static final int MAX_YEARS = 2;

	private static final int LIST_PAGE = 500;

	private static final int SUGGESTIONS = 200;

	private final IncludedGets gets;

	StartController(IncludedGets gets) {
		this.gets = gets;
	}

	/**
	 * One part: the status and JSON body the route answered, and its next page's cursor.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Part(@Schema(description = "The HTTP status the route answered") int status,
			@JsonRawValue @Schema(description = "The route's JSON body (absent when it had none)",
					implementation = Object.class) String body,
			@JsonProperty("next_cursor") @Schema(
					description = "The route's X-Next-Cursor (lists with a next page)") String nextCursor) {

	}

	@GetMapping(path = "/api/v1/bootstrap", produces = "application/json")
	@Operation(operationId = "getStart",
			summary = "What the web page needs when it opens (besides the period shown), in one request: each part as its own route answers it",
			description = """
					Start parts: account (GET /api/v1/account), csrf (GET /api/v1/csrf), households, settings, \
					schedule_settings (GET /api/v1/schedules/settings), balance, categories, trash \
					(GET /api/v1/trash?limit=1), upcoming (GET /api/v1/upcoming?days), demo (GET /api/v1/demo-data), \
					and the suggestions \
					values.expense.business, values.expense.category, values.expense.account, \
					values.income.category and values.income.account (GET /api/v1/reports/values?limit=200). \
					The period shown comes from GET /api/v1/bootstrap/period, asked at the same time. \
					parts=page leaves the suggestions out and parts=suggestions gives only them: the page asks \
					for both at once, so that what the table waits for is not held up by the suggestions, \
					which count every entry of the household.""")
	Map<String, Part> start(
			@Parameter(description = "Days ahead of the upcoming strip (default 14)") @RequestParam(
					required = false) String days,
			@Parameter(description = "all (default), page (all but the suggestions) or suggestions (only them)",
					schema = @Schema(allowableValues = { "all", "page", "suggestions" })) @RequestParam(
							required = false) String parts,
			HttpServletRequest request, HttpServletResponse response) {
		Period period = Period.read(null, null, null, null, null, null, days);
		String which = (parts != null) ? parts : "all";
		if (!List.of("all", "page", "suggestions").contains(which)) {
			throw new RequestValidationException(List.of(new ValidationIssue("enum", List.of("query", "parts"),
					"Input should be 'all', 'page' or 'suggestions'", parts, null)));
		}
		Map<String, Part> answer = new LinkedHashMap<>();
		Asker ask = new Asker(request, response, answer);
		if (!which.equals("suggestions")) {
			pageParts(ask, period);
		}
		if (!which.equals("page")) {
			for (String kindField : List.of("expense.business", "expense.category", "expense.account",
					"income.category", "income.account")) {
				String[] split = kindField.split("\\.");
				ask.part("values." + kindField,
						"/api/v1/reports/values?kind=" + split[0] + "&field=" + split[1] + "&limit=" + SUGGESTIONS);
			}
		}
		return answer;
	}

	private static void pageParts(Asker ask, Period period) {
		ask.part("account", "/api/v1/account");
		ask.part("csrf", "/api/v1/csrf");
		ask.part("households", "/api/v1/households");
		ask.part("settings", "/api/v1/settings");
		ask.part("schedule_settings", "/api/v1/schedules/settings");
		ask.part("balance", "/api/v1/balance");
		ask.part("categories", "/api/v1/categories");
		ask.part("trash", "/api/v1/trash?limit=1");
		ask.part("upcoming", "/api/v1/upcoming?days=" + period.days());
		ask.part("demo", "/api/v1/demo-data");
	}

	@GetMapping(path = "/api/v1/bootstrap/period", produces = "application/json")
	@Operation(operationId = "getStartPeriod",
			summary = "What the web page needs to show another period, in one request: each part as its own route answers it",
			description = PERIOD_PARTS)
	Map<String, Part> period(
			@Parameter(description = "The period's first day (YYYY-MM-DD)") @RequestParam(required = false) String from,
			@Parameter(description = "The period's last day (YYYY-MM-DD)") @RequestParam(required = false) String to,
			@Parameter(description = "First day of the range the period is compared with") @RequestParam(
					name = "before_from", required = false) String beforeFrom,
			@Parameter(description = "Last day of that range") @RequestParam(name = "before_to",
					required = false) String beforeTo,
			@Parameter(description = "A month (YYYY-MM) whose budget is wanted") @RequestParam(
					required = false) String budget,
			@Parameter(description = "Years whose monthly report is wanted (at most 2)") @RequestParam(
					required = false) List<String> year,
			HttpServletRequest request, HttpServletResponse response) {
		Period period = Period.read(from, to, beforeFrom, beforeTo, budget, year, null);
		Map<String, Part> parts = new LinkedHashMap<>();
		periodParts(new Asker(request, response, parts), period);
		return parts;
	}

	private void periodParts(Asker ask, Period period) {
		String range = ((period.from() != null) ? "from=" + period.from() + "&" : "")
				+ ((period.to() != null) ? "to=" + period.to() : "");
		ask.part("expense", "/api/v1/expense?" + range + "&limit=" + LIST_PAGE);
		ask.part("income", "/api/v1/income?" + range + "&limit=" + LIST_PAGE);
		ask.part("totals", "/api/v1/reports/totals?" + range);
		ask.part("by_category", "/api/v1/reports/categories?kind=expense&" + range);
		if (period.beforeFrom() != null) {
			String before = "from=" + period.beforeFrom() + "&to=" + period.beforeTo();
			ask.part("by_category_before", "/api/v1/reports/categories?kind=expense&" + before);
			ask.part("first_expense_before",
					"/api/v1/expense?from=0001-01-01&to=" + period.beforeTo() + "&sort=date&limit=1");
			ask.part("expense_before", "/api/v1/expense?" + before + "&limit=1");
		}
		if (period.budget() != null) {
			ask.part("budget", "/api/v1/budgets/" + period.budget());
		}
		for (Integer year : period.years()) {
			ask.part("monthly." + year, "/api/v1/reports/monthly?year=" + year);
		}
	}

	private final class Asker {

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		private final Map<String, Part> parts;

		Asker(HttpServletRequest request, HttpServletResponse response, Map<String, Part> parts) {
			this.request = request;
			this.response = response;
			this.parts = parts;
		}

		void part(String name, String path) {
			IncludedGets.Answer answer = StartController.this.gets.get(this.request, this.response, path);
			this.parts.put(name, new Part(answer.status(), answer.json(), answer.nextCursor()));
		}

	}

	/**
	 * The checked parameters: every value a date, a month or a number before it goes into
	 * a path.
	 */
	record Period(LocalDate from, LocalDate to, LocalDate beforeFrom, LocalDate beforeTo, YearMonth budget,
			List<Integer> years, int days) {

		static Period read(String from, String to, String beforeFrom, String beforeTo, String budget, List<String> year,
				String days) {
			List<ValidationIssue> issues = new ArrayList<>();
			// the reports' own reading: a day, or a month for its first (from) or last
			// (to) day
			EntryQueries.DateRange range = EntryQueries.dateRange(given("from", from, "to", to));
			EntryQueries.DateRange before = EntryQueries.dateRange(given("from", beforeFrom, "to", beforeTo));
			if ((before.from() == null) != (before.to() == null)) {
				issues.add(issue("missing", (before.from() == null) ? "before_from" : "before_to",
						"Field required: before_from and before_to go together", null));
			}
			YearMonth month = null;
			if (budget != null) {
				try {
					month = YearMonth.parse(budget);
				}
				catch (DateTimeParseException ex) {
					issues.add(issue("value_error", "budget", "Value error, a month is written YYYY-MM", budget));
				}
			}
			List<Integer> years = new ArrayList<>();
			List<String> given = (year != null) ? year : List.of();
			if (given.size() > MAX_YEARS) {
				issues.add(issue("too_long", "year", "List should have at most " + MAX_YEARS + " items", given));
			}
			else {
				for (String value : given) {
					Integer number = number("year", value, 1, 9999, issues);
					if (number != null && !years.contains(number)) {
						years.add(number);
					}
				}
			}
			Integer ahead = (days != null) ? number("days", days, 1, 366, issues) : Integer.valueOf(14);
			if (!issues.isEmpty()) {
				throw new RequestValidationException(issues);
			}
			return new Period(range.from(), range.to(), before.from(), before.to(), month, years, ahead);
		}

		private static Map<String, String> given(String firstName, String first, String secondName, String second) {
			Map<String, String> map = new LinkedHashMap<>();
			if (first != null) {
				map.put(firstName, first);
			}
			if (second != null) {
				map.put(secondName, second);
			}
			return map;
		}

		private static Integer number(String name, String value, int min, int max, List<ValidationIssue> issues) {
			try {
				int number = Integer.parseInt(value);
				if (number >= min && number <= max) {
					return number;
				}
			}
			catch (NumberFormatException ex) {
				// the same message as a number out of range
			}
			issues.add(issue("value_error", name, "Value error, a whole number from " + min + " to " + max, value));
			return null;
		}

		private static ValidationIssue issue(String type, String name, String message, Object input) {
			return new ValidationIssue(type, List.of("query", name), message, input, null);
		}

	}

}
