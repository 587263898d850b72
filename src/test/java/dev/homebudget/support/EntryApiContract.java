package dev.homebudget.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The v1 contract of one entry resource ({@code expense} or {@code income}), run against
 * the whole application over HTTP. The original's API tests ran the same flows for both;
 * so do the subclasses of this class. Each fixed bug of the original has a test here that
 * fails without the fix (the original answered 500, or silently changed data).
 */
public abstract class EntryApiContract extends ApiTestSupport {

	/** {@code expense} or {@code income}. */
	protected abstract String resource();

	/** Whether the resource has a {@code business} field. */
	protected abstract boolean hasBusiness();

	/** Keys a mode adds after the v1 keys of a created entry (none by default). */
	protected List<String> addedKeys() {
		return List.of();
	}

	protected String collection() {
		return "/api/v1/" + resource();
	}

	protected String item(long id) {
		return collection() + "/" + id;
	}

	protected String notFoundMessage() {
		return (hasBusiness() ? "Expense" : "Income") + " not found";
	}

	protected String idParameter() {
		return resource() + "_id";
	}

	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	protected JsonNode create(String json) {
		ApiResponse response = post(collection(), json);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().get(resource());
	}

	protected JsonNode createMinimal(String category) {
		return create(
				"{\"date\":\"2025-11-10\",\"category\":\"" + category + "\",\"amount\":50.0,\"account\":\"Cash\"}");
	}

	protected JsonNode createFull() {
		String business = hasBusiness() ? "\"business\":\"Old Business\"," : "";
		return create("{\"date\":\"2025-12-01\"," + business
				+ "\"category\":\"Old Category\",\"amount\":100.0,\"account\":\"1234\",\"currency\":\"$\",\"notes\":\"Old notes\"}");
	}

	protected ApiResponse createWith(String field, String jsonValue) {
		// built as text so that values a strict parser refuses (NaN, lone surrogates)
		// reach the server as sent
		StringBuilder body = new StringBuilder("{");
		for (String[] pair : new String[][] { { "date", "\"2025-11-10\"" }, { "category", "\"C\"" }, { "amount", "1" },
				{ "account", "\"A\"" } }) {
			if (!pair[0].equals(field)) {
				body.append('"').append(pair[0]).append("\":").append(pair[1]).append(',');
			}
		}
		body.append('"').append(field).append("\":").append(jsonValue).append('}');
		return post(collection(), body.toString());
	}

	protected static void assertIssue(ApiResponse response, String type, String... loc) {
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		JsonNode detail = response.json().get("detail");
		assertThat(detail.isArray()).as(response.toString()).isTrue();
		List<String> found = new ArrayList<>();
		for (JsonNode issue : detail) {
			List<String> path = new ArrayList<>();
			issue.get("loc").forEach((part) -> path.add(part.asString()));
			found.add(issue.get("type").asString() + " " + path);
			assertThat(issue.has("msg")).isTrue();
			assertThat(issue.has("input")).isTrue();
		}
		assertThat(found).as(response.toString()).contains(type + " " + List.of(loc));
	}

	protected static void assertDetail(ApiResponse response, int status, String detail) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.json().get("detail").asString()).isEqualTo(detail);
	}

	/** No error body may carry SQL, a class name or a stack trace. */
	protected static void assertNoLeak(ApiResponse response) {
		assertThat(response.body()).doesNotContainIgnoringCase("sql")
			.doesNotContain("Exception")
			.doesNotContain("org.")
			.doesNotContain("java.")
			.doesNotContain("psycopg")
			.doesNotContain("\tat ")
			.doesNotContainIgnoringCase("null value in column");
	}

	// --- the original's API suite (contract §9.2), re-expressed ---

	@Test
	void shouldCreateMinimalEntry() {
		ApiResponse response = post(collection(),
				"{\"date\":\"2025-11-10\",\"category\":\"Groceries\",\"amount\":50.0,\"account\":\"Cash\"}");
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("status").asString()).isEqualTo("created");
		JsonNode entry = body.get(resource());
		assertThat(entry.get("id").isIntegralNumber()).isTrue();
		assertThat(entry.get("date").asString()).isEqualTo("2025-11-10");
		assertThat(entry.get("category").asString()).isEqualTo("Groceries");
		assertThat(entry.get("amount").decimalValue()).isEqualByComparingTo("50.0");
		assertThat(entry.get("account").asString()).isEqualTo("Cash");
		assertThat(entry.get("currency").asString()).isEqualTo("\u20aa");
		assertThat(entry.get("notes").isNull()).isTrue();
	}

	@Test
	void shouldWriteKeysInTheOriginalOrderWithTwoDecimals() {
		ApiResponse response = post(collection(),
				"{\"date\":\"2025-11-10\",\"category\":\"Order\",\"amount\":50,\"account\":\"Cash\"}");
		List<String> keys = new ArrayList<>();
		response.json().get(resource()).propertyNames().forEach(keys::add);
		List<String> expected = hasBusiness()
				? List.of("id", "date", "business", "category", "amount", "account", "currency", "notes")
				: List.of("id", "date", "category", "amount", "account", "currency", "notes");
		expected = new ArrayList<>(expected);
		expected.addAll(addedKeys());
		assertThat(keys).containsExactlyElementsOf(expected);
		assertThat(response.body()).startsWith("{\"status\":\"created\",\"" + resource() + "\":{\"id\":")
			.contains("\"amount\":50.00,");
	}

	@Test
	void shouldUpdateOneFieldWithPatch() {
		JsonNode created = createMinimal("Salary");
		ApiResponse response = patch(item(created.get("id").asLong()),
				"{\"field\":\"category\",\"value\":\"Updated Category\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("updated");
		assertThat(response.json().get(resource()).get("id").asLong()).isEqualTo(created.get("id").asLong());
		assertThat(response.json().get(resource()).get("category").asString()).isEqualTo("Updated Category");
	}

	@Test
	void shouldDeleteAndThenAnswer404() {
		long id = createMinimal("ToDelete").get("id").asLong();
		ApiResponse response = delete(item(id));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"status\":\"deleted\",\"id\":" + id + "}");
		assertDetail(delete(item(id)), 404, notFoundMessage());
	}

	@Test
	void shouldBulkDeleteThree() {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(create("{\"date\":\"2025-11-10\",\"category\":\"Test " + i + "\",\"amount\":" + (10 + i)
					+ ",\"account\":\"Cash\"}")
				.get("id")
				.asLong());
		}
		ApiResponse response = post(collection() + "/bulk-delete", "{\"ids\":" + ids + "}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"status\":\"deleted\",\"count\":3}");
	}

	@Test
	void shouldReplaceEveryFieldWithPut() {
		long id = createFull().get("id").asLong();
		String business = hasBusiness() ? "\"business\":\"Isradon\"," : "";
		ApiResponse response = put(item(id), "{\"date\":\"2025-12-09\"," + business
				+ "\"category\":\"Entertainment\",\"amount\":378.0,\"account\":\"0802\",\"currency\":\"\u20aa\",\"notes\":\"Updated from mobile\"}");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode entry = response.json().get(resource());
		assertThat(entry.get("id").asLong()).isEqualTo(id);
		assertThat(entry.get("date").asString()).isEqualTo("2025-12-09");
		if (hasBusiness()) {
			assertThat(entry.get("business").asString()).isEqualTo("Isradon");
		}
		assertThat(entry.get("category").asString()).isEqualTo("Entertainment");
		assertThat(entry.get("amount").decimalValue()).isEqualByComparingTo("378");
		assertThat(entry.get("account").asString()).isEqualTo("0802");
		assertThat(entry.get("currency").asString()).isEqualTo("\u20aa");
		assertThat(entry.get("notes").asString()).isEqualTo("Updated from mobile");
	}

	@Test
	void shouldApplyOnlyPresentKeysWithPut() {
		long id = createFull().get("id").asLong();
		ApiResponse response = put(item(id), "{\"amount\":200.0,\"notes\":\"Updated notes only\"}");
		JsonNode entry = response.json().get(resource());
		assertThat(entry.get("amount").decimalValue()).isEqualByComparingTo("200");
		assertThat(entry.get("notes").asString()).isEqualTo("Updated notes only");
		assertThat(entry.get("date").asString()).isEqualTo("2025-12-01");
		assertThat(entry.get("category").asString()).isEqualTo("Old Category");
		assertThat(entry.get("account").asString()).isEqualTo("1234");
		assertThat(entry.get("currency").asString()).isEqualTo("$");
		if (hasBusiness()) {
			assertThat(entry.get("business").asString()).isEqualTo("Old Business");
		}
	}

	@Test
	void shouldAnswer404ForPutOfMissingId() {
		assertDetail(put(item(99999999), "{\"amount\":999.0}"), 404, notFoundMessage());
	}

	@Test
	void shouldIgnoreExtraKeysSentByTheMobileClientOnPut() {
		long id = createFull().get("id").asLong();
		ApiResponse response = put(item(id), "{\"id\":" + (id + 1000) + ",\"type\":\"" + resource()
				+ "\",\"business\":\"B\",\"category\":\"Moved\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get(resource()).get("id").asLong()).isEqualTo(id);
		assertThat(response.json().get(resource()).get("category").asString()).isEqualTo("Moved");
	}

	@Test
	void shouldListAsArrayOrderedByDateThenIdDescending() {
		String category = unique("order");
		long first = create(
				"{\"date\":\"2024-01-02\",\"category\":\"" + category + "\",\"amount\":1,\"account\":\"A\"}")
			.get("id")
			.asLong();
		long second = create(
				"{\"date\":\"2024-01-02\",\"category\":\"" + category + "\",\"amount\":2,\"account\":\"A\"}")
			.get("id")
			.asLong();
		long older = create(
				"{\"date\":\"2024-01-01\",\"category\":\"" + category + "\",\"amount\":3,\"account\":\"A\"}")
			.get("id")
			.asLong();
		long newer = create(
				"{\"date\":\"2024-01-03\",\"category\":\"" + category + "\",\"amount\":4,\"account\":\"A\"}")
			.get("id")
			.asLong();
		ApiResponse response = get(collection());
		assertThat(response.status()).isEqualTo(200);
		List<Long> ours = new ArrayList<>();
		for (JsonNode entry : response.json()) {
			if (entry.get("category").asString().equals(category)) {
				ours.add(entry.get("id").asLong());
			}
		}
		assertThat(ours).containsExactly(newer, second, first, older);
	}

	// --- POST validation (contract §1.4) ---

	@Test
	void shouldListEachMissingRequiredFieldInModelOrder() {
		ApiResponse response = post(collection(), "{}");
		assertThat(response.status()).isEqualTo(422);
		List<String> fields = new ArrayList<>();
		for (JsonNode issue : response.json().get("detail")) {
			assertThat(issue.get("type").asString()).isEqualTo("missing");
			assertThat(issue.get("msg").asString()).isEqualTo("Field required");
			fields.add(issue.get("loc").get(1).asString());
			assertThat(issue.get("loc").get(0).asString()).isEqualTo("body");
		}
		assertThat(fields).containsExactly("date", "category", "amount", "account");
	}

	@ParameterizedTest
	@ValueSource(strings = { "category", "account", "date" })
	void shouldRefuseNullForRequiredString(String field) {
		assertIssue(createWith(field, "null"), "string_type", "body", field);
	}

	@ParameterizedTest
	@ValueSource(strings = { "category", "account", "date", "currency", "notes" })
	void shouldRefuseNumberForStringField(String field) {
		assertIssue(createWith(field, "123"), "string_type", "body", field);
	}

	@Test
	void shouldAcceptEmptyStrings() {
		JsonNode created = create(
				"{\"date\":\"2025-11-10\",\"category\":\"\",\"amount\":1,\"account\":\"\",\"notes\":\"\"}");
		assertThat(created.get("category").asString()).isEmpty();
		assertThat(created.get("account").asString()).isEmpty();
		assertThat(created.get("notes").asString()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"50.5\"|50.50", "\" 7.25 \"|7.25", "42|42.00", "12.345|12.35", "12.355|12.36",
			"-12.345|-12.35", "0|0.00", "-1|-1.00", "99999999.99|99999999.99", "-99999999.99|-99999999.99",
			"158.16|158.16", "0.1|0.10", "1e2|100.00", "0.004|0.00" })
	void shouldStoreAmountsExactlyRoundedHalfAwayFromZero(String example) {
		String[] parts = example.split("\\|");
		ApiResponse response = createWith("amount", parts[0]);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.body()).contains("\"amount\":" + parts[1] + ",");
		long id = response.json().get(resource()).get("id").asLong();
		assertThat(get(collection()).body()).contains("{\"id\":" + id + ",").contains("\"amount\":" + parts[1] + ",");
	}

	@Test
	void shouldRefuseTextThatIsNotANumber() {
		assertIssue(createWith("amount", "\"abc\""), "float_parsing", "body", "amount");
	}

	@Test
	void shouldRefuseBooleanAmount() {
		assertIssue(createWith("amount", "true"), "float_type", "body", "amount");
	}

	@ParameterizedTest
	@ValueSource(strings = { "100000000", "100000000.00", "99999999.995", "1e8", "1e400", "\"1e309\"",
			"123456789012345678901234567890" })
	void shouldRefuseAmountsAtOrAbove1e8(String amount) {
		assertIssue(createWith("amount", amount), "less_than", "body", "amount");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-100000000", "-99999999.995", "-1e400" })
	void shouldRefuseAmountsAtOrBelowMinus1e8(String amount) {
		assertIssue(createWith("amount", amount), "greater_than", "body", "amount");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"nan\"", "\"NaN\"", "NaN", "Infinity", "-Infinity", "\"inf\"", "\"-infinity\"" })
	void shouldRefuseNonFiniteAmountsAndKeepTheListReadable(String amount) {
		assertIssue(createWith("amount", amount), "finite_number", "body", "amount");
		assertThat(get(collection()).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "null", "\"\"" })
	void shouldDefaultCurrencyWhenNullOrEmpty(String currency) {
		ApiResponse response = createWith("currency", currency);
		assertThat(response.json().get(resource()).get("currency").asString()).isEqualTo("\u20aa");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"$\"", "\"\u20ac\"", "\"\u00a3\"", "\"USD\"", "\"usd\"", "\" CHF \"", "\"NIS\"" })
	void shouldKeepTheCurrencyAsWrittenWhenItNamesOne(String currency) {
		ApiResponse response = createWith("currency", currency);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get(resource()).get("currency").asString())
			.isEqualTo(currency.substring(1, currency.length() - 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"XYZ\"", "\"dollars\"", "\"\u20aa\u20aa\"", "\"US$\"" })
	void shouldRefuseACurrencyThatNamesNone(String currency) {
		assertIssue(createWith("currency", currency), "value_error", "body", "currency");
	}

	@Test
	void shouldRefuseStringsLongerThanTheirColumn() {
		assertIssue(createWith("currency", "\"" + "x".repeat(11) + "\""), "string_too_long", "body", "currency");
		assertIssue(createWith("category", "\"" + "x".repeat(101) + "\""), "string_too_long", "body", "category");
		assertIssue(createWith("account", "\"" + "x".repeat(101) + "\""), "string_too_long", "body", "account");
		if (hasBusiness()) {
			assertIssue(createWith("business", "\"" + "x".repeat(256) + "\""), "string_too_long", "body", "business");
		}
	}

	@Test
	void shouldAcceptStringsOfExactlyTheColumnLengthCountingCharacters() {
		String shekels = "\u20aa".repeat(100);
		ApiResponse response = createWith("account", "\"" + shekels + "\"");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get(resource()).get("account").asString()).isEqualTo(shekels);
		assertThat(createWith("category", "\"" + "\ud83d\ude00".repeat(100) + "\"").status()).isEqualTo(200);
	}

	@Test
	void shouldRefuseTextPostgresCannotStore() {
		assertIssue(createWith("notes", "\"a\\u0000b\""), "value_error", "body", "notes");
		assertIssue(createWith("category", "\"\\ud800\""), "value_error", "body", "category");
	}

	@Test
	void shouldNormaliseUnpaddedDates() {
		assertThat(createWith("date", "\"2025-1-5\"").json().get(resource()).get("date").asString())
			.isEqualTo("2025-01-05");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-13-01", "2025/11/10", "2025-11-10T00:00:00", "", "2025-02-30", "2023-02-29", "bad",
			"0000-01-01", "12025-01-01" })
	void shouldRefuseImpossibleOrUnparsableDatesWith422(String date) {
		ApiResponse response = createWith("date", "\"" + date + "\"");
		assertIssue(response, "date_parsing", "body", "date");
		assertNoLeak(response);
	}

	@Test
	void shouldAcceptLeapDay() {
		assertThat(createWith("date", "\"2024-02-29\"").status()).isEqualTo(200);
	}

	@Test
	void shouldIgnoreUnknownKeysAndAssignTheIdItself() {
		ApiResponse response = post(collection(),
				"{\"id\":777777,\"type\":\"x\",\"test_column\":\"t\",\"date\":\"2025-11-10\",\"category\":\"C\",\"amount\":1,\"account\":\"A\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get(resource()).get("id").asLong()).isNotEqualTo(777777L);
		assertThat(response.body()).doesNotContain("test_column");
	}

	@Test
	void shouldReportMalformedJsonWithItsOffset() {
		ApiResponse response = post(collection(), "{bad");
		assertIssue(response, "json_invalid", "body", "1");
		assertThat(response.json().get("detail").get(0).get("msg").asString()).isEqualTo("JSON decode error");
		assertNoLeak(response);
	}

	@Test
	void shouldRefuseBodiesThatAreNotObjects() {
		assertIssue(post(collection(), "[]"), "model_attributes_type", "body");
		assertIssue(post(collection(), "null"), "missing", "body");
		assertIssue(send("POST", collection(), null, "application/json"), "missing", "body");
	}

	@Test
	void shouldRefuseInvalidUtf8AndDeepNesting() {
		assertIssue(sendBytes("POST", collection(), new byte[] { '{', (byte) 0xC3, '}' }, "application/json"),
				"json_invalid", "body", "0");
		ApiResponse deep = post(collection(), "[".repeat(5000) + "]".repeat(5000));
		assertIssue(deep, "json_invalid", "body", "0");
		assertNoLeak(deep);
	}

	@Test
	void shouldRefuseNonJsonContentType() {
		ApiResponse response = send("POST", collection(), "a=b", "application/x-www-form-urlencoded");
		assertDetail(response, 415, "Content-Type must be application/json");
		assertThat(send("POST", collection(),
				"{\"date\":\"2025-11-10\",\"category\":\"C\",\"amount\":1,\"account\":\"A\"}", null)
			.status()).isEqualTo(200);
	}

	// --- PATCH (contract §1.5), with its 500s and silent changes fixed ---

	@Test
	void shouldAnswer404BeforeCheckingThePatchField() {
		assertDetail(patch(item(99999999), "{\"field\":\"nonsense\",\"value\":1}"), 404, notFoundMessage());
	}

	@Test
	void shouldPatchAmountFromTextOrNumber() {
		long id = createMinimal("patch-amount").get("id").asLong();
		assertThat(patch(item(id), "{\"field\":\"amount\",\"value\":\"150.5\"}").body()).contains("\"amount\":150.50,");
		assertThat(patch(item(id), "{\"field\":\"amount\",\"value\":151}").body()).contains("\"amount\":151.00,");
		assertThat(patch(item(id), "{\"field\":\"amount\",\"value\":1.005}").body()).contains("\"amount\":1.01,");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"abc\"", "null", "true", "\"nan\"", "100000000", "\"-1e9\"" })
	void shouldRefuseBadPatchAmountWith400(String value) {
		long id = createMinimal("patch-bad-amount").get("id").asLong();
		ApiResponse response = patch(item(id), "{\"field\":\"amount\",\"value\":" + value + "}");
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("detail").isString()).isTrue();
		assertNoLeak(response);
		assertThat(get(collection()).body()).contains("{\"id\":" + id + ",");
	}

	@Test
	void shouldPatchDateAndReportParseErrorsWith400() {
		long id = createMinimal("patch-date").get("id").asLong();
		assertThat(patch(item(id), "{\"field\":\"date\",\"value\":\"2025-12-01\"}").body())
			.contains("\"date\":\"2025-12-01\"");
		assertDetail(patch(item(id), "{\"field\":\"date\",\"value\":\"bad\"}"), 400,
				"time data 'bad' does not match format '%Y-%m-%d'");
		assertDetail(patch(item(id), "{\"field\":\"date\",\"value\":\"2025-02-30\"}"), 400,
				"day is out of range for month");
		assertThat(patch(item(id), "{\"field\":\"date\",\"value\":20251201}").status()).isEqualTo(400);
		assertDetail(patch(item(id), "{\"field\":\"date\",\"value\":null}"), 400, "Field 'date' cannot be null");
	}

	@ParameterizedTest
	@ValueSource(strings = { "category", "account" })
	void shouldRefuseNullForNotNullFieldOnPatch(String field) {
		long id = createMinimal("patch-null").get("id").asLong();
		ApiResponse response = patch(item(id), "{\"field\":\"" + field + "\",\"value\":null}");
		assertDetail(response, 400, "Field '" + field + "' cannot be null");
	}

	@Test
	void shouldClearNullableFieldsAndDefaultCurrencyOnPatch() {
		JsonNode created = createFull();
		long id = created.get("id").asLong();
		assertThat(patch(item(id), "{\"field\":\"notes\",\"value\":null}").json().get(resource()).get("notes").isNull())
			.isTrue();
		assertThat(patch(item(id), "{\"field\":\"currency\",\"value\":null}").json()
			.get(resource())
			.get("currency")
			.asString()).isEqualTo("\u20aa");
		if (hasBusiness()) {
			assertThat(patch(item(id), "{\"field\":\"business\",\"value\":null}").json()
				.get(resource())
				.get("business")
				.isNull()).isTrue();
		}
	}

	@Test
	void shouldRefusePatchOfIdAndNeverChangeThePrimaryKey() {
		long id = createMinimal("patch-id").get("id").asLong();
		assertDetail(patch(item(id), "{\"field\":\"id\",\"value\":777}"), 400, "Invalid field: id");
		assertThat(patch(item(id), "{\"field\":\"notes\",\"value\":\"still here\"}").status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "foo", "test_column", "type", "ID", "" })
	void shouldRefuseUnknownPatchFields(String field) {
		long id = createMinimal("patch-unknown").get("id").asLong();
		assertDetail(patch(item(id), "{\"field\":\"" + field + "\",\"value\":\"x\"}"), 400, "Invalid field: " + field);
	}

	@Test
	void shouldRefuseNonStringValueForTextFieldOnPatch() {
		long id = createMinimal("patch-type").get("id").asLong();
		assertThat(patch(item(id), "{\"field\":\"category\",\"value\":123}").status()).isEqualTo(400);
		assertThat(patch(item(id), "{\"field\":\"category\",\"value\":\"" + "x".repeat(101) + "\"}").status())
			.isEqualTo(400);
	}

	@Test
	void shouldValidateThePatchBodyShapeWith422() {
		long id = createMinimal("patch-shape").get("id").asLong();
		assertIssue(patch(item(id), "{\"field\":\"category\"}"), "missing", "body", "value");
		assertIssue(patch(item(id), "{\"value\":\"x\"}"), "missing", "body", "field");
		assertIssue(patch(item(id), "{\"field\":1,\"value\":\"x\"}"), "string_type", "body", "field");
		assertIssue(patch(item(id), "{\"field\":\"notes\",\"value\":[1]}"), "string_type", "body", "value", "str");
	}

	// --- PUT (contract §1.6), with its 500 and SQL leak fixed ---

	@Test
	void shouldKeepRecordUnchangedForEmptyPut() {
		JsonNode created = createFull();
		ApiResponse response = put(item(created.get("id").asLong()), "{}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get(resource())).isEqualTo(created);
	}

	@ParameterizedTest
	@ValueSource(strings = { "category", "account", "amount", "date", "currency" })
	void shouldRefuseNullForNotNullFieldOnPutWithoutSql(String field) {
		long id = createFull().get("id").asLong();
		ApiResponse response = put(item(id), "{\"" + field + "\":null}");
		assertDetail(response, 400, "Field '" + field + "' cannot be null");
		assertNoLeak(response);
	}

	@Test
	void shouldAnswer404BeforeRefusingNullsOnPut() {
		assertDetail(put(item(99999999), "{\"category\":null}"), 404, notFoundMessage());
	}

	@Test
	void shouldRefuseBadDateOnPutWith422() {
		long id = createFull().get("id").asLong();
		assertIssue(put(item(id), "{\"date\":\"2025-02-30\"}"), "date_parsing", "body", "date");
		assertIssue(put(item(id), "{\"date\":\"nope\"}"), "date_parsing", "body", "date");
	}

	@Test
	void shouldValidatePutValuesLikePost() {
		long id = createFull().get("id").asLong();
		assertIssue(put(item(id), "{\"amount\":\"abc\"}"), "float_parsing", "body", "amount");
		assertIssue(put(item(id), "{\"amount\":1e9}"), "less_than", "body", "amount");
		assertIssue(put(item(id), "{\"category\":\"" + "x".repeat(101) + "\"}"), "string_too_long", "body", "category");
		assertThat(put(item(id), "{\"amount\":\"20.5\"}").body()).contains("\"amount\":20.50,");
	}

	@Test
	void shouldClearNullableFieldsWithPut() {
		long id = createFull().get("id").asLong();
		JsonNode entry = put(item(id), "{\"notes\":null}").json().get(resource());
		assertThat(entry.get("notes").isNull()).isTrue();
	}

	// --- DELETE and bulk delete (contract §1.7) ---

	@Test
	void shouldRefuseNonIntegerPathId() {
		ApiResponse response = delete(collection() + "/abc");
		assertIssue(response, "int_parsing", "path", idParameter());
		assertIssue(delete(collection() + "/bulk-delete"), "int_parsing", "path", idParameter());
	}

	@Test
	void shouldCountDuplicatesOnceAndIgnoreMissingIds() {
		long id = createMinimal("bulk").get("id").asLong();
		ApiResponse response = post(collection() + "/bulk-delete", "{\"ids\":[" + id + "," + id + ",99999999]}");
		assertThat(response.body()).isEqualTo("{\"status\":\"deleted\",\"count\":1}");
		assertThat(post(collection() + "/bulk-delete", "{\"ids\":[]}").body())
			.isEqualTo("{\"status\":\"deleted\",\"count\":0}");
	}

	@Test
	void shouldAcceptNumericStringIds() {
		long id = createMinimal("bulk-string").get("id").asLong();
		assertThat(post(collection() + "/bulk-delete", "{\"ids\":[\"" + id + "\"]}").body())
			.isEqualTo("{\"status\":\"deleted\",\"count\":1}");
	}

	/**
	 * A body of many bad values gets an answer of bounded size: the first 100 problems
	 * and a count of all of them (a 1 MB body once answered with many megabytes).
	 */
	@Test
	void shouldListAtMostAHundredProblems() {
		String ids = String.join(",", java.util.Collections.nCopies(50_000, "\"x" + "y".repeat(10) + "\""));
		ApiResponse response = post(collection() + "/bulk-delete", "{\"ids\":[" + ids + "]}");
		assertThat(response.status()).isEqualTo(422);
		JsonNode detail = response.json().get("detail");
		assertThat(detail.size()).isEqualTo(101);
		assertThat(detail.get(100).get("type").asString()).isEqualTo("too_many_errors");
		assertThat(detail.get(100).get("msg").asString()).contains("of 50000 bad ids");
		assertThat(response.body().length()).isLessThan(20_000);
	}

	@Test
	void shouldValidateBulkDeleteBodies() {
		assertIssue(post(collection() + "/bulk-delete", "{\"ids\":[\"x\"]}"), "int_parsing", "body", "ids", "0");
		assertIssue(post(collection() + "/bulk-delete", "{\"ids\":[1.5]}"), "int_from_float", "body", "ids", "0");
		assertIssue(post(collection() + "/bulk-delete", "{\"ids\":[true]}"), "int_type", "body", "ids", "0");
		assertIssue(post(collection() + "/bulk-delete", "{}"), "missing", "body", "ids");
		assertIssue(post(collection() + "/bulk-delete", "{\"ids\":5}"), "list_type", "body", "ids");
		assertThat(post(collection() + "/bulk-delete", "{\"ids\":[2.0, 99999999999999999999]}").status())
			.isEqualTo(200);
	}

	// --- routing (contract §1.1) ---

	@Test
	void shouldRedirectTrailingSlashWith307() {
		ApiResponse response = get(collection() + "/");
		assertThat(response.status()).isEqualTo(307);
		assertThat(response.header("Location")).isEqualTo(collection());
	}

	@Test
	void shouldAnswer405WithEveryAllowedMethod() {
		ApiResponse response = get(item(1));
		assertDetail(response, 405, "Method Not Allowed");
		assertThat(response.header("Allow")).contains("PATCH").contains("PUT").contains("DELETE");
		assertThat(get(collection() + "/bulk-delete").status()).isEqualTo(405);
	}

	@Test
	void shouldGiveDistinctIdsToConcurrentCreates() throws Exception {
		int threads = 8;
		int perThread = 250;
		String category = unique("concurrent");
		Set<Long> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
		List<Integer> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		try {
			List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					for (int i = 0; i < perThread; i++) {
						ApiResponse response = post(collection(), "{\"date\":\"2025-11-10\",\"category\":\"" + category
								+ "\",\"amount\":1,\"account\":\"A\"}");
						if (response.status() == 200) {
							ids.add(response.json().get(resource()).get("id").asLong());
						}
						else {
							failures.add(response.status());
						}
					}
				}));
			}
			for (var future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(failures).isEmpty();
		assertThat(ids).hasSize(threads * perThread);
		Set<Long> listed = new HashSet<>();
		for (JsonNode entry : get(collection()).json()) {
			if (entry.get("category").asString().equals(category)) {
				listed.add(entry.get("id").asLong());
			}
		}
		assertThat(listed).isEqualTo(ids);
	}

}
