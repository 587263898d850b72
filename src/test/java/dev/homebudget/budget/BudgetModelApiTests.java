package dev.homebudget.budget;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.homebudget.support.ApiTestSupport;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model-based: random histories of entries, edits, deletions, assignments and carry-rule
 * changes over 26 periods, with a random payday and weekend rule, through the API; after
 * each round every category's carried and available amounts in every period equal a plain
 * recomputation here from the entries and the plan.
 */
class BudgetModelApiTests extends ApiTestSupport {

	private static final YearMonth FIRST = YearMonth.of(2030, 1);

	private static final int PERIODS = 26;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add(DATABASE_URL_PROPERTY, () -> TestDatabase.jdbcUrl("budget_model"));
	}

	private record Entry(LocalDate date, int category, BigDecimal amount) {
	}

	private record Rule(String carry, BigDecimal cap, BigDecimal floor) {
	}

	private static JsonNode line(JsonNode period, int category) {
		for (JsonNode row : period.get("categories")) {
			if (row.get("category_id").asInt() == category) {
				return row;
			}
		}
		throw new AssertionError("no row for category " + category + " in " + period);
	}

	/** The model's own period start, written again here rather than shared. */
	private static LocalDate start(YearMonth period, int day, boolean fridayBefore) {
		LocalDate start = LocalDate.of(period.getYear(), period.getMonth(), day);
		if (fridayBefore && start.getDayOfWeek() == DayOfWeek.SATURDAY) {
			return start.minusDays(1);
		}
		if (fridayBefore && start.getDayOfWeek() == DayOfWeek.SUNDAY) {
			return start.minusDays(2);
		}
		return start;
	}

	private int category(String name) {
		ApiResponse created = post("/api/v1/categories", "{\"name\":\"" + name + "\",\"kind\":\"expense\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asInt();
	}

	@ParameterizedTest
	@ValueSource(longs = { 11, 22, 33 })
	void everyPeriodEqualsARecomputationFromTheEntries(long seed) {
		Random random = new Random(seed);
		int day = 1 + random.nextInt(28);
		boolean friday = random.nextBoolean();
		assertThat(put("/api/v1/budgets/settings",
				"{\"start_day\":" + day + ",\"weekend_rule\":\"" + (friday ? "friday_before" : "none") + "\"}")
			.status()).isEqualTo(200);
		List<Integer> categories = new ArrayList<>();
		Map<Integer, String> names = new HashMap<>();
		for (int i = 0; i < 3; i++) {
			String name = "Model " + seed + " " + i;
			int id = category(name);
			categories.add(id);
			names.put(id, name);
		}
		Map<Integer, Entry> entries = new HashMap<>();
		Map<String, BigDecimal> assigned = new HashMap<>();
		Map<String, Rule> rules = new HashMap<>();
		LocalDate from = start(FIRST, day, friday);
		int span = (int) (start(FIRST.plusMonths(PERIODS), day, friday).toEpochDay() - from.toEpochDay());
		for (int round = 0; round < 4; round++) {
			for (int op = 0; op < 40; op++) {
				int category = categories.get(random.nextInt(categories.size()));
				if (random.nextInt(4) == 0) {
					// a period read keeps what each category carries into it and the next
					// one;
					// every later change must clear what it alters
					ApiResponse read = get("/api/v1/budgets/" + FIRST.plusMonths(random.nextInt(PERIODS)));
					assertThat(read.status()).as(read.toString()).isEqualTo(200);
				}
				int kind = random.nextInt(10);
				if (kind < 4 || entries.isEmpty()) {
					LocalDate date = from.plusDays(random.nextInt(span));
					BigDecimal amount = BigDecimal.valueOf(random.nextInt(30_000) + 1, 2);
					ApiResponse created = post("/api/v1/expense", "{\"date\":\"" + date + "\",\"category\":\""
							+ names.get(category) + "\",\"amount\":" + amount + ",\"account\":\"Cash\"}");
					assertThat(created.status()).as(created.toString()).isEqualTo(200);
					entries.put(created.json().get("expense").get("id").asInt(), new Entry(date, category, amount));
				}
				else if (kind < 6) {
					int id = new ArrayList<>(entries.keySet()).get(random.nextInt(entries.size()));
					Entry old = entries.get(id);
					LocalDate date = random.nextBoolean() ? old.date() : from.plusDays(random.nextInt(span));
					BigDecimal amount = BigDecimal.valueOf(random.nextInt(30_000) + 1, 2);
					ApiResponse changed = put("/api/v1/expense/" + id, "{\"date\":\"" + date + "\",\"category\":\""
							+ names.get(category) + "\",\"amount\":" + amount + "}");
					assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
					entries.put(id, new Entry(date, category, amount));
				}
				else if (kind < 7) {
					int id = new ArrayList<>(entries.keySet()).get(random.nextInt(entries.size()));
					assertThat(delete("/api/v1/expense/" + id).status()).isEqualTo(200);
					entries.remove(id);
				}
				else {
					YearMonth period = FIRST.plusMonths(random.nextInt(PERIODS));
					String key = category + " " + period;
					String body;
					if (kind < 9) {
						BigDecimal amount = BigDecimal.valueOf(random.nextInt(50_000), 2);
						assigned.put(key, amount);
						body = "{\"assigned\":" + amount + "}";
					}
					else {
						String carry = List.of("none", "surplus", "both").get(random.nextInt(3));
						BigDecimal cap = random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(20_000), 2) : null;
						BigDecimal floor = random.nextBoolean() ? BigDecimal.valueOf(-random.nextInt(20_000), 2) : null;
						rules.put(key, new Rule(carry, cap, floor));
						body = "{\"carry\":\"" + carry + "\",\"carry_cap\":" + cap + ",\"carry_floor\":" + floor + "}";
					}
					ApiResponse changed = put("/api/v1/budgets/" + period + "/categories/" + category, body);
					assertThat(changed.status()).as(body + " " + changed).isEqualTo(200);
				}
			}
			YearMonth last = FIRST.plusMonths(PERIODS - 1);
			for (int category : categories) {
				ApiResponse explained = get("/api/v1/budgets/" + last + "/categories/" + category + "/explain");
				assertThat(explained.status()).as(explained.toString()).isEqualTo(200);
				Map<String, JsonNode> actual = new HashMap<>();
				explained.json().forEach((row) -> actual.put(row.get("period").asString(), row));
				BigDecimal carried = BigDecimal.ZERO;
				Rule rule = new Rule("none", null, null);
				boolean started = false;
				for (int i = 0; i < PERIODS; i++) {
					YearMonth period = FIRST.plusMonths(i);
					String key = category + " " + period;
					started |= assigned.containsKey(key) || rules.containsKey(key);
					if (rules.containsKey(key)) {
						rule = rules.get(key);
					}
					LocalDate start = start(period, day, friday);
					LocalDate end = start(period.plusMonths(1), day, friday);
					BigDecimal spent = BigDecimal.ZERO;
					for (Entry entry : entries.values()) {
						if (entry.category() == category && !entry.date().isBefore(start)
								&& entry.date().isBefore(end)) {
							spent = spent.add(entry.amount());
						}
					}
					BigDecimal available = carried.add(assigned.getOrDefault(key, BigDecimal.ZERO)).subtract(spent);
					JsonNode row = actual.get(period.toString());
					if (started && random.nextInt(3) == 0) {
						// the same figures through a period read, which starts from kept
						// periods
						JsonNode read = line(get("/api/v1/budgets/" + period).json(), category);
						assertThat(read.get("carried_in").decimalValue()).as("read carried in " + key)
							.isEqualByComparingTo(carried);
						assertThat(read.get("available").decimalValue()).as("read available " + key)
							.isEqualByComparingTo(available);
					}
					if (started) {
						assertThat(row).as("seed %d round %d %s", seed, round, key).isNotNull();
						assertThat(row.get("carried_in").decimalValue()).as("carried in " + key)
							.isEqualByComparingTo(carried);
						assertThat(row.get("spent").decimalValue()).as("spent " + key).isEqualByComparingTo(spent);
						assertThat(row.get("available").decimalValue()).as("available " + key)
							.isEqualByComparingTo(available);
					}
					BigDecimal out = switch (rule.carry()) {
						case "surplus" -> available.max(BigDecimal.ZERO);
						case "both" -> available;
						default -> BigDecimal.ZERO;
					};
					if (rule.cap() != null && out.compareTo(rule.cap()) > 0) {
						out = rule.cap();
					}
					if (rule.floor() != null && out.compareTo(rule.floor()) < 0) {
						out = rule.floor();
					}
					carried = started ? out : BigDecimal.ZERO;
				}
			}
		}
	}

}
