package dev.homebudget.web;

import java.nio.charset.StandardCharsets;

import dev.homebudget.ledger.BulkDeleteRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodiesTests {

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/json; charset=utf-8", "application/merge-patch+json",
			"APPLICATION/JSON" })
	void shouldAcceptJsonContentTypes(String contentType) {
		assertThat(JsonBodies.read(utf8("{\"a\":1}"), contentType).get("a").asInt()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
			"application/xml", "not a media type" })
	void shouldRefuseOtherContentTypesWith415(String contentType) {
		assertThatThrownBy(() -> JsonBodies.read(utf8("{}"), contentType)).isInstanceOf(ApiException.class)
			.extracting("status")
			.hasToString("415 UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void shouldTreatAMissingContentTypeAsJson() {
		assertThat(JsonBodies.read(utf8("{}"), null).isObject()).isTrue();
		assertThat(JsonBodies.read(utf8("{}"), " ").isObject()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "null" })
	void shouldReportAMissingBody(String body) {
		assertThatThrownBy(() -> JsonBodies.read(utf8(body), "application/json")).isInstanceOfSatisfying(
				RequestValidationException.class, (ex) -> assertThat(ex.issues().get(0).type()).isEqualTo("missing"));
		assertThatThrownBy(() -> JsonBodies.read(null, null)).isInstanceOf(RequestValidationException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{bad", "{} trailing", "{\"a\":}", "[1,", "'single'" })
	void shouldReportMalformedJson(String body) {
		assertThatThrownBy(() -> JsonBodies.read(utf8(body), null))
			.isInstanceOfSatisfying(RequestValidationException.class, (ex) -> {
				ValidationIssue issue = ex.issues().get(0);
				assertThat(issue.type()).isEqualTo("json_invalid");
				assertThat(issue.msg()).isEqualTo("JSON decode error");
				assertThat(issue.loc().get(0)).isEqualTo("body");
				assertThat(issue.ctx().get("error").toString()).doesNotContain("\n").doesNotContain("tools.jackson");
			});
	}

	@Test
	void shouldKeepNumbersExact() {
		assertThat(JsonBodies.read(utf8("{\"a\":0.1}"), null).get("a").decimalValue()).hasToString("0.1");
		assertThat(JsonBodies.read(utf8("{\"a\":158.16}"), null).get("a").decimalValue()).hasToString("158.16");
	}

	@Test
	void shouldReadIdsLikeTheOriginal() {
		assertThat(BulkDeleteRequests.readIds(JsonBodies.read(utf8("{\"ids\":[3,\"4\",\" 5 \",3,2.0,-1]}"), null)))
			.containsExactly(3, 4, 5, 2, -1);
		assertThat(BulkDeleteRequests.readIds(JsonBodies.read(utf8("{\"ids\":[99999999999999999999]}"), null)))
			.isEmpty();
	}

}
