// The page's start data in two requests asked at once (GET /api/v1/bootstrap?parts=page, and
// ?parts=suggestions, which count every entry and would hold up the table) and a period's data in one
// request (GET /api/v1/bootstrap/period, asked with the start and on each period switch) instead
// of each module asking its own routes: the account, households, settings, categories and
// suggestions; the period's lists, totals and charts. Each part is what its own route answers,
// with that route's status: fromStart and fromPeriod resolve or fail as api() would there.
import { api, ApiError, apiError } from './api.js';
import { primeCsrfToken } from './csrf.js';
import { period, periodRange, previousTwelve } from './period.js';

let beginStart;
const started = new Promise((resolve) => {
	beginStart = resolve;
});
// a start that failed: each module asks its own routes (fromStart), nothing unhandled
started.catch(() => {});
let beginSuggestions;
// the suggestions count every entry of the household: asked on their own, at the same time,
// so that what the table waits for (account, settings, categories) is not held up by them
const suggested = new Promise((resolve) => {
	beginSuggestions = resolve;
});
suggested.catch(() => {});
// the parts of the period shown, by query: app.js, reports.js and the budget chart share them
const periods = new Map();

function shiftMonth(month, delta) {
	const [y, m] = month.split('-').map(Number);
	const d = new Date(Date.UTC(y, m - 1 + delta, 1));
	return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** What a period around a month (YYYY-MM) needs: its range, the range before, its budget and trend. */
function periodQuery(month) {
	const { from, to } = periodRange(month);
	const before = previousTwelve(month);
	const q = new URLSearchParams({ from, to, before_from: before.from, before_to: before.to });
	if (period.kind === 'month') q.set('budget', month);
	const end = to.slice(0, 7);
	for (const year of new Set([shiftMonth(end, -11).slice(0, 4), end.slice(0, 4)])) q.append('year', year);
	return q.toString();
}

function answer(parts, name) {
	const part = parts && parts[name];
	if (!part) throw new ApiError(`Request failed (no ${name} in the answer)`, 0);
	if (part.status < 200 || part.status >= 300) {
		throw apiError(part.status, part.body ?? null, part.body === undefined ? '' : JSON.stringify(part.body));
	}
	const cursor = part.next_cursor ?? null;
	return { data: part.body ?? null, headers: { get: (header) => (header.toLowerCase() === 'x-next-cursor' ? cursor : null) } };
}

/**
 * Asks for the start once, and at the same time for the period around month (app.js, once
 * it has read the address): three requests the server answers side by side, so the table
 * waits neither for the suggestions nor for the start's other parts longer than it must.
 */
export function start(month) {
	const parts = api('GET', '/api/v1/bootstrap?parts=page').then(({ data }) => {
		if (data && data.csrf && data.csrf.status === 200 && data.csrf.body) primeCsrfToken(data.csrf.body.token || '');
		return data;
	});
	beginStart(parts);
	beginSuggestions(api('GET', '/api/v1/bootstrap?parts=suggestions').then(({ data }) => data));
	loadPeriod(month).catch(() => {});
	return parts;
}

/**
 * A start part ("account", "settings", "values.expense.category", ...) as api('GET', path)
 * answers it; without a start (it failed: an older server, the network) api() is asked.
 */
export function fromStart(name, path) {
	const asked = name.startsWith('values.') ? suggested : started;
	return asked.then((parts) => answer(parts, name), () => api('GET', path));
}

/**
 * Asks for the period around month anew (app.js, when it shows a period): what the charts
 * then read is this answer.
 */
export function loadPeriod(month) {
	const query = periodQuery(month);
	const parts = api('GET', `/api/v1/bootstrap/period?${query}`).then(({ data }) => data);
	periods.clear();
	periods.set(query, parts);
	return parts;
}

/**
 * A part of the period around month as api('GET', path) answers it: from the period's answer
 * asked last (or asked now); without one (it failed) api() is asked.
 */
export function fromPeriod(month, name, path) {
	const query = periodQuery(month);
	if (!periods.has(query)) periods.set(query, api('GET', `/api/v1/bootstrap/period?${query}`).then(({ data }) => data));
	return periods.get(query).then((parts) => answer(parts, name), () => api('GET', path));
}

/** Something changed (an entry, a category, a rate): the next periodPart asks again. */
export function forgetPeriods() {
	periods.clear();
}
