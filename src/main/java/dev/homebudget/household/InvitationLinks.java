package dev.homebudget.household;

import dev.homebudget.web.AllowedHosts;
import dev.homebudget.web.HttpProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The {@code accept_url} of a new invitation, which its owner sends to someone else: it
 * must not point wherever the request's {@code Host} header said. From
 * {@code budget.http.public-url} when set; otherwise from the request only when its host
 * is trusted (a loopback name or one in {@code budget.http.allowed-hosts}); otherwise a
 * link relative to the app ({@code /#invitation=...}), to be put after the address the
 * owner knows the app by.
 */
@Component
class InvitationLinks {

	private final String publicUrl;

	private final AllowedHosts hosts;

	InvitationLinks(HttpProperties properties, AllowedHosts hosts) {
		this.publicUrl = properties.publicUrl();
		this.hosts = hosts;
	}

	/**
	 * The web UI with the code in the fragment, which browsers never send to the server
	 * (so it reaches no access log); the page opens the household dialog with it.
	 */
	String acceptUrl(HttpServletRequest request, String code) {
		String fragment = "#invitation=" + code;
		if (this.publicUrl != null) {
			return this.publicUrl + "/" + fragment;
		}
		if (this.hosts.isTrusted(request.getServerName())) {
			return ServletUriComponentsBuilder.fromContextPath(request).path("/").toUriString() + fragment;
		}
		return request.getContextPath() + "/" + fragment;
	}

}
