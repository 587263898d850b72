package dev.homebudget.imports;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import dev.homebudget.ledger.Currencies;
import dev.homebudget.web.ValidationIssue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an upload's {@code mapping} may say about a file that describes its own fields
 * (OFX, QIF, CAMT.053): no columns, only hints. Read by {@link #read}, which answers
 * every bad field at once, like {@link ImportMapping#read}.
 *
 * @param dateOrder QIF only: {@code MDY}, {@code DMY} or {@code YMD}, from a
 * {@code date_format} such as {@code MM/dd/yyyy}; null to tell it from the file's dates
 * @param dateFormat the {@code date_format} as given (null when absent)
 * @param defaultCurrency the currency of rows whose file names none (QIF): an ISO code
 * @param defaultCategory the category of rows without one
 * @param encoding the charset of a file that has no BOM, is not valid UTF-8 and does not
 * name its own (null: the format's default)
 */
record StatementOptions(String dateOrder, String dateFormat, String defaultCurrency, String defaultCategory,
		Charset encoding) {

	private static final List<String> FIELDS = List.of("date_format", "default_currency", "default_category",
			"encoding");

	static final StatementOptions DEFAULTS = new StatementOptions(null, null, "ILS", ImportMapping.DEFAULT_CATEGORY,
			null);

	/**
	 * Reads the hints; every problem is added to {@code issues} with {@code loc} starting
	 * with {@code prefix}.
	 * @return the options, or null when there were problems
	 */
	static StatementOptions read(JsonNode node, StatementFormat format, List<Object> prefix,
			List<ValidationIssue> issues) {
		if (node == null || node.isNull()) {
			return DEFAULTS;
		}
		if (!node.isObject()) {
			issues.add(new ValidationIssue("dict_type", prefix, "Input should be a valid dictionary", node, null));
			return null;
		}
		int before = issues.size();
		for (String name : node.propertyNames()) {
			if (!FIELDS.contains(name) || (name.equals("date_format") && format != StatementFormat.QIF)) {
				issues.add(new ValidationIssue("extra_forbidden", loc(prefix, name),
						"Extra inputs are not permitted: " + format.code().toUpperCase(java.util.Locale.ROOT)
								+ " files name their own columns; their " + "mapping may only hold "
								+ ((format == StatementFormat.QIF) ? "date_format, " : "")
								+ "default_currency, default_category and encoding",
						node.get(name), null));
			}
		}
		String dateFormat = text(node, "date_format");
		String order = null;
		if (dateFormat != null) {
			order = order(dateFormat);
			if (order == null) {
				issues.add(new ValidationIssue("value_error", loc(prefix, "date_format"),
						"Value error, a QIF date format is MM/dd/yyyy, MM/dd'yy, dd/MM/yyyy or yyyy-MM-dd",
						node.get("date_format"), null));
			}
		}
		String currency = text(node, "default_currency");
		String currencyCode = DEFAULTS.defaultCurrency();
		if (currency != null) {
			currencyCode = Currencies.code(currency).orElse(null);
			if (currencyCode == null) {
				issues.add(new ValidationIssue("value_error", loc(prefix, "default_currency"),
						"Value error, not a currency (an ISO code such as EUR)", node.get("default_currency"), null));
			}
		}
		String category = text(node, "default_category");
		if (category != null && (category.isBlank() || category.length() > 100)) {
			issues.add(new ValidationIssue("value_error", loc(prefix, "default_category"),
					"Value error, a category name of 1 to 100 characters", node.get("default_category"), null));
		}
		String charset = text(node, "encoding");
		Charset encoding = null;
		if (charset != null) {
			try {
				encoding = Charset.forName(charset);
			}
			catch (IllegalArgumentException ex) {
				issues.add(new ValidationIssue("value_error", loc(prefix, "encoding"),
						"Value error, not a known charset (e.g. UTF-8, windows-1255)", node.get("encoding"), null));
			}
		}
		for (String field : FIELDS) {
			JsonNode value = node.get(field);
			if (value != null && !value.isNull() && !value.isString()) {
				issues.add(new ValidationIssue("type_error", loc(prefix, field), "Input should be a valid string",
						value, null));
			}
		}
		if (issues.size() > before) {
			return null;
		}
		return new StatementOptions(order, dateFormat, currencyCode,
				(category != null) ? category.strip() : DEFAULTS.defaultCategory(), encoding);
	}

	/** The order of day, month and year in a pattern such as {@code dd/MM'yy}. */
	private static String order(String pattern) {
		if (pattern.length() > 20 || !pattern.matches("[dMy/'.\\- ]+")) {
			return null;
		}
		int day = pattern.indexOf('d');
		int month = pattern.indexOf('M');
		int year = pattern.indexOf('y');
		if (day < 0 || month < 0 || year < 0) {
			return null;
		}
		if (month < day && day < year) {
			return "MDY";
		}
		if (day < month && month < year) {
			return "DMY";
		}
		if (year < month && month < day) {
			return "YMD";
		}
		return null;
	}

	/** The hints as JSON, kept with the batch as its mapping. */
	ObjectNode toJson(StatementFormat format) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		if (this.dateFormat != null) {
			node.put("date_format", this.dateFormat);
		}
		if (format == StatementFormat.QIF) {
			node.put("default_currency", this.defaultCurrency);
		}
		node.put("default_category", this.defaultCategory);
		if (this.encoding != null) {
			node.put("encoding", this.encoding.name());
		}
		return node;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	private static List<Object> loc(List<Object> prefix, String field) {
		List<Object> loc = new ArrayList<>(prefix);
		loc.add(field);
		return List.copyOf(loc);
	}

}
