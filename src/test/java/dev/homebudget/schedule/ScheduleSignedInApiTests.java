package dev.homebudget.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.homebudget.support.ApiTestSupport.ApiResponse;
import dev.homebudget.support.SignedInHouseholdsSupport;
import dev.homebudget.support.TokenCaller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schedules in sign-in mode: a viewer reads them and changes nothing; the app posts a
 * schedule's entries in its household as its creator (who paid), split the household's
 * default way (60/40) unless the template says otherwise; a household holds a bounded
 * number of schedules. Dates are years ahead, so the server's own poster (running on
 * today) leaves them to the test.
 */
class ScheduleSignedInApiTests extends SignedInHouseholdsSupport {

	@Autowired
	SchedulePoster poster;

	private static JsonNode create(TokenCaller user, String category, String start, String extra) {
		ApiResponse created = user.json("POST", "/api/v1/schedules",
				"{\"kind\":\"expense\",\"template\":{\"category\":\"" + category
						+ "\",\"amount\":\"100.00\",\"account\":\"Bank\"" + extra + "},\"rrule\":\"FREQ=MONTHLY\","
						+ "\"start\":\"" + start + "\",\"count\":2}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	private static List<JsonNode> expenses(TokenCaller user, String category) {
		List<JsonNode> found = new ArrayList<>();
		user.get("/api/v1/expense").json().forEach((row) -> {
			if (row.get("category").asString().equals(category)) {
				found.add(row);
			}
		});
		return found;
	}

	@Test
	void aViewerReadsSchedulesAndChangesNoneOfThem() {
		TokenCaller owner = newUser("so");
		TokenCaller viewer = newUser("sv");
		join(owner, currentHousehold(owner), "viewer", viewer);
		int id = create(owner, "Rent " + UUID.randomUUID(), "2032-01-31", "").get("id").asInt();
		String path = "/api/v1/schedules/" + id;
		for (String read : List.of("/api/v1/schedules", path, path + "/occurrences", "/api/v1/upcoming?days=30",
				"/api/v1/schedules/settings")) {
			ApiResponse response = viewer.get(read);
			assertThat(response.status()).as(read + " " + response).isEqualTo(200);
		}
		assertThat(viewer.get("/api/v1/schedules").json()).hasSize(1);
		for (ApiResponse refused : List.of(
				viewer.json("POST", "/api/v1/schedules",
						"{\"kind\":\"expense\",\"template\":{\"category\":\"X\",\"amount\":1,\"account\":\"A\"},"
								+ "\"rrule\":\"FREQ=DAILY\",\"start\":\"2032-01-01\"}"),
				viewer.json("PATCH", path, "{\"status\":\"paused\"}"), viewer.delete(path),
				viewer.json("POST", path + "/occurrences/2032-01-31/confirm", null),
				viewer.json("POST", path + "/occurrences/2032-01-31/skip", null),
				viewer.json("PUT", "/api/v1/schedules/settings", "{\"default_split\":null}"))) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		}
		assertThat(owner.get(path).json().get("status").asString()).isEqualTo("active");
		// a calendar feed only reads: a viewer may have one
		assertThat(viewer.json("POST", "/api/v1/calendar/feed", null).status()).isEqualTo(201);
	}

	@Test
	void entriesArePostedAsTheCreatorAndSplitTheHouseholdsDefaultWay() {
		TokenCaller a = newUser("sa");
		TokenCaller b = newUser("sb");
		int household = currentHousehold(a);
		join(a, household, "member", b);
		ApiResponse settings = a.json("PUT", "/api/v1/schedules/settings",
				"{\"default_split\":{\"" + a.userId() + "\":60,\"" + b.userId() + "\":40}}");
		assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
		assertThat(b.get("/api/v1/schedules/settings")
			.json()
			.get("default_split")
			.get(String.valueOf(a.userId()))
			.decimalValue()).isEqualByComparingTo("60");
		String shared = "Shared " + UUID.randomUUID();
		String hers = "Hers " + UUID.randomUUID();
		create(a, shared, "2033-03-01", "");
		create(b, hers, "2033-03-01", ",\"for_whom\":" + b.userId());
		this.poster.postDue(LocalDate.parse("2033-04-01"));
		List<JsonNode> posted = expenses(a, shared);
		assertThat(posted).hasSize(2);
		for (JsonNode row : posted) {
			assertThat(row.get("paid_by").asInt()).isEqualTo(a.userId());
			assertThat(row.get("entered_by").asInt()).isEqualTo(a.userId());
			JsonNode shares = row.get("shares");
			assertThat(shares).hasSize(2);
			for (JsonNode share : shares) {
				String expected = (share.get("user_id").asInt() == a.userId()) ? "60.00" : "40.00";
				assertThat(share.get("amount").decimalValue()).isEqualByComparingTo(expected);
			}
		}
		List<JsonNode> herRows = expenses(b, hers);
		assertThat(herRows).hasSize(2);
		assertThat(herRows.get(0).get("paid_by").asInt()).isEqualTo(b.userId());
		assertThat(herRows.get(0).get("shares")).hasSize(1);
		assertThat(herRows.get(0).get("shares").get(0).get("user_id").asInt()).isEqualTo(b.userId());

		// back to equal shares
		assertThat(a.json("PUT", "/api/v1/schedules/settings", "{\"default_split\":null}").status()).isEqualTo(200);
		assertThat(a.get("/api/v1/schedules/settings").json().get("default_split").isNull()).isTrue();
		ApiResponse weights = a.json("PUT", "/api/v1/schedules/settings",
				"{\"default_split\":{\"x\":1,\"" + a.userId() + "\":0}}");
		assertThat(weights.status()).as(weights.toString()).isEqualTo(422);
		assertThat(weights.json().get("detail")).hasSize(2);
	}

	@Test
	void aHouseholdHoldsABoundedNumberOfSchedules() {
		TokenCaller user = newUser("many-schedules");
		int household = currentHousehold(user);
		this.jdbc.sql("""
				INSERT INTO schedules (household_id, kind, template, rrule, start_date, weekend, mode, post_from)
				SELECT :household, 'expense', '{"category":"x","amount":1,"account":"a"}', 'FREQ=YEARLY',
				    '2040-01-01', 'keep', 'auto', '2040-01-01' FROM generate_series(1, 500)""")
			.param("household", household)
			.update();
		ApiResponse refused = user.json("POST", "/api/v1/schedules",
				"{\"kind\":\"expense\",\"template\":{\"category\":\"X\",\"amount\":1,\"account\":\"A\"},"
						+ "\"rrule\":\"FREQ=DAILY\",\"start\":\"2040-01-01\"}");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(user.get("/api/v1/schedules").json()).hasSize(500);
	}

}
