/**
 * HTTP plumbing every module shares: the v1 error bodies (a sentence, or pydantic-shaped
 * 422 items) and the handler that renders every failure as one, the JSON body reader that
 * keeps numbers exact, {@code If-Match}, and the request filters (body size, form posts,
 * trailing slashes, security headers, CORS).
 */
package dev.homebudget.web;
