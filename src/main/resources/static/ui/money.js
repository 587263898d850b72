// Amounts and currencies as people read them. Entries keep the currency text they were
// written with (₪, $, USD...); totals name ISO 4217 codes. Both are shown with the symbol
// the original used for its four currencies, and with the code for every other one.
const SYMBOLS = { ILS: '\u20aa', USD: '$', EUR: '\u20ac', GBP: '\u00a3' };
const BY_SYMBOL = { '\u20aa': 'ILS', $: 'USD', '\u20ac': 'EUR', '\u00a3': 'GBP' };
const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Currencies offered in the currency fields (any other ISO 4217 code may be typed). */
export const COMMON_CURRENCIES = ['\u20aa', '$', '\u20ac', '\u00a3', 'ILS', 'USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD'];

/** The ISO code of a currency as an entry holds it (a code in any case, a symbol, NIS), or null. */
export function currencyCode(text) {
	if (text === null || text === undefined) return null;
	const trimmed = String(text).replace(/^ +| +$/g, '');
	if (BY_SYMBOL[trimmed]) return BY_SYMBOL[trimmed];
	const upper = trimmed.toUpperCase();
	if (upper === 'NIS') return 'ILS';
	return /^[A-Z]{3}$/.test(upper) ? upper : null;
}

/** How a currency is labelled: its symbol (₪ $ € £) or its code. */
export function currencySymbol(code) {
	return SYMBOLS[code] || code || '';
}

/** 1234.5 → "1,234.50" (no currency). */
export function money(value) {
	if (value === null || value === undefined || value === '') return '';
	const n = Number(value);
	return Number.isFinite(n) ? MONEY.format(n) : String(value);
}

/** 1234.5, "USD" → "$ 1,234.50" (a no-break space between). */
export function amountIn(value, code) {
	const symbol = currencySymbol(code);
	return symbol ? `${symbol}\u00a0${money(value)}` : money(value);
}

/** "1 entry has no rate" / "3 entries have no rate". */
export function noRateText(count) {
	return count === 1 ? '1 entry has no rate' : `${count} entries have no rate`;
}
