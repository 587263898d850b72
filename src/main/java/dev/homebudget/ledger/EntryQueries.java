package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;

/**
 * Reads the query parameters of a list request into an {@link EntryQuery}. Without any of
 * the known parameters the request is the plain v1 list (the original ignored every query
 * string), so unknown parameters are ignored too. Bad values are 422 with
 * {@code loc = ["query", "<name>"]}.
 */
public final class EntryQueries {

	/** Largest page; keeps a single response bounded. */
	public static final int MAX_LIMIT = 1000;

	/** Page size when a cursor is given without a limit. */
	public static final int DEFAULT_PAGE = 50;

	private static final int MAX_TEXT = 200;

	static final Set<String> PARAMETERS = Set.of("from", "to", "category", "account", "business", "q", "min_amount",
			"max_amount", "sort", "limit", "cursor", "paid_by", "for_whom");

	private EntryQueries() {
	}

	/**
	 * Empty when no known parameter is present: the caller serves the v1 list.
	 * {@code hasBusiness} marks the expense list, the only one with {@code business},
	 * {@code paid_by} and {@code for_whom} (ignored elsewhere, like unknown parameters).
	 */
	public static Optional<EntryQuery> read(Map<String, String> parameters, boolean hasBusiness) {
		if (parameters.keySet().stream().noneMatch(PARAMETERS::contains)) {
			return Optional.empty();
		}
		List<ValidationIssue> issues = new ArrayList<>();
		DateRange range = dateRange(parameters, issues);
		BigDecimal minAmount = amount(parameters, "min_amount", issues);
		BigDecimal maxAmount = amount(parameters, "max_amount", issues);
		EntrySort sort = sort(parameters.get("sort"), issues);
		Integer limit = limit(parameters.get("limit"), issues);
		String category = text(parameters, "category", issues);
		String account = text(parameters, "account", issues);
		String business = hasBusiness ? text(parameters, "business", issues) : null;
		String search = text(parameters, "q", issues);
		Integer paidBy = hasBusiness ? userId(parameters, "paid_by", false, issues) : null;
		Integer forWhom = hasBusiness ? userId(parameters, "for_whom", true, issues) : null;
		EntryQuery.Beneficiary beneficiary = null;
		if (hasBusiness && forWhom != null) {
			beneficiary = (forWhom == SHARED) ? EntryQuery.Beneficiary.SHARED : new EntryQuery.Beneficiary(forWhom);
		}
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		PageCursor after = null;
		String cursor = parameters.get("cursor");
		if (cursor != null && !cursor.isEmpty()) {
			after = PageCursor.decode(cursor, sort);
			if (limit == null) {
				limit = DEFAULT_PAGE;
			}
		}
		return Optional.of(new EntryQuery(range.from(), range.to(), category, account, business, search, minAmount,
				maxAmount, sort, limit, after, paidBy, beneficiary));
	}

	/** Stands for "shared" while reading for_whom (no user id is negative). */
	private static final int SHARED = -1;

	private static Integer userId(Map<String, String> parameters, String name, boolean sharedAllowed,
			List<ValidationIssue> issues) {
		String value = parameters.get(name);
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (sharedAllowed && value.equals("shared")) {
			return SHARED;
		}
		try {
			int id = Integer.parseInt(value.strip());
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		issues
			.add(issue("int_parsing", name, sharedAllowed ? "Input should be a user id (a positive integer) or 'shared'"
					: "Input should be a user id (a positive integer)", value));
		return null;
	}

	private static LocalDate date(Map<String, String> parameters, String name, List<ValidationIssue> issues) {
		String value = parameters.get(name);
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return EntryDates.parse(value);
		}
		catch (InvalidValue ex) {
			issues.add(issue(ex.type(), name,
					"Input should be a valid date in the format YYYY-MM-DD, " + ex.getMessage(), value));
			return null;
		}
	}

	private static BigDecimal amount(Map<String, String> parameters, String name, List<ValidationIssue> issues) {
		String value = parameters.get(name);
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return Amounts.fromText(value);
		}
		catch (InvalidValue ex) {
			issues.add(issue(ex.type(), name, ex.getMessage(), value));
			return null;
		}
	}

	private static String text(Map<String, String> parameters, String name, List<ValidationIssue> issues) {
		String value = parameters.get(name);
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (value.length() > MAX_TEXT || value.indexOf('\0') >= 0) {
			issues.add(issue("string_too_long", name, "String should have at most " + MAX_TEXT + " characters", value));
			return null;
		}
		return value;
	}

	private static EntrySort sort(String value, List<ValidationIssue> issues) {
		if (value == null || value.isEmpty()) {
			return EntrySort.NEWEST_FIRST;
		}
		boolean descending = value.startsWith("-");
		String name = descending ? value.substring(1) : value;
		for (EntrySort.Column column : EntrySort.Column.values()) {
			if (column.sql().equals(name)) {
				return new EntrySort(column, descending);
			}
		}
		issues.add(issue("enum", "sort",
				"Input should be 'date', '-date', 'amount', '-amount', 'category' or '-category'", value));
		return EntrySort.NEWEST_FIRST;
	}

	private static Integer limit(String value, List<ValidationIssue> issues) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		int limit;
		try {
			limit = Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			issues.add(issue("int_parsing", "limit",
					"Input should be a valid integer, unable to parse string as an integer", value));
			return null;
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			issues.add(issue((limit < 1) ? "greater_than_equal" : "less_than_equal", "limit",
					(limit < 1) ? "Input should be greater than or equal to 1"
							: "Input should be less than or equal to " + MAX_LIMIT,
					value));
			return null;
		}
		return limit;
	}

	private static ValidationIssue issue(String type, String name, String message, String input) {
		return new ValidationIssue(type, List.of("query", name), message, input, null);
	}

	/** An inclusive range of optional {@code from} and {@code to} dates (null = open). */
	public record DateRange(LocalDate from, LocalDate to) {
	}

	/**
	 * Reads {@code from} and {@code to} on their own (reports).
	 * @throws RequestValidationException when a date is invalid or {@code to} precedes
	 * {@code from}
	 */
	/** Every entry of an inclusive date range (null bounds are open), newest first. */
	public static EntryQuery range(LocalDate from, LocalDate to) {
		return new EntryQuery(from, to, null, null, null, null, null, null, EntrySort.NEWEST_FIRST, null, null);
	}

	public static DateRange dateRange(Map<String, String> parameters) {
		List<ValidationIssue> issues = new ArrayList<>();
		DateRange range = dateRange(parameters, issues);
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
		return range;
	}

	private static DateRange dateRange(Map<String, String> parameters, List<ValidationIssue> issues) {
		LocalDate from = date(parameters, "from", issues);
		LocalDate to = date(parameters, "to", issues);
		if (from != null && to != null && from.isAfter(to)) {
			issues.add(issue("value_error", "to", "Value error, 'to' must not be before 'from'", parameters.get("to")));
		}
		return new DateRange(from, to);
	}

	/** A 422 on {@code ["query", name]}, for endpoints that read their own parameters. */
	public static RequestValidationException invalidParameter(String type, String name, String message, String input) {
		return new RequestValidationException(issue(type, name, message, input));
	}

	/** Query parameters of a next page: the request's own, with the cursor replaced. */
	public static Map<String, String> nextPageParameters(Map<String, String> parameters, PageCursor cursor) {
		Map<String, String> next = new java.util.LinkedHashMap<>(parameters);
		next.put("cursor", cursor.encode());
		return next;
	}

}
