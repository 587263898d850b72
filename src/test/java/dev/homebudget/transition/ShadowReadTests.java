package dev.homebudget.transition;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.homebudget.config.StoragePhase;
import dev.homebudget.support.HttpCalls;
import dev.homebudget.support.PhaseApplication;
import dev.homebudget.support.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * T9: in P2 with every read shadowed, 1,000 seeded reads find no mismatch; one planted
 * divergent JSON record is then reported exactly once, by id, while the client still gets
 * PostgreSQL's value; in test mode the same mismatch raises.
 */
class ShadowReadTests {

	@TempDir
	Path json;

	@Test
	void readsAgreeUntilOneRecordIsPlantedThenExactlyThatIdIsReported() {
		String url = TestDatabase.jdbcUrl("t9_shadow");
		try (PhaseApplication app = PhaseApplication.start(StoragePhase.P2, url, this.json, true,
				"budget.storage.shadow-reads=100")) {
			HttpCalls http = new HttpCalls(app.port());
			List<Integer> ids = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				HttpCalls.Response created = http.send("POST", "/api/v1/expense",
						"{\"date\":\"2025-" + (1 + i % 12) + "-10\",\"category\":\"c" + (i % 4) + "\",\"amount\":"
								+ (i + 0.5) + ",\"account\":\"a" + (i % 3) + "\",\"notes\":"
								+ ((i % 5 == 0) ? "null" : "\"\"") + "}");
				ids.add(created.json().get("expense").get("id").asInt());
			}
			assertThat(app.mirrors().awaitIdle(Duration.ofMinutes(5))).isTrue();
			Random random = new Random(9);
			String[] queries = { "", "?category=c1", "?account=a2&sort=amount", "?limit=7",
					"?from=2025-03-01&to=2025-06-30", "?q=c3&sort=-amount", "?min_amount=10&max_amount=20" };
			for (int i = 0; i < 1_000; i++) {
				HttpCalls.Response read = (i % 10 == 9)
						? http.send("HEAD", "/api/v1/expense/" + ids.get(random.nextInt(ids.size())), null)
						: http.send("GET", "/api/v1/expense" + queries[random.nextInt(queries.length)], null);
				assertThat(read.status()).isEqualTo(200);
			}
			JsonNode before = shadow(http);
			assertThat(before.get("percent").asInt()).isEqualTo(100);
			assertThat(before.get("matched").asLong()).isGreaterThanOrEqualTo(1_000);
			assertThat(before.get("mismatched").asLong()).isZero();
			assertThat(before.get("last_mismatch_ids")).isEmpty();

			int planted = ids.get(7);
			JsonLedger<?> ledger = app.bean(JsonStore.class).existingLedger(LedgerFile.EXPENSES).orElseThrow();
			JsonEntry original = ledger.entries()
				.stream()
				.filter((entry) -> entry.id() == planted)
				.findFirst()
				.orElseThrow();
			ledger.putAll(List.of(new JsonEntry(planted, original.date(), original.business(), original.category(),
					new BigDecimal("999.99"), original.account(), original.currency(), original.notes())));

			HttpCalls.Response list = http.send("GET", "/api/v1/expense", null);
			JsonNode row = null;
			for (JsonNode entry : list.json()) {
				if (entry.get("id").asInt() == planted) {
					row = entry;
				}
			}
			assertThat(row.get("amount").decimalValue()).as("the client gets PostgreSQL's value")
				.isEqualByComparingTo(original.amount());
			JsonNode after = shadow(http);
			assertThat(after.get("mismatched").asLong()).isEqualTo(1);
			assertThat(after.get("last_mismatch_ids")).hasSize(1);
			assertThat(after.get("last_mismatch_ids").get(0).asInt()).isEqualTo(planted);
			assertThat(http.send("GET", "/metrics", null).body())
				.contains("storage_shadow_reads_total{entity=\"expense\",result=\"mismatched\"} 1.0");
		}
	}

	@Test
	void testModeRaisesOnAMismatchAndCanonicalFormIgnoresOnlyTheScale() {
		EntryMirror mirror = new EntryMirror("expense", StoragePhase.P2, RepairJournal.NONE, (ids) -> {
		}, null, null, new SimpleMeterRegistry(), Duration.ofSeconds(5), 10);
		ShadowReads shadow = new ShadowReads("expense", 100, true, new SimpleMeterRegistry(), mirror);
		JsonEntry stored = new JsonEntry(3, LocalDate.of(2025, 11, 2), null, "Food", new BigDecimal("100.00"), "Cash",
				"\u20aa", "");
		JsonEntry sameValue = new JsonEntry(3, LocalDate.of(2025, 11, 2), null, "Food", new BigDecimal("100.0"), "Cash",
				"\u20aa", "");
		assertThat(shadow.read("findAll", () -> List.of(stored), () -> List.of(sameValue), (entry) -> entry))
			.containsExactly(stored);
		JsonEntry nullNotes = new JsonEntry(3, LocalDate.of(2025, 11, 2), null, "Food", new BigDecimal("100.00"),
				"Cash", "\u20aa", null);
		assertThatExceptionOfType(ShadowReads.MismatchException.class)
			.isThrownBy(() -> shadow.read("findAll", () -> List.of(stored), () -> List.of(nullNotes), (entry) -> entry))
			.withMessageContaining("ids [3]");
		assertThatExceptionOfType(ShadowReads.MismatchException.class)
			.isThrownBy(() -> shadow.read("findAll", () -> List.of(stored), List::of, (entry) -> entry));
		assertThat(shadow.snapshot().mismatched()).isEqualTo(2);
		assertThat(shadow.snapshot().matched()).isEqualTo(1);
		ShadowReads off = new ShadowReads("expense", 0, true, new SimpleMeterRegistry(), mirror);
		assertThat(off.read("findAll", () -> List.of(stored), List::of, (entry) -> entry)).containsExactly(stored);
		assertThat(off.enabled()).isFalse();
	}

	private static JsonNode shadow(HttpCalls http) {
		return http.send("GET", "/api/v1/storage", null).json().get("shadow_reads").get("expense");
	}

}
