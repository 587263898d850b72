package dev.homebudget.ledger;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Currencies as the ledger knows them: ISO 4217 codes inside, the original's symbols on
 * the v1 wire. Entries keep the text a client sent (so it reads back what it wrote); this
 * is how that text maps to a code, exactly as the database's {@code currency_code}
 * function does it (the database derives each entry's code with it).
 */
public final class Currencies {

	/** What the original wrote for each code it used, and what v1 clients send. */
	private static final Map<String, String> SYMBOLS = Map.of("ILS", "\u20aa", "USD", "$", "EUR", "\u20ac", "GBP",
			"\u00a3");

	private static final Map<String, String> BY_SYMBOL = Map.of("\u20aa", "ILS", "$", "USD", "\u20ac", "EUR", "\u00a3",
			"GBP");

	/** The active ISO 4217 codes (and HRK, still in older data). */
	static final Set<String> CODES = Set.of("AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM",
			"BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
			"CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN",
			"ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HRK",
			"HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF",
			"KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD",
			"MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR",
			"NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR",
			"SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
			"TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES", "VND",
			"VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG", "ZWL");

	/** The code of entries whose currency text names none: never converted. */
	public static final String NONE = "XXX";

	private Currencies() {
	}

	/** The code of a currency as written (a code in any case, a symbol, or NIS). */
	public static Optional<String> code(String currency) {
		if (currency == null) {
			return Optional.empty();
		}
		String trimmed = spacesTrimmed(currency);
		String bySymbol = BY_SYMBOL.get(trimmed);
		if (bySymbol != null) {
			return Optional.of(bySymbol);
		}
		String upper = trimmed.toUpperCase(Locale.ROOT);
		if (upper.equals("NIS")) {
			return Optional.of("ILS");
		}
		return CODES.contains(upper) ? Optional.of(upper) : Optional.empty();
	}

	/** Like the database's {@code btrim}: spaces only. */
	private static String spacesTrimmed(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && text.charAt(start) == ' ') {
			start++;
		}
		while (end > start && text.charAt(end - 1) == ' ') {
			end--;
		}
		return text.substring(start, end);
	}

	/**
	 * Whether a text is a code in its own right: three upper-case letters that name one.
	 */
	public static boolean isCode(String code) {
		return code != null && CODES.contains(code);
	}

	/** How an amount in a currency is labelled for people: its symbol, or its code. */
	public static String symbol(String code) {
		return SYMBOLS.getOrDefault(code, code);
	}

}
