/**
 * Who is calling: the two auth modes (single-user, sign-in), accounts with hashed
 * passwords, browser sessions with CSRF protection, personal API tokens, and the
 * throttling of failed sign-ins and of each user's API requests.
 */
package dev.homebudget.auth;
