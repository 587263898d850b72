package dev.homebudget.auth;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in request, from a session or an API token. Its {@link #id()}
 * is what data ownership refers to. The password hash is present only while a sign-in is
 * checked: Spring Security erases it afterwards, so sessions never hold it.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

	private static final List<GrantedAuthority> AUTHORITIES = List.of(new SimpleGrantedAuthority("ROLE_USER"));

	private final int id;

	private final String username;

	private String passwordHash;

	/** The name of the API token the request came with; null for a session. */
	private final String tokenName;

	SignedInUser(int id, String username, String passwordHash) {
		this(id, username, passwordHash, null);
	}

	SignedInUser(int id, String username, String passwordHash, String tokenName) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.tokenName = tokenName;
	}

	/**
	 * The API token the request was authenticated with, by its name; empty for a session.
	 */
	public Optional<String> tokenName() {
		return Optional.ofNullable(this.tokenName);
	}

	public int id() {
		return this.id;
	}

	public String username() {
		return this.username;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return AUTHORITIES;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInUser user && user.id == this.id;
	}

	@Override
	public int hashCode() {
		return Integer.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "SignedInUser[id=" + this.id + ", username=" + this.username + "]";
	}

}
