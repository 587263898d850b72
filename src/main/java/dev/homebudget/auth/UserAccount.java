package dev.homebudget.auth;

import java.time.OffsetDateTime;

/**
 * An account, without its password hash.
 *
 * @param id the user's id (households and ownership will refer to it)
 * @param username as entered when the account was added; unique without regard to case
 * @param createdAt when the account was added
 */
public record UserAccount(int id, String username, OffsetDateTime createdAt) {

}
