// Amounts as people type them: "1,234.50" and "1.234,50" (thousands grouped, either decimal
// mark), "12,5" (a decimal comma). What could be read two ways ("1,234": a thousand and more,
// or one and a bit?) is refused with a sentence rather than guessed.

/**
 * Reads a typed amount. Returns { value } with a plain decimal string ("1234.50", "-3"), or
 * { error } with a sentence for the person, or { value: text } unchanged when it is not a
 * number at all (the server then answers, and its answer is shown).
 */
export function readAmount(text) {
	const raw = String(text ?? '').replace(/[\s\u00a0\u202f']/g, '');
	const match = /^([+-]?)(\d[\d.,]*)$/.exec(raw);
	if (!match) return { value: String(text ?? '').trim() };
	const [, sign, digits] = match;
	const dots = (digits.match(/\./g) || []).length;
	const commas = (digits.match(/,/g) || []).length;
	let whole;
	let fraction = '';
	if (dots && commas) {
		// both marks: the last one is the decimal mark, the other groups thousands
		const decimalMark = digits.lastIndexOf('.') > digits.lastIndexOf(',') ? '.' : ',';
		const at = digits.lastIndexOf(decimalMark);
		whole = digits.slice(0, at);
		fraction = digits.slice(at + 1);
		const group = decimalMark === '.' ? ',' : '.';
		if (whole.includes(decimalMark) || !grouped(whole, group) || !/^\d*$/.test(fraction)) return unreadable(text);
		whole = whole.split(group).join('');
	}
	else if (dots + commas === 0) {
		whole = digits;
	}
	else {
		const mark = dots ? '.' : ',';
		const parts = digits.split(mark);
		if (parts.length > 2) {
			// "1,234,567": thousands only
			if (!grouped(digits, mark)) return unreadable(text);
			whole = parts.join('');
		}
		else if (parts[1].length === 3 && parts[0] !== '0' && parts[0] !== '') {
			const mark2 = mark === ',' ? 'comma' : 'point';
			return { error: `\u201c${String(text).trim()}\u201d can be read two ways: write ${parts.join('')} (without the ${mark2}) for the whole amount, or at most 2 digits after the ${mark2}, like ${parts[0]}${mark}${parts[1].slice(0, 2)}.` };
		}
		else {
			[whole, fraction] = parts;
		}
	}
	if (fraction === '' && /[.,]$/.test(digits)) return unreadable(text);
	const value = `${sign === '-' ? '-' : ''}${whole === '' ? '0' : whole}${fraction ? `.${fraction}` : ''}`;
	return { value };
}

function grouped(text, mark) {
	return new RegExp(`^\\d{1,3}(\\${mark}\\d{3})*$`).test(text);
}

function unreadable(text) {
	return { error: `\u201c${String(text).trim()}\u201d is not an amount: write it like 1234.50 or 1,234.50.` };
}

/** Whether a typed amount reads as below zero. */
export function isNegative(text) {
	const { value } = readAmount(text);
	return typeof value === 'string' && /^-\d/.test(value) && Number(value) !== 0;
}
