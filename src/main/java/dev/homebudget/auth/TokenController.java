package dev.homebudget.auth;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.ApiSchemas;
import dev.homebudget.web.DeletedResponse;
import dev.homebudget.web.JsonObjectBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal API tokens of the signed-in user. A user only ever sees or revokes their own:
 * another user's token id is 404, like an id that does not exist.
 */
@RestController
@Tag(name = "account")
class TokenController {

	static final String NOT_FOUND = "Token not found";

	/** The longest lifetime a token may be given, in days (ten years). */
	static final int MAX_DAYS = 3650;

	private final CurrentUser currentUser;

	private final ApiTokens tokens;

	private final UserAccounts accounts;

	private final LoginThrottle loginThrottle;

	TokenController(CurrentUser currentUser, ApiTokens tokens, UserAccounts accounts, LoginThrottle loginThrottle) {
		this.currentUser = currentUser;
		this.tokens = tokens;
		this.accounts = accounts;
		this.loginThrottle = loginThrottle;
	}

	/** Body of a token creation. */
	record TokenCreate(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ApiTokens.MAX_NAME_LENGTH,
					description = "What the token is for, e.g. the script's name") String name,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "The account's current password: neither a session nor a token alone "
							+ "can make a new token") String password,
			@JsonProperty("expires_in_days") @Schema(minimum = "1", maximum = "3650",
					description = "Days until the token stops working; absent or null: it never expires") Integer expiresInDays) {

	}

	/**
	 * A new token; {@code token} is shown this once and cannot be read again.
	 *
	 * @param id the token's id
	 * @param name its name
	 * @param token the secret, for {@code Authorization: Bearer <token>}
	 * @param createdAt when it was created
	 * @param expiresAt when it stops working, or null for never
	 */
	record TokenCreated(int id, String name, String token, @JsonProperty("created_at") OffsetDateTime createdAt,
			@JsonProperty("expires_at") OffsetDateTime expiresAt) {

	}

	@PostMapping(path = "/api/v1/tokens", produces = "application/json")
	@Operation(operationId = "createToken", summary = "Create a personal API token (its secret is shown once)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = TokenCreate.class))))
	@ApiResponse(responseCode = "201", description = "Created",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenCreated.class)))
	@ApiResponse(responseCode = "400", description = "The password is wrong",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	@ApiResponse(responseCode = "409", description = "The account already holds as many tokens as it may",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	@ApiResponse(responseCode = "422",
			description = "The name is missing, blank or too long, the password is missing, or expires_in_days is "
					+ "out of range",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.HttpValidationError.class)))
	@ApiResponse(responseCode = "429", description = "Too many wrong passwords; see Retry-After",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<?> create(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			HttpServletRequest request) {
		SignedInUser user = user();
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		String name = fields.text("name");
		String password = fields.text("password");
		Integer days = fields.optionalInteger("expires_in_days");
		if (days != null && (days < 1 || days > MAX_DAYS)) {
			fields.invalid("expires_in_days", "Value error, expires_in_days must be between 1 and " + MAX_DAYS,
					fields.node("expires_in_days"));
		}
		fields.check();
		name = name.strip();
		if (name.isEmpty() || name.length() > ApiTokens.MAX_NAME_LENGTH) {
			throw JsonObjectBody.invalidField("name",
					"A token name is 1 to " + ApiTokens.MAX_NAME_LENGTH + " characters", name);
		}
		// A wrong password counts as a failed sign-in, as in a password change.
		var wait = this.loginThrottle.retryAfterSeconds(user.username(), request.getRemoteAddr());
		if (wait.isPresent()) {
			return AccountController.throttled(wait.getAsLong());
		}
		if (!this.accounts.passwordMatches(user.id(), password)) {
			this.loginThrottle.recordFailure(user.username(), request.getRemoteAddr());
			throw ApiException.badRequest("The password is wrong");
		}
		ApiTokens.Created created = this.tokens.create(user.id(), name, (days != null) ? Duration.ofDays(days) : null);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new TokenCreated(created.token().id(), created.token().name(), created.secret(),
					created.token().createdAt(), created.token().expiresAt()));
	}

	@GetMapping(path = "/api/v1/tokens", produces = "application/json")
	@Operation(operationId = "listTokens",
			summary = "The signed-in user's API tokens (never their secrets), with when each was last used and when it expires")
	List<ApiToken> list() {
		return this.tokens.list(user().id());
	}

	@DeleteMapping(path = "/api/v1/tokens/{token_id}", produces = "application/json")
	@Operation(operationId = "revokeToken", summary = "Revoke one of the signed-in user's tokens at once")
	@ApiResponse(responseCode = "200", description = "Revoked", content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = DeletedResponse.class)))
	DeletedResponse revoke(@PathVariable("token_id") @Parameter(schema = @Schema(type = "integer")) String rawId) {
		SignedInUser user = user();
		int id;
		try {
			id = Integer.parseInt(rawId);
		}
		catch (NumberFormatException ex) {
			throw new ApiException(HttpStatus.NOT_FOUND, NOT_FOUND);
		}
		if (!this.tokens.revoke(user.id(), id)) {
			throw new ApiException(HttpStatus.NOT_FOUND, NOT_FOUND);
		}
		return DeletedResponse.of(id);
	}

	private SignedInUser user() {
		return this.currentUser.get()
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, AccountController.SINGLE_USER_MODE));
	}

}
