// The period the page shows: the month chosen in the header, the quarter or the year around it,
// or a custom range of days. The table, the totals and the charts all read their dates from here,
// and the address keeps it (with the month and the filters) so that a view can be bookmarked.

const MONTH_NAME = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });
const DAY_NAME = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAY_MS = 86400000;

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'];

/** kind: month, quarter, year or custom; from and to (ISO dates) only for custom. */
export const period = { kind: 'month', from: null, to: null };

function isoDay(date) {
	return date.toISOString().slice(0, 10);
}

function day(iso) {
	return new Date(`${iso}T00:00:00Z`);
}

function lastDay(year, month) {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last day of the period around a month ("2026-05"). */
export function periodRange(month) {
	const [y, m] = month.split('-').map(Number);
	if (period.kind === 'custom' && period.from && period.to) return { from: period.from, to: period.to };
	if (period.kind === 'quarter') {
		const first = Math.floor((m - 1) / 3) * 3 + 1;
		return { from: `${y}-${String(first).padStart(2, '0')}-01`, to: `${y}-${String(first + 2).padStart(2, '0')}-${lastDay(y, first + 2)}` };
	}
	if (period.kind === 'year') return { from: `${y}-01-01`, to: `${y}-12-31` };
	return { from: `${month}-01`, to: `${month}-${String(lastDay(y, m)).padStart(2, '0')}` };
}

/** "Dec 2026", "Q4 2026", "2026" or "1 Dec 2026 – 9 Dec 2026". */
export function periodName(month) {
	const [y, m] = month.split('-').map(Number);
	if (period.kind === 'custom' && period.from && period.to) return `${DAY_NAME.format(day(period.from))} \u2013 ${DAY_NAME.format(day(period.to))}`;
	if (period.kind === 'quarter') return `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
	if (period.kind === 'year') return String(y);
	return `${MONTH_NAME.format(new Date(Date.UTC(y, m - 1, 1)))} ${y}`;
}

/** How the table's empty text names the period: "this month", "this quarter"... */
export function periodWord() {
	return period.kind === 'custom' ? 'this range' : `this ${period.kind}`;
}

/** The month moved by one period (a quarter moves 3 months); a custom range moves by its length. */
export function shiftPeriod(month, delta) {
	if (period.kind === 'custom' && period.from && period.to) {
		const length = periodDays();
		period.from = isoDay(new Date(day(period.from).getTime() + delta * length * DAY_MS));
		period.to = isoDay(new Date(day(period.to).getTime() + delta * length * DAY_MS));
		return period.from.slice(0, 7);
	}
	const months = period.kind === 'quarter' ? 3 : period.kind === 'year' ? 12 : 1;
	const [y, m] = month.split('-').map(Number);
	const d = new Date(Date.UTC(y, m - 1 + delta * months, 1));
	return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

function periodDays() {
	return Math.round((day(period.to).getTime() - day(period.from).getTime()) / DAY_MS) + 1;
}

/**
 * The twelve periods of the same length just before the period around a month, as one range
 * (the twelve months, quarters or years before; for a custom range, twelve times its days).
 */
export function previousTwelve(month) {
	const { from, to } = periodRange(month);
	if (period.kind === 'custom') {
		const length = Math.round((day(to).getTime() - day(from).getTime()) / DAY_MS) + 1;
		const end = new Date(day(from).getTime() - DAY_MS);
		return { from: isoDay(new Date(day(from).getTime() - 12 * length * DAY_MS)), to: isoDay(end) };
	}
	const months = period.kind === 'quarter' ? 3 : period.kind === 'year' ? 12 : 1;
	const [y, m] = from.split('-').map(Number);
	const start = new Date(Date.UTC(y, m - 1 - 12 * months, 1));
	return { from: isoDay(start), to: isoDay(new Date(day(from).getTime() - DAY_MS)) };
}

/**
 * How many of the twelve periods before the one around a month had begun by a day (the first
 * entry's): an average over periods before anything was recorded would say little.
 */
export function periodsSince(month, first) {
	const { from } = periodRange(month);
	if (!first || first >= from) return 0;
	if (period.kind === 'custom') {
		const length = Math.round((day(period.to).getTime() - day(period.from).getTime()) / DAY_MS) + 1;
		const days = Math.round((day(from).getTime() - day(first).getTime()) / DAY_MS);
		return Math.min(12, Math.ceil(days / length));
	}
	const months = period.kind === 'quarter' ? 3 : period.kind === 'year' ? 12 : 1;
	const [fy, fm] = from.split('-').map(Number);
	const [ey, em] = first.split('-').map(Number);
	const between = (fy - ey) * 12 + (fm - em);
	return Math.min(12, Math.ceil(between / months));
}

/** Reads the period from the address (?period=quarter, ?period=custom&from=...&to=...). */
export function readPeriod(params) {
	const kind = params.get('period');
	const iso = /^\d{4}-\d{2}-\d{2}$/;
	if (kind === 'custom') {
		const from = params.get('from') || '';
		const to = params.get('to') || '';
		if (iso.test(from) && iso.test(to) && from <= to && !Number.isNaN(day(from).getTime()) && !Number.isNaN(day(to).getTime())) {
			Object.assign(period, { kind, from, to });
		}
		return;
	}
	if (PERIOD_KINDS.includes(kind)) Object.assign(period, { kind, from: null, to: null });
}

/** Writes the period into address parameters (a month period is the default: not written). */
export function writePeriod(params) {
	if (period.kind === 'month') return;
	params.set('period', period.kind);
	if (period.kind === 'custom') {
		params.set('from', period.from);
		params.set('to', period.to);
	}
}

/** Chooses a period; a custom one needs from ≤ to. */
export function choosePeriod(kind, from, to) {
	if (kind === 'custom') Object.assign(period, { kind, from, to });
	else Object.assign(period, { kind, from: null, to: null });
}
