package dev.homebudget.ledger;

import java.util.Map;

import dev.homebudget.web.InvalidValue;
import dev.homebudget.web.StorableText;
import tools.jackson.databind.JsonNode;

/**
 * Checks one non-null JSON value against its field: type, column length and text that
 * PostgreSQL cannot store.
 */
public final class FieldRules {

	private FieldRules() {
	}

	static Object valueOf(EntryField field, JsonNode node) throws InvalidValue {
		return switch (field.kind()) {
			case AMOUNT -> Amounts.fromJson(node);
			case DATE -> EntryDates.parse(string(node));
			case TEXT -> text(field, node);
		};
	}

	/**
	 * A text field of a request. Unlike what is read back from storage (the JSON files
	 * keep whatever currency text they held), a request may only name a currency that
	 * exists, so that totals can keep every currency apart.
	 */
	static String text(EntryField field, JsonNode node) throws InvalidValue {
		String text = text(field, string(node));
		if (field == EntryField.CURRENCY && Currencies.code(text).isEmpty()) {
			throw new InvalidValue("value_error",
					"Value error, currency must be an ISO 4217 code (such as ILS, USD or EUR) or one of \u20aa $ \u20ac \u00a3");
		}
		return text;
	}

	/** Checks text against the field's column length and what PostgreSQL can store. */
	public static String text(EntryField field, String text) throws InvalidValue {
		if (field.maxLength() > 0 && text.codePointCount(0, text.length()) > field.maxLength()) {
			throw new InvalidValue("string_too_long", "String should have at most " + field.maxLength() + " characters",
					Map.of("max_length", field.maxLength()));
		}
		return StorableText.check(text);
	}

	private static String string(JsonNode node) throws InvalidValue {
		if (node == null || !node.isString()) {
			throw new InvalidValue("string_type", "Input should be a valid string");
		}
		return node.stringValue();
	}

}
