package dev.homebudget.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.ApiSchemas;
import dev.homebudget.web.ErrorBody;
import dev.homebudget.web.JsonObjectBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account: who they are, and changing their password. */
@RestController
@Tag(name = "account")
class AccountController {

	static final String SINGLE_USER_MODE = "Accounts are not used in single-user mode";

	private final CurrentUser currentUser;

	private final UserAccounts accounts;

	private final LoginThrottle loginThrottle;

	private final ObjectProvider<SessionRegistry> sessions;

	private final ApiTokens tokens;

	AccountController(CurrentUser currentUser, UserAccounts accounts, LoginThrottle loginThrottle,
			ObjectProvider<SessionRegistry> sessions, ApiTokens tokens) {
		this.currentUser = currentUser;
		this.accounts = accounts;
		this.loginThrottle = loginThrottle;
		this.sessions = sessions;
		this.tokens = tokens;
	}

	/**
	 * A changed password ends every other session of the user (someone who knew the old
	 * one may hold one); the session that changed it stays. API tokens are revoked too,
	 * unless the change says {@code "revoke_tokens": false}.
	 */
	private void endOtherSessions(SignedInUser user, HttpServletRequest request) {
		SessionRegistry registry = this.sessions.getIfAvailable();
		if (registry == null) {
			return;
		}
		HttpSession current = request.getSession(false);
		for (SessionInformation session : registry.getAllSessions(user, false)) {
			if (current == null || !session.getSessionId().equals(current.getId())) {
				session.expireNow();
			}
		}
	}

	/**
	 * The account of the caller.
	 *
	 * @param authMode {@code single-user} or {@code sign-in}
	 * @param username the signed-in user, {@code null} in single-user mode
	 */
	record AccountView(@JsonProperty("auth_mode") String authMode, String username) {

	}

	/** Body of a password change. */
	record PasswordChange(
			@JsonProperty("current_password") @Schema(
					requiredMode = Schema.RequiredMode.REQUIRED) String currentPassword,
			@JsonProperty("new_password") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "At least budget.auth.min-password-length characters (10 by default), "
							+ "at most 72 bytes, not one of the most common passwords, not the current "
							+ "one") String newPassword,
			@JsonProperty("revoke_tokens") @Schema(defaultValue = "true",
					description = "Also revoke every API token of the account (the other sessions end "
							+ "either way); false keeps them") Boolean revokeTokens) {

	}

	@GetMapping(path = "/api/v1/account", produces = "application/json")
	@Operation(operationId = "getAccount", summary = "The auth mode and the signed-in user")
	AccountView account() {
		boolean signIn = this.currentUser.mode() == AuthMode.SIGN_IN;
		return new AccountView(signIn ? "sign-in" : "single-user",
				this.currentUser.get().map(SignedInUser::username).orElse(null));
	}

	@PostMapping(path = "/api/v1/account/password", produces = "application/json")
	@Operation(operationId = "changePassword", summary = "Change the signed-in user's password",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = PasswordChange.class))))
	@ApiResponse(responseCode = "204",
			description = "Changed; the user's other sessions ended and (unless revoke_tokens is false) every API "
					+ "token was revoked")
	@ApiResponse(responseCode = "400", description = "The current password is wrong",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	@ApiResponse(responseCode = "422",
			description = "A field is missing, or the new password is too short, too long, one of the most common "
					+ "passwords or the current one",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.HttpValidationError.class)))
	@ApiResponse(responseCode = "429", description = "Too many wrong current passwords; see Retry-After",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<?> changePassword(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			HttpServletRequest request) {
		SignedInUser user = this.currentUser.get()
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, SINGLE_USER_MODE));
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		String currentPassword = fields.text("current_password");
		String newPassword = fields.text("new_password");
		Boolean revoke = fields.optionalBoolean("revoke_tokens");
		fields.check();
		boolean revokeTokens = revoke == null || revoke;
		String problem = this.accounts.passwordProblem(newPassword);
		if (problem != null) {
			throw JsonObjectBody.invalidField("new_password", problem, null);
		}
		// A wrong current password counts as a failed sign-in: this must not become a way
		// around the sign-in throttle.
		var wait = this.loginThrottle.retryAfterSeconds(user.username(), request.getRemoteAddr());
		if (wait.isPresent()) {
			return throttled(wait.getAsLong());
		}
		UserAccounts.Change change = this.accounts.changePassword(user.id(), currentPassword, newPassword);
		if (change == UserAccounts.Change.WRONG_CURRENT) {
			this.loginThrottle.recordFailure(user.username(), request.getRemoteAddr());
			throw ApiException.badRequest("The current password is wrong");
		}
		if (change == UserAccounts.Change.SAME_AS_CURRENT) {
			throw JsonObjectBody.invalidField("new_password", UserAccounts.SAME_PASSWORD, null);
		}
		endOtherSessions(user, request);
		if (revokeTokens) {
			this.tokens.revokeAll(user.id());
		}
		return ResponseEntity.noContent().build();
	}

	/** 429 for a password check while the account's sign-ins are throttled. */
	static ResponseEntity<ErrorBody> throttled(long seconds) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(new ErrorBody("Too many failed sign-ins. Try again in " + seconds + " seconds."));
	}

}
