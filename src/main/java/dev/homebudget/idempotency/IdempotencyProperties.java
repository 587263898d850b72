package dev.homebudget.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ttl how long a key and its stored response are kept
 * @param inFlightWait how long a retry waits for a first request with the same key to
 * finish before it is told 409
 */
@ConfigurationProperties("budget.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration ttl, @DefaultValue("250ms") Duration inFlightWait) {
}
