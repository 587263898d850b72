package dev.homebudget.auth;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A personal API token as its owner sees it in the list: never its secret.
 *
 * @param id the token's id (for revoking it)
 * @param name what its owner called it
 * @param createdAt when it was created
 * @param lastUsedAt when a request last used it (to the minute), or {@code null}
 * @param expiresAt when it stops working, or {@code null} for never
 */
public record ApiToken(int id, String name, @JsonProperty("created_at") OffsetDateTime createdAt,
		@JsonProperty("last_used_at") OffsetDateTime lastUsedAt, @JsonProperty("expires_at") OffsetDateTime expiresAt) {

}
