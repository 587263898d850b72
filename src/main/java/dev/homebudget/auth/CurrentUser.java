package dev.homebudget.auth;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who the current request is: the signed-in user in sign-in mode, nobody in single-user
 * mode. Data that belongs to someone (API tokens now, households later) is reached only
 * through this.
 */
@Component
public class CurrentUser {

	private final AuthProperties properties;

	CurrentUser(AuthProperties properties) {
		this.properties = properties;
	}

	/** The signed-in user, if any. */
	public Optional<SignedInUser> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public AuthMode mode() {
		return this.properties.mode();
	}

}
