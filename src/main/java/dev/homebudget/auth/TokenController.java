package dev.homebudget.auth;

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

	private final CurrentUser currentUser;

	private final ApiTokens tokens;

	TokenController(CurrentUser currentUser, ApiTokens tokens) {
		this.currentUser = currentUser;
		this.tokens = tokens;
	}

	/** Body of a token creation. */
	record TokenCreate(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = ApiTokens.MAX_NAME_LENGTH,
			description = "What the token is for, e.g. the script's name") String name) {

	}

	/**
	 * A new token; {@code token} is shown this once and cannot be read again.
	 *
	 * @param id the token's id
	 * @param name its name
	 * @param token the secret, for {@code Authorization: Bearer <token>}
	 * @param createdAt when it was created
	 */
	record TokenCreated(int id, String name, String token, @JsonProperty("created_at") OffsetDateTime createdAt) {

	}

	@PostMapping(path = "/api/v1/tokens", produces = "application/json")
	@Operation(operationId = "createToken", summary = "Create a personal API token (its secret is shown once)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = TokenCreate.class))))
	@ApiResponse(responseCode = "201", description = "Created",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenCreated.class)))
	@ApiResponse(responseCode = "422", description = "The name is missing, blank or too long",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.HttpValidationError.class)))
	ResponseEntity<TokenCreated> create(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType) {
		SignedInUser user = user();
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		String name = fields.text("name");
		fields.check();
		name = name.strip();
		if (name.isEmpty() || name.length() > ApiTokens.MAX_NAME_LENGTH) {
			throw JsonObjectBody.invalidField("name",
					"A token name is 1 to " + ApiTokens.MAX_NAME_LENGTH + " characters", name);
		}
		ApiTokens.Created created = this.tokens.create(user.id(), name);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new TokenCreated(created.token().id(), created.token().name(), created.secret(),
					created.token().createdAt()));
	}

	@GetMapping(path = "/api/v1/tokens", produces = "application/json")
	@Operation(operationId = "listTokens", summary = "The signed-in user's API tokens (never their secrets)")
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
