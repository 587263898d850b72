package dev.homebudget.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The settings of the request guards: host names, trusted proxies, the public URL, and
 * how origins are compared.
 */
class RequestGuardSettingsTests {

	private static HttpProperties http(List<String> allowedHosts, List<String> trustedProxies, String publicUrl) {
		return new HttpProperties(DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), List.of(), allowedHosts,
				trustedProxies, publicUrl);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "localhost|localhost", "LocalHost:8000|localhost", "[::1]:8000|[::1]", "[::1]|[::1]", "::1|[::1]",
					"Budget.Example|budget.example", "budget.example:|budget.example", " 127.0.0.1:1 |127.0.0.1" })
	void hostNamesAreComparedWithoutPortAndCase(String header, String name) {
		assertThat(AllowedHosts.hostName(header)).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "[::1", "[::1]x", "a:b", "host:80:90", ":8000", "[::1]:x" })
	void malformedHostHeadersAreNobodysName(String header) {
		assertThat(AllowedHosts.hostName(header)).isNull();
		assertThat(new AllowedHosts(http(List.of(), List.of(), null)).isTrusted(header)).isFalse();
	}

	@Test
	void listedNamesJoinTheLoopbackOnes() {
		AllowedHosts hosts = new AllowedHosts(http(List.of(" Budget.Example ", "budget.lan:8443"), List.of(), null));
		assertThat(hosts.configured()).isTrue();
		assertThat(hosts.names()).contains("localhost", "127.0.0.1", "[::1]", "budget.example", "budget.lan");
		assertThat(hosts.isTrusted("budget.example:8000")).isTrue();
		assertThat(hosts.isTrusted("evil.example")).isFalse();
		assertThat(hosts.isTrusted(null)).isFalse();
		assertThat(new AllowedHosts(http(List.of(), List.of(), null)).configured()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*.example", "https://budget.example", "[::1" })
	void anAllowedHostMustBeAName(String entry) {
		assertThatThrownBy(() -> http(List.of(entry), List.of(), null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("budget.http.allowed-hosts");
	}

	@Test
	void thePublicUrlIsAnHttpAddressKeptWithoutTrailingSlash() {
		assertThat(http(List.of(), List.of(), " https://budget.example/home/ ").publicUrl())
			.isEqualTo("https://budget.example/home");
		assertThat(http(List.of(), List.of(), " ").publicUrl()).isNull();
		for (String bad : new String[] { "budget.example", "ftp://budget.example", "https://budget.example/?x=1",
				"https://budget.example/#x", "https://user@budget.example", "https://bad host" }) {
			assertThatThrownBy(() -> http(List.of(), List.of(), bad)).as(bad)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("budget.http.public-url");
		}
	}

	@Test
	void trustedProxiesBecomeCidrRanges() {
		assertThat(TrustedProxiesConfiguration.cidrs(List.of())).isNull();
		assertThat(TrustedProxiesConfiguration.cidrs(List.of("127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8")))
			.isEqualTo("127.0.0.1/32,10.0.0.0/8,::1/128,fd00::/8");
		for (String bad : new String[] { "proxy.example", "10.0.0.0/33", "10.0.0.0/x", "1.2.3.4/8/9", "::1/129",
				"300.1.1.1" }) {
			assertThatThrownBy(() -> TrustedProxiesConfiguration.cidrs(List.of(bad))).as(bad)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("budget.http.trusted-proxies");
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "https://Budget.Example|https://budget.example",
			"https://budget.example:443/|https://budget.example", "http://budget.example:80|http://budget.example",
			"http://[::1]:8000|http://[::1]:8000", "http://127.0.0.1:8000|http://127.0.0.1:8000" })
	void originsAreComparedInOneForm(String origin, String normalized) {
		assertThat(CrossSiteRequestFilter.normalize(origin)).isEqualTo(normalized);
	}

	@ParameterizedTest
	@ValueSource(strings = { "null", "budget.example", "https://user@budget.example", "http://bad host" })
	void anythingElseIsNoOrigin(String origin) {
		assertThat(CrossSiteRequestFilter.normalize(origin)).isNull();
	}

}
