package dev.homebudget.settle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.homebudget.ledger.Amounts;
import dev.homebudget.ledger.EntrySql;
import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The payer columns of the expense CSV: {@code paid_by}, {@code for_whom} and
 * {@code shares}, naming members by username so that a spreadsheet reads them. Only where
 * payers are kept ({@link ExpenseSplits#active()}); elsewhere the CSV has no such columns
 * and an upload that fills them is refused, as the JSON API refuses the fields.
 */
@Component
public class SplitCsv {

	/** The columns, after the entry's own ones. */
	public static final List<String> COLUMNS = List.of(SplitRequest.PAID_BY, SplitRequest.FOR_WHOM,
			SplitRequest.SHARES);

	/** The {@code for_whom} of an expense split among several members. */
	static final String SHARED = "shared";

	private final JdbcClient jdbc;

	private final ExpenseSplits splits;

	SplitCsv(JdbcClient jdbc, ExpenseSplits splits) {
		this.jdbc = jdbc;
		this.splits = splits;
	}

	/**
	 * Writes the payer cells of a household's expenses. A split the household would make
	 * again from {@code for_whom = shared} (equal among its sharing members now) is
	 * written as just "shared"; any other split of several members is written out in
	 * {@code shares} ("alice 12.34; bob 5.66"), so an import reproduces every share.
	 */
	public Writer writer(int household, Collection<Split> stored) {
		Set<Integer> ids = new HashSet<>();
		for (Split split : stored) {
			if (split.paidBy() != null) {
				ids.add(split.paidBy());
			}
			if (split.forWhom() != null) {
				ids.add(split.forWhom());
			}
			split.shares().forEach((share) -> ids.add(share.userId()));
		}
		Map<Integer, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("SELECT id, username FROM users WHERE id = ANY(:ids)")
				.param("ids", EntrySql.integerArray(ids))
				.query((rs) -> {
					names.put(rs.getInt(1), rs.getString(2));
				});
		}
		return new Writer(names, this.splits.sharingMembers(household));
	}

	/** Turns stored splits into cells. */
	public static final class Writer {

		private final Map<Integer, String> names;

		private final Set<Integer> sharing;

		Writer(Map<Integer, String> names, Set<Integer> sharing) {
			this.names = names;
			this.sharing = sharing;
		}

		/** The three cells of one expense (an empty string for an empty cell). */
		public Map<String, Object> cells(Split split, BigDecimal amount) {
			Map<String, Object> cells = new LinkedHashMap<>();
			cells.put(SplitRequest.PAID_BY, name(split.paidBy()));
			String forWhom = "";
			String shares = "";
			if (split.forWhom() != null) {
				forWhom = name(split.forWhom());
			}
			else if (!split.shares().isEmpty()) {
				forWhom = SHARED;
				if (this.sharing.isEmpty() || !split.shares().equals(EqualSplit.of(amount, this.sharing))) {
					// a zero share (of an older row, or of an equal split of a few cents)
					// changes no balance, and an import would refuse it
					shares = split.shares()
						.stream()
						.filter((share) -> share.amount().signum() != 0)
						.map((share) -> name(share.userId()) + " " + share.amount().toPlainString())
						.collect(Collectors.joining("; "));
				}
			}
			cells.put(SplitRequest.FOR_WHOM, forWhom);
			cells.put(SplitRequest.SHARES, shares);
			return cells;
		}

		private String name(Integer id) {
			return (id == null) ? "" : this.names.getOrDefault(id, String.valueOf(id));
		}

	}

	/** Reads the payer cells of uploaded rows for the current household's members. */
	public Reader reader(int household) {
		Map<String, Integer> members = new HashMap<>();
		this.jdbc
			.sql("SELECT u.id, u.username FROM household_members m JOIN users u ON u.id = m.user_id "
					+ "WHERE m.household_id = :household")
			.param("household", household)
			.query((rs) -> {
				members.put(key(rs.getString(2)), rs.getInt(1));
			});
		return new Reader(household, members, this.splits);
	}

	private static String key(String username) {
		return username.toLowerCase(Locale.ROOT);
	}

	/** Turns the cells of one uploaded row into a {@link SplitRequest}. */
	public static final class Reader {

		private final int household;

		private final Map<String, Integer> members;

		private final ExpenseSplits splits;

		Reader(int household, Map<String, Integer> members, ExpenseSplits splits) {
			this.household = household;
			this.members = members;
			this.splits = splits;
		}

		/**
		 * The split of one row of {@code amount}: an absent {@code paid_by} column is the
		 * caller, as on create; an empty cell is an unknown payer. A row whose payer
		 * cells are all empty stays unattributed (null), as every row of an export that
		 * had no payer.
		 * @throws RequestValidationException (422) on {@code ["body", <column>]} for an
		 * unknown username or shares that are not "name amount; ..." or do not sum to the
		 * amount
		 */
		public SplitRequest read(ObjectNode row, BigDecimal amount) {
			JsonNode paidBy = row.get(SplitRequest.PAID_BY);
			JsonNode forWhom = row.get(SplitRequest.FOR_WHOM);
			JsonNode shares = row.get(SplitRequest.SHARES);
			if (paidBy != null && empty(paidBy) && empty(forWhom) && empty(shares)) {
				return null;
			}
			List<ValidationIssue> issues = new ArrayList<>();
			Integer payer = empty(paidBy) ? null : member(paidBy.asString(), SplitRequest.PAID_BY, issues);
			boolean forWhomGiven = !empty(forWhom);
			Integer beneficiary = null;
			if (forWhomGiven && !SHARED.equals(forWhom.asString())) {
				beneficiary = member(forWhom.asString(), SplitRequest.FOR_WHOM, issues);
			}
			List<Share> custom = empty(shares) ? null : shares(shares.asString(), issues);
			if (issues.isEmpty()) {
				SplitRequest request = new SplitRequest(paidBy != null, payer, forWhomGiven, beneficiary, custom);
				issues.addAll(this.splits.problems(this.household, amount, request));
				if (issues.isEmpty()) {
					return request;
				}
			}
			throw new RequestValidationException(issues);
		}

		private Integer member(String username, String column, List<ValidationIssue> issues) {
			Integer id = this.members.get(key(username));
			if (id == null) {
				issues.add(new ValidationIssue("value_error", List.of("body", column),
						"Value error, '" + username + "' is not a member of this household", username, null));
			}
			return id;
		}

		private List<Share> shares(String cell, List<ValidationIssue> issues) {
			List<Share> shares = new ArrayList<>();
			for (String part : cell.split(";")) {
				String item = part.strip();
				if (item.isEmpty()) {
					continue;
				}
				int space = item.lastIndexOf(' ');
				if (space < 0) {
					issues.add(badShare(item));
					continue;
				}
				Integer id = member(item.substring(0, space).strip(), SplitRequest.SHARES, issues);
				try {
					BigDecimal amount = Amounts.fromText(item.substring(space + 1));
					if (id != null) {
						shares.add(new Share(id, amount));
					}
				}
				catch (InvalidValue ex) {
					issues.add(badShare(item));
				}
			}
			if (shares.isEmpty() && issues.isEmpty()) {
				issues.add(badShare(cell));
			}
			return shares;
		}

		private static ValidationIssue badShare(String input) {
			return new ValidationIssue("value_error", List.of("body", SplitRequest.SHARES),
					"Value error, shares are written 'username amount; username amount'", input, null);
		}

		private static boolean empty(JsonNode cell) {
			return cell == null || cell.isNull();
		}

	}

	/**
	 * Refuses a row that names a payer where none can be kept (422 on
	 * {@code ["body", <column>]}), as the JSON API refuses the fields there; empty cells
	 * and {@code for_whom = shared} pass.
	 */
	public static void requireNoPayers(ObjectNode row) {
		List<ValidationIssue> issues = new ArrayList<>();
		for (String column : COLUMNS) {
			JsonNode cell = row.get(column);
			boolean sharedByAll = column.equals(SplitRequest.FOR_WHOM) && cell != null
					&& SHARED.equals(cell.asString());
			if (cell != null && !cell.isNull() && !sharedByAll) {
				issues.add(new ValidationIssue("value_error", List.of("body", column),
						"Value error, paid_by, for_whom and shares need sign-in mode and storage phase P3; leave them empty",
						cell.asString(), null));
			}
		}
		if (!issues.isEmpty()) {
			throw new RequestValidationException(issues);
		}
	}

}
