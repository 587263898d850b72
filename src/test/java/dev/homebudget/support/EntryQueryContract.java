package dev.homebudget.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query API of a list endpoint: filters, order, keyset pages. Each test works on rows
 * with an account of its own, so rows of other tests never match.
 */
public abstract class EntryQueryContract extends ApiTestSupport {

	protected abstract String resource();

	protected abstract boolean hasBusiness();

	private String account;

	private final List<Long> ids = new ArrayList<>();

	@BeforeEach
	void seed() {
		this.account = "acct-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		String[][] rows = { { "2025-03-01", "Food", "10.00", "Weekly 100% organic" },
				{ "2025-03-15", "Food", "25.50", "market" }, { "2025-03-15", "Rent", "3000.00", null },
				{ "2025-04-02", "Fun", "7.25", "Cinema_night" }, { "2025-02-28", "Food", "99.99", "FEBRUARY" } };
		for (String[] row : rows) {
			String notes = (row[3] == null) ? "null" : "\"" + row[3] + "\"";
			String business = hasBusiness() ? "\"business\":\"Shop " + row[1] + "\"," : "";
			ApiResponse response = post("/api/v1/" + resource(),
					"{\"date\":\"" + row[0] + "\"," + business + "\"category\":\"" + row[1] + "\",\"amount\":" + row[2]
							+ ",\"account\":\"" + this.account + "\",\"notes\":" + notes + "}");
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			this.ids.add(response.json().get(resource()).get("id").asLong());
		}
	}

	private List<Long> query(String parameters) {
		ApiResponse response = get(path(parameters));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<Long> found = new ArrayList<>();
		response.json().forEach((entry) -> found.add(entry.get("id").asLong()));
		return found;
	}

	private String path(String parameters) {
		return "/api/v1/" + resource() + "?account=" + this.account + (parameters.isEmpty() ? "" : "&" + parameters);
	}

	private long id(int index) {
		return this.ids.get(index);
	}

	@Test
	void shouldFilterByAccountNewestFirstWithTiesByIdDescending() {
		assertThat(query("")).containsExactly(id(3), id(2), id(1), id(0), id(4));
	}

	@Test
	void shouldFilterByInclusiveDateRange() {
		assertThat(query("from=2025-03-01&to=2025-03-31")).containsExactly(id(2), id(1), id(0));
		assertThat(query("from=2025-03-15&to=2025-03-15")).containsExactly(id(2), id(1));
	}

	@Test
	void shouldFilterByCategoryAndAmountRange() {
		assertThat(query("category=Food")).containsExactly(id(1), id(0), id(4));
		assertThat(query("min_amount=10&max_amount=99.99")).containsExactly(id(1), id(0), id(4));
		assertThat(query("min_amount=10.01&max_amount=99.98")).containsExactly(id(1));
	}

	@Test
	void shouldSearchTextCaseInsensitivelyWithLiteralWildcards() {
		assertThat(query("q=february")).containsExactly(id(4));
		assertThat(query("q=" + URLEncoder.encode("100%", StandardCharsets.UTF_8))).containsExactly(id(0));
		assertThat(query("q=" + URLEncoder.encode("%", StandardCharsets.UTF_8))).containsExactly(id(0));
		assertThat(query("q=_")).containsExactly(id(3));
		assertThat(query("q=rent")).containsExactly(id(2));
	}

	@Test
	void shouldFilterByBusinessOnlyWhereThereIsOne() {
		if (hasBusiness()) {
			assertThat(query("business=" + URLEncoder.encode("Shop Fun", StandardCharsets.UTF_8)))
				.containsExactly(id(3));
			assertThat(query("q=shop")).hasSize(5);
		}
		else {
			assertThat(query("business=anything")).hasSize(5);
		}
	}

	/**
	 * Payers are kept only in sign-in mode on PostgreSQL alone; these suites run in
	 * single-user mode (and the JSON phases), where no row is known to be paid by or for
	 * anyone. Incomes have no payers and ignore the parameters as unknown ones.
	 */
	@Test
	void shouldMatchNothingByPayerWhereNoPayersAreKept() {
		if (hasBusiness()) {
			assertThat(query("paid_by=1")).isEmpty();
			assertThat(query("for_whom=1")).isEmpty();
			assertThat(query("for_whom=shared&from=2025-01-01")).isEmpty();
			assertThat(query("paid_by=1&limit=2&sort=amount")).isEmpty();
			assertIssue(get(path("paid_by=shared")), "paid_by");
			assertIssue(get(path("for_whom=me")), "for_whom");
			assertIssue(get(path("paid_by=-3")), "paid_by");
		}
		else {
			assertThat(query("paid_by=1")).hasSize(5);
			assertThat(query("paid_by=nope&for_whom=nobody")).hasSize(5);
		}
	}

	@ParameterizedTest
	@CsvSource({ "amount,'3,0,1,4,2'", "-amount,'2,4,1,0,3'", "date,'4,0,1,2,3'", "category,'0,1,4,3,2'",
			"-category,'2,3,4,1,0'" })
	void shouldSortByTheRequestedColumnThenId(String sort, String expectedOrder) {
		List<Long> expected = new ArrayList<>();
		for (String index : expectedOrder.split(",")) {
			expected.add(id(Integer.parseInt(index)));
		}
		assertThat(query("sort=" + sort)).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest
	@CsvSource({ "-date,1", "-date,2", "amount,2", "category,3", "-amount,4" })
	void shouldWalkEveryPageThroughTheNextLink(String sort, int limit) {
		List<Long> all = query("sort=" + sort);
		Set<Long> walked = new LinkedHashSet<>();
		String next = path("sort=" + sort + "&limit=" + limit);
		int pages = 0;
		while (next != null) {
			ApiResponse page = get(next);
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			assertThat(page.json().size()).isLessThanOrEqualTo(limit);
			page.json().forEach((entry) -> assertThat(walked.add(entry.get("id").asLong())).isTrue());
			String link = page.header("Link");
			next = (link == null) ? null
					: link.substring(link.indexOf('<') + 1, link.indexOf('>')).replaceFirst("^https?://[^/]+", "");
			assertThat(pages++).isLessThan(10);
		}
		assertThat(new ArrayList<>(walked)).containsExactlyElementsOf(all);
	}

	@Test
	void shouldAnnounceTheNextPageOnlyWhenMoreRowsFollow() {
		ApiResponse full = get(path("limit=5"));
		assertThat(full.header("Link")).isNull();
		ApiResponse partial = get(path("limit=4"));
		assertThat(partial.header("Link")).contains("rel=\"next\"").contains("cursor=");
		assertThat(partial.header("X-Next-Cursor")).isNotBlank();
	}

	@Test
	void shouldRefuseACursorOfAnotherOrder() {
		String cursor = get(path("limit=1&sort=amount")).header("X-Next-Cursor");
		assertIssue(get(path("limit=1&sort=-date&cursor=" + cursor)), "cursor");
		assertIssue(get(path("cursor=not-a-cursor!")), "cursor");
	}

	/**
	 * Cursors are signed: no forged one is read, let alone parsed at length (an amount
	 * key of {@code 1E-12000000} once cost seconds of CPU, and some forged keys answered
	 * 500). Each of a generated set of forgeries (the old unsigned format with hostile
	 * keys, a real cursor edited, cut, stretched or re-signed by guess, random bytes) is
	 * a 422 on the cursor, and the real cursor still works.
	 */
	@Test
	void shouldRefuseEveryForgedCursor() {
		String real = get(path("limit=1&sort=amount")).header("X-Next-Cursor");
		assertThat(get(path("limit=1&sort=amount&cursor=" + real)).status()).isEqualTo(200);
		Set<String> forged = new LinkedHashSet<>();
		java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
		String[] keys = { "1E-12000000", "1e400", "NaN", "-Infinity", "99999999999999999999.999", "0x10", "",
				"+999999999-12-31", "2025-02-30", "\u0000", "a\u0000b", "\ud800", "x".repeat(300), "12.34" };
		String[] ids = { "1", "99999999999", "abc" };
		for (String sort : new String[] { "amount", "-amount", "date", "-date", "category", "-category" }) {
			for (String key : keys) {
				for (String id : ids) {
					for (String version : new String[] { "1", "2" }) {
						String payload = version.equals("1") ? version + "\n" + sort + "\n" + key + "\n" + id
								: version + "\n" + sort + "\n" + id + "\n" + key;
						forged.add(base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)));
						forged.add(base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
								+ real.substring(real.indexOf('.') + 1));
					}
				}
			}
		}
		for (int i = 0; i < real.length(); i++) {
			char flipped = (real.charAt(i) == 'A') ? 'B' : 'A';
			forged.add(real.substring(0, i) + flipped + real.substring(i + 1));
			forged.add(real.substring(0, i));
		}
		forged.add(real + real);
		forged.add(real + "." + real);
		forged.add(real + "x".repeat(5_000));
		java.util.Random random = new java.util.Random(20251124);
		for (int i = 0; i < 200; i++) {
			byte[] bytes = new byte[random.nextInt(400)];
			random.nextBytes(bytes);
			forged.add(base64.encodeToString(bytes) + ((i % 2 == 0) ? "" : "." + base64.encodeToString(bytes)));
		}
		forged.remove(real);
		forged.remove("");
		String[] sorts = { "amount", "category", "-date" };
		int n = 0;
		for (String cursor : forged) {
			ApiResponse response = get(path("limit=1&sort=" + sorts[n++ % sorts.length] + "&cursor="
					+ URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
			assertThat(response.status()).as("%s: %s", cursor, response).isEqualTo(422);
			assertThat(response.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"cursor\"]");
		}
	}

	@ParameterizedTest
	@CsvSource({ "from=2025-13-01,from", "to=yesterday,to", "'from=2025-05-01&to=2025-04-01',to", "limit=0,limit",
			"limit=1001,limit", "limit=abc,limit", "sort=price,sort", "min_amount=abc,min_amount",
			"max_amount=1e9,max_amount", "min_amount=nan,min_amount" })
	void shouldRefuseBadParametersWith422(String parameters, String name) {
		assertIssue(get(path(parameters)), name);
	}

	@Test
	void shouldServeTheWholeV1ListWhenOnlyUnknownParametersAreGiven() {
		ApiResponse plain = get("/api/v1/" + resource());
		ApiResponse unknown = get("/api/v1/" + resource() + "?foo=bar&page=2");
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.json().size()).isGreaterThanOrEqualTo(5);
		assertThat(unknown.header("Link")).isNull();
		assertThat(plain.json().size()).isLessThanOrEqualTo(unknown.json().size());
	}

	private static void assertIssue(ApiResponse response, String parameter) {
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		List<String> locations = new ArrayList<>();
		for (JsonNode issue : response.json().get("detail")) {
			locations.add(issue.get("loc").get(0).asString() + "." + issue.get("loc").get(1).asString());
		}
		assertThat(locations).contains("query." + parameter);
	}

}
