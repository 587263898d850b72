package dev.homebudget.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requireIfMatch strict mode: PUT, PATCH and DELETE without {@code If-Match} get
 * 428 instead of applying unconditionally as v1 clients expect
 */
@ConfigurationProperties("budget.concurrency")
public record ConcurrencyProperties(@DefaultValue("false") boolean requireIfMatch) {
}
