package dev.homebudget.transition;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class JsonLedgerFormatTests {

	private static final Path SOURCE = Path.of("/data/expenses.json");

	@Test
	void readsTheOriginalsFilesExactlyAndWritesThemBackByteForByte() throws IOException {
		for (LedgerFile ledger : LedgerFile.values()) {
			byte[] original = fixture(ledger.fileName());
			JsonLedgerFormat.Parsed parsed = JsonLedgerFormat.parse(ledger, original, SOURCE);
			assertThat(parsed.rejections()).isEmpty();
			assertThat(JsonLedgerFormat.write(ledger, parsed.entries())).isEqualTo(original);
		}
	}

	@Test
	void keepsEveryFieldOfTheOriginalsRecords() throws IOException {
		List<JsonEntry> entries = JsonLedgerFormat.parse(LedgerFile.EXPENSES, fixture("expenses.json"), SOURCE)
			.entries();
		assertThat(entries).extracting(JsonEntry::id).containsExactly(1, 2, 3, 5, 7);
		assertThat(entries.get(0)).isEqualTo(new JsonEntry(1, LocalDate.of(2025, 11, 2), "ampm", "Food",
				new BigDecimal("100.00"), "12345", "\u20aa", ""));
		assertThat(entries.get(1).notes()).isEqualTo("weekly \"big\" shop\nwith tab\t");
		assertThat(entries.get(2).business()).isNull();
		assertThat(entries.get(2).notes()).isNull();
		assertThat(entries.get(2).currency()).isEqualTo("$");
		assertThat(entries.get(3).business()).isEqualTo("\u05e7\u05e4\u05d4 \u05d2\u05e8\u05d2");
		assertThat(entries.get(3).notes()).isEqualTo("emoji \ud83d\ude00 and back\\slash");
		assertThat(entries).extracting(JsonEntry::amount)
			.containsExactly(new BigDecimal("100.00"), new BigDecimal("158.16"), new BigDecimal("15.50"),
					new BigDecimal("0.10"), new BigDecimal("99999999.99"));
		List<JsonEntry> incomes = JsonLedgerFormat.parse(LedgerFile.INCOMES, fixture("incomes.json"), SOURCE).entries();
		assertThat(incomes).extracting(JsonEntry::business).containsOnlyNulls();
		assertThat(incomes).extracting(JsonEntry::amount)
			.containsExactly(new BigDecimal("8200.00"), new BigDecimal("1250.50"));
	}

	@Test
	void rejectsEachBadRecordWithItsPositionIdAndReasonAndKeepsTheRest() throws IOException {
		JsonLedgerFormat.Parsed parsed = JsonLedgerFormat.parse(LedgerFile.EXPENSES, fixture("quirky-expenses.json"),
				SOURCE);
		assertThat(parsed.entries()).extracting(JsonEntry::id, JsonEntry::amount, JsonEntry::currency)
			.containsExactly(tuple(1, new BigDecimal("100.00"), "\u20aa"), tuple(2, new BigDecimal("0.20"), "\u20aa"),
					tuple(6, new BigDecimal("75.25"), "\u20aa"), tuple(7, new BigDecimal("100.00"), "\u20aa"));
		assertThat(parsed.rejections()).extracting(JsonLedgerFormat.Rejection::position, JsonLedgerFormat.Rejection::id)
			.containsExactly(tuple(3, "3"), tuple(4, "4"), tuple(5, "5"), tuple(8, "6"), tuple(9, "50.5"),
					tuple(10, "9"), tuple(11, "10"), tuple(12, null));
		assertThat(parsed.rejections()).extracting(JsonLedgerFormat.Rejection::reason)
			.satisfiesExactly((reason) -> assertThat(reason).startsWith("date: time data 'bad'"),
					(reason) -> assertThat(reason).contains("more than 2 decimal places (12.345)"),
					(reason) -> assertThat(reason).isEqualTo("amount: not a number"),
					(reason) -> assertThat(reason).isEqualTo("duplicate id (first used by record 6)"),
					(reason) -> assertThat(reason).isEqualTo("id: not a whole number"),
					(reason) -> assertThat(reason).isEqualTo("category: missing"),
					(reason) -> assertThat(reason).contains("finite"),
					(reason) -> assertThat(reason).isEqualTo("id: missing"));
	}

	@Test
	void rejectsARecordWhoseIdIsNotAFiniteNumberAndNamesNoIdForANullOne() {
		String json = "[{\"date\":\"2025-01-01\",\"category\":\"c\",\"amount\":1,\"account\":\"a\",\"id\":NaN},"
				+ "{\"date\":\"2025-01-01\",\"category\":\"c\",\"amount\":1,\"account\":\"a\",\"id\":-Infinity},"
				+ "{\"date\":\"2025-01-01\",\"category\":\"c\",\"amount\":1,\"account\":\"a\",\"id\":null},"
				+ "{\"date\":\"2025-01-01\",\"category\":\"c\",\"amount\":1,\"account\":\"a\",\"id\":[3]},"
				+ "{\"date\":\"2025-01-01\",\"category\":\"c\",\"amount\":1,\"account\":\"a\",\"id\":2,\"x\":{\"y\":[1]}}]";
		JsonLedgerFormat.Parsed parsed = JsonLedgerFormat.parse(LedgerFile.INCOMES,
				json.getBytes(StandardCharsets.UTF_8), SOURCE);
		assertThat(parsed.rejections())
			.extracting(JsonLedgerFormat.Rejection::position, JsonLedgerFormat.Rejection::id,
					JsonLedgerFormat.Rejection::reason)
			.containsExactly(tuple(1, "NaN", "id: not a whole number"), tuple(2, "-Infinity", "id: not a whole number"),
					tuple(3, null, "id: missing"), tuple(4, null, "id: not a number"));
		assertThat(parsed.entries()).extracting(JsonEntry::id).containsExactly(2);
	}

	@Test
	void acceptsAByteOrderMarkAnEditorMayAddWhenARecordIsFixedByHand() {
		byte[] withBom = ("\uFEFF[{\"date\":\"2025-01-01\",\"category\":\"c\",\"amount\":1,\"account\":\"a\",\"id\":1}]")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(JsonLedgerFormat.parse(LedgerFile.INCOMES, withBom, SOURCE).entries()).extracting(JsonEntry::id)
			.containsExactly(1);
	}

	@Test
	void neverRoundsMoney() {
		for (String amount : List.of("12.345", "0.001", "\"1.005\"")) {
			String json = "[{\"date\":\"2025-01-01\",\"category\":\"c\",\"amount\":" + amount
					+ ",\"account\":\"a\",\"id\":1}]";
			JsonLedgerFormat.Parsed parsed = JsonLedgerFormat.parse(LedgerFile.INCOMES,
					json.getBytes(StandardCharsets.UTF_8), SOURCE);
			assertThat(parsed.entries()).as(amount).isEmpty();
			assertThat(parsed.rejections()).singleElement()
				.satisfies((rejection) -> assertThat(rejection.reason()).contains("more than 2 decimal places"));
		}
	}

	@Test
	void readsFloatNoiseAsTheCentItStandsForAndSaysSo() {
		String json = "[{\"date\":\"2025-01-01\",\"category\":\"c\",\"amount\":8.299999999999999,\"account\":\"a\",\"id\":1},"
				+ "{\"date\":\"2025-01-01\",\"category\":\"c\",\"amount\":-0.30000000000000004,\"account\":\"a\",\"id\":2},"
				+ "{\"date\":\"2025-01-01\",\"category\":\"c\",\"amount\":12.340001,\"account\":\"a\",\"id\":3},"
				+ "{\"date\":\"2025-01-01\",\"category\":\"c\",\"amount\":8.3,\"account\":\"a\",\"id\":4}]";
		JsonLedgerFormat.Parsed parsed = JsonLedgerFormat.parse(LedgerFile.INCOMES,
				json.getBytes(StandardCharsets.UTF_8), SOURCE);
		assertThat(parsed.entries()).extracting(JsonEntry::id, (entry) -> entry.amount().toPlainString())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "8.30"),
					org.assertj.core.groups.Tuple.tuple(2, "-0.30"), org.assertj.core.groups.Tuple.tuple(4, "8.30"));
		assertThat(parsed.normalisations()).extracting(Object::toString)
			.containsExactly("record 1 (id 1): amount 8.299999999999999 read as 8.30 (float noise)",
					"record 2 (id 2): amount -0.30000000000000004 read as -0.30 (float noise)");
		// a millionth away from a cent is not float noise: a value someone wrote
		assertThat(parsed.rejections()).singleElement()
			.satisfies((rejection) -> assertThat(rejection.reason()).contains("more than 2 decimal places"));
	}

	@Test
	void readsAmountsFromTheirDecimalTextNotThroughADouble() {
		List<String> texts = List.of("158.16", "0.1", "0.2", "99999999.99", "1e2", "-0.01", "12.30", "3");
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < texts.size(); i++) {
			json.append((i == 0) ? "" : ",")
				.append("{\"date\":\"2025-01-01\",\"category\":\"c\",\"account\":\"a\",\"amount\":")
				.append(texts.get(i))
				.append(",\"id\":")
				.append(i + 1)
				.append('}');
		}
		List<JsonEntry> entries = JsonLedgerFormat
			.parse(LedgerFile.INCOMES, json.append(']').toString().getBytes(StandardCharsets.UTF_8), SOURCE)
			.entries();
		List<BigDecimal> expected = new ArrayList<>();
		texts.forEach((text) -> expected.add(new BigDecimal(text).setScale(2)));
		assertThat(entries).extracting(JsonEntry::amount).containsExactlyElementsOf(expected);
		assertThat(entries.stream().map(JsonEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("100000273.74");
	}

	@Test
	void writesAmountsAsPythonFloats() {
		assertThat(JsonLedgerFormat.pythonFloat(new BigDecimal("100.00"))).isEqualTo("100.0");
		assertThat(JsonLedgerFormat.pythonFloat(new BigDecimal("158.10"))).isEqualTo("158.1");
		assertThat(JsonLedgerFormat.pythonFloat(new BigDecimal("0.05"))).isEqualTo("0.05");
		assertThat(JsonLedgerFormat.pythonFloat(new BigDecimal("-1200.00"))).isEqualTo("-1200.0");
		assertThat(JsonLedgerFormat.pythonFloat(new BigDecimal("99999999.99"))).isEqualTo("99999999.99");
	}

	@Test
	void writesAnEmptyLedgerAsTheOriginalDid() {
		assertThat(JsonLedgerFormat.write(LedgerFile.EXPENSES, List.of())).asString(StandardCharsets.US_ASCII)
			.isEqualTo("[]");
	}

	@Test
	void escapesControlAndNonAsciiCharactersLikePythonsEnsureAscii() {
		JsonEntry entry = new JsonEntry(1, LocalDate.of(2025, 1, 1), null, "c\u007f\u0001", new BigDecimal("1.00"),
				"a/b", "\u20aa", null);
		String written = new String(JsonLedgerFormat.write(LedgerFile.INCOMES, List.of(entry)),
				StandardCharsets.US_ASCII);
		assertThat(written).contains("\"category\": \"c\\u007f\\u0001\"", "\"account\": \"a/b\"",
				"\"currency\": \"\\u20aa\"", "\"notes\": null");
		assertThat(JsonLedgerFormat.parse(LedgerFile.INCOMES, written.getBytes(StandardCharsets.US_ASCII), SOURCE)
			.entries()).containsExactly(entry);
	}

	@Test
	void refusesAWholeFileThatIsNotAJsonArrayInUtf8AndNamesIt() {
		byte[][] corrupt = { new byte[0], "  \n".getBytes(StandardCharsets.US_ASCII),
				"[{\"date\": \"2025-01-01\", \"amo".getBytes(StandardCharsets.US_ASCII),
				"{\"id\": 1}".getBytes(StandardCharsets.US_ASCII), "null".getBytes(StandardCharsets.US_ASCII),
				"[] []".getBytes(StandardCharsets.US_ASCII), { '[', '"', (byte) 0xC3, (byte) 0x28, '"', ']' } };
		for (byte[] content : corrupt) {
			assertThatExceptionOfType(JsonStoreException.class)
				.isThrownBy(() -> JsonLedgerFormat.parse(LedgerFile.EXPENSES, content, SOURCE))
				.satisfies((ex) -> assertThat(ex.file()).isEqualTo(SOURCE))
				.withMessageStartingWith(SOURCE + ": ")
				.withMessageContaining("left untouched");
		}
	}

	static byte[] fixture(String name) throws IOException {
		try (InputStream in = JsonLedgerFormatTests.class.getResourceAsStream("/fixtures/json-era/" + name)) {
			return in.readAllBytes();
		}
	}

}
