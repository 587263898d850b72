package dev.homebudget.auth;

import java.util.Optional;
import java.util.function.Supplier;

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

	/** The user a background task acts as ({@link #actingAs}), on its thread. */
	private static final ThreadLocal<SignedInUser> ACTING = new ThreadLocal<>();

	private final AuthProperties properties;

	CurrentUser(AuthProperties properties) {
		this.properties = properties;
	}

	/** The signed-in user, if any. */
	public Optional<SignedInUser> get() {
		SignedInUser acting = ACTING.get();
		if (acting != null) {
			return Optional.of(acting);
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/**
	 * Runs work done by the app on someone's behalf outside a request (a schedule posting
	 * the entries its creator set up) as that user, on this thread only.
	 */
	public <T> T actingAs(int userId, String username, Supplier<T> work) {
		SignedInUser before = ACTING.get();
		ACTING.set(new SignedInUser(userId, username, null));
		try {
			return work.get();
		}
		finally {
			ACTING.set(before);
		}
	}

	public AuthMode mode() {
		return this.properties.mode();
	}

}
