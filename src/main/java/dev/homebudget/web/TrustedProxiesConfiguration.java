package dev.homebudget.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Forwarded headers ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host},
 * {@code -Port}) are believed only from the reverse proxies listed in
 * {@code budget.http.trusted-proxies} (addresses or CIDR ranges); from anyone else they
 * are ignored. Tomcat's {@link RemoteIpValve} applies them before any filter runs, so the
 * client address (sign-in throttle, request log, readiness details), the scheme (the
 * {@code Secure} flag of the session cookie, HSTS) and the host and port (the app's own
 * origin, invitation links) are those the proxy reports.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(RemoteIpValve.class)
class TrustedProxiesConfiguration {

	private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxies(HttpProperties properties) {
		String cidrs = cidrs(properties.trustedProxies());
		return (factory) -> {
			if (cidrs == null) {
				return;
			}
			RemoteIpValve valve = new RemoteIpValve();
			// a list with a '/' is read as CIDR ranges (without one, as a regex)
			valve.setInternalProxies(cidrs);
			valve.setRemoteIpHeader("X-Forwarded-For");
			valve.setProtocolHeader("X-Forwarded-Proto");
			valve.setProtocolHeaderHttpsValue("https");
			valve.setHostHeader("X-Forwarded-Host");
			valve.setPortHeader("X-Forwarded-Port");
			factory.addEngineValves(valve);
		};
	}

	/**
	 * The list as CIDR ranges ({@code 10.0.0.5} becomes {@code 10.0.0.5/32}); null when
	 * empty. Only IP literals: a name would need a DNS lookup, and could change.
	 */
	static String cidrs(List<String> proxies) {
		if (proxies.isEmpty()) {
			return null;
		}
		StringBuilder cidrs = new StringBuilder();
		for (String proxy : proxies) {
			String[] parts = proxy.split("/", -1);
			String address = parts[0];
			boolean v4 = IPV4.matcher(address).matches();
			if (parts.length > 2 || !(v4 || IPV6.matcher(address).matches())) {
				throw invalid(proxy);
			}
			if (v4) {
				for (String octet : address.split("\\.")) {
					if (Integer.parseInt(octet) > 255) {
						throw invalid(proxy);
					}
				}
			}
			try {
				InetAddress.getByName(address);
			}
			catch (UnknownHostException ex) {
				throw invalid(proxy);
			}
			int max = v4 ? 32 : 128;
			int bits = max;
			if (parts.length == 2) {
				try {
					bits = Integer.parseInt(parts[1]);
				}
				catch (NumberFormatException ex) {
					throw invalid(proxy);
				}
				if (bits < 0 || bits > max) {
					throw invalid(proxy);
				}
			}
			cidrs.append((cidrs.length() > 0) ? "," : "").append(address).append('/').append(bits);
		}
		return cidrs.toString();
	}

	private static IllegalArgumentException invalid(String proxy) {
		return new IllegalArgumentException("budget.http.trusted-proxies: '" + proxy
				+ "' is not an IP address or CIDR range (such as 127.0.0.1, 10.0.0.0/8 or ::1)");
	}

}
