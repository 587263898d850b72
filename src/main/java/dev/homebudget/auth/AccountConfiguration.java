package dev.homebudget.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing and the account lookup of form sign-in; also used by
 * {@code ./hbw user} (which runs without the web server).
 */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	/**
	 * bcrypt for new hashes; the stored "{id}" prefix lets the algorithm change later.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(UserAccounts accounts) {
		return (username) -> accounts.findForSignIn(username)
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

}
