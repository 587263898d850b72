package dev.homebudget.ledger;

import tools.jackson.databind.JsonNode;

/**
 * The v1 single-field update body {@code {"field": "...", "value": ...}}, after its shape
 * was checked. What the field and value mean is checked later, once the record is known
 * to exist, so that a missing id answers 404 first as in the original.
 */
public record PatchRequest(String field, JsonNode value) {
}
