package dev.homebudget.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/csrf}: the CSRF token of the caller's session, for the web UI's
 * script (sign-in mode keeps the token in the session, not in a cookie a script could
 * read). Reachable before signing in, since the sign-in form needs it too; the call
 * starts a session when there is none. Other sites cannot read the answer (no CORS with
 * credentials). Single-user mode and token requests need no CSRF token: null.
 */
@RestController
@Tag(name = "account")
class CsrfTokenController {

	/**
	 * The token and where to send it.
	 *
	 * @param token the session's token; null when none is needed
	 * @param headerName the header API requests send it in
	 * @param parameterName the form field of the sign-in and sign-out forms
	 */
	record CsrfTokenView(String token, @JsonProperty("header_name") String headerName,
			@JsonProperty("parameter_name") String parameterName) {

	}

	@GetMapping(path = "/api/v1/csrf", produces = "application/json")
	@Operation(operationId = "getCsrfToken",
			summary = "The session's CSRF token, for the X-XSRF-TOKEN header (sign-in mode; null otherwise)")
	CsrfTokenView csrf(HttpServletRequest request) {
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		if (token == null) {
			return new CsrfTokenView(null, SecurityConfiguration.CSRF_HEADER, "_csrf");
		}
		return new CsrfTokenView(token.getToken(), token.getHeaderName(), token.getParameterName());
	}

}
