package dev.homebudget.auth;

import dev.homebudget.web.AllowedHosts;
import dev.homebudget.web.AllowedHostsFilter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The {@code Host} check: always on in single-user mode (nobody signs in, so a page on a
 * name that an attacker's DNS points at 127.0.0.1 could otherwise read and change
 * everything), on in sign-in mode only when {@code budget.http.allowed-hosts} lists
 * names. It runs before everything else but the response headers and the request log.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AllowedHostsConfiguration {

	@Bean
	FilterRegistrationBean<AllowedHostsFilter> allowedHostsFilter(AuthProperties properties, AllowedHosts hosts) {
		FilterRegistrationBean<AllowedHostsFilter> registration = new FilterRegistrationBean<>(
				new AllowedHostsFilter(hosts));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		registration.setEnabled(properties.mode() == AuthMode.SINGLE_USER || hosts.configured());
		return registration;
	}

}
