// The v1 API over fetch. Every failure becomes an ApiError with a readable message and,
// for 422 validation errors, the message per field (from loc[1]) and per place in the body
// (issues: "target.amount"). In sign-in mode every
// change carries the session's CSRF token, and a 401 (signed out, session expired) opens the
// sign-in page.
import { csrfToken, forgetCsrfToken } from './csrf.js';

const CSRF_REFUSED = 'CSRF token missing or invalid';

const FIELD_NAMES = {
	date: 'Date', business: 'Business', category: 'Category', amount: 'Amount',
	account: 'Account', currency: 'Currency', notes: 'Notes', ids: 'Selection',
	name: 'Name', parent_id: 'Group', colour: 'Colour', into: 'Merge into', rate: 'Rate', quote: 'In',
	base_currency: 'Base currency',
};

/**
 * The API's validation messages for people: "Value error, a rate is greater than 0" reads
 * "A rate is greater than 0".
 */
export function humanMessage(message) {
	// "Invalid amount: Input should be ..." (a cell's PATCH): the field is already known
	const original = String(message || '').replace(/^Invalid [a-z_ ]+: (?=Input should|Field required|String should)/, '');
	const plain = PLAIN_WORDING.find(([pattern]) => pattern.test(original));
	const text = plain ? original.replace(plain[0], plain[1]) : original.replace(/^Value error, /, '');
	return text ? text[0].toUpperCase() + text.slice(1) : text;
}

// The API's 422 bodies keep their (pydantic-style) wording for scripts; people read these.
const PLAIN_WORDING = [
	[/^Input should be a valid number.*$/, 'Enter a number, like 12.50'],
	[/^Input should be a valid integer.*$/, 'Enter a whole number'],
	[/^Input should be a valid date.*$/, 'Enter a date (year, month and day)'],
	[/^Input should be greater than or equal to 0$/, 'Enter 0 or more'],
	[/^Input should be greater than 0$/, 'Enter more than 0'],
	[/^Input should be a valid string$/, 'Enter text'],
	[/^Input should be a valid boolean$/, 'Choose yes or no'],
	[/^Field required$/, 'This is needed'],
	[/^String should have at most (\d+) characters?$/, 'At most $1 characters'],
	[/^String should have at least 1 character other than spaces$/, 'This is needed'],
	[/^Decimal input should have no more than (\d+) decimal places?$/, 'At most $1 digits after the decimal point'],
];

export class ApiError extends Error {
	constructor(message, status, fields) {
		super(message);
		this.status = status;
		this.fields = fields || {};
		this.issues = [];
	}
}

/**
 * One request. options.headers adds headers (If-Match); options.contentType sends body as it
 * is (a CSV file) instead of as JSON; a FormData body is sent as multipart.
 */
export async function api(method, path, body, options = {}) {
	const headers = { Accept: 'application/json', ...(options.headers || {}) };
	if (method !== 'GET' && method !== 'HEAD') {
		const csrf = await csrfToken();
		if (csrf) headers['X-XSRF-TOKEN'] = csrf;
	}
	const init = { method, headers };
	if (body instanceof FormData) {
		// multipart (a statement upload): the browser writes the Content-Type with its boundary
		init.body = body;
	}
	else if (body !== undefined && options.contentType) {
		headers['Content-Type'] = options.contentType;
		init.body = body;
	}
	else if (body !== undefined) {
		headers['Content-Type'] = 'application/json';
		init.body = JSON.stringify(body);
	}
	let response;
	try {
		response = await fetch(path, init);
	}
	catch (e) {
		throw new ApiError('Could not reach the server. Check the connection and try again.', 0);
	}
	if (response.status === 401) {
		// not while signing out: the sign-out's own page (/login?signed-out) is on its way
		if (!document.body.dataset.signingOut) window.location.assign('/login');
		throw new ApiError('Signed out. Please sign in again.', 401);
	}
	const text = await response.text();
	let data = null;
	if (text) {
		try {
			data = JSON.parse(text);
		}
		catch (e) {
			data = null;
		}
	}
	if (response.status === 403 && data && data.detail === CSRF_REFUSED && !options.retried) {
		// the session's token changed since this page asked for it: once more with the new one
		forgetCsrfToken();
		return api(method, path, body, { ...options, retried: true });
	}
	if (!response.ok) throw toError(response.status, data, text);
	return { data, headers: response.headers };
}

/** The ApiError of a status and body (the start's parts, bootstrap.js, fail like their routes). */
export function apiError(status, data, text) {
	return toError(status, data, text);
}

function toError(status, data, text) {
	if (data && Array.isArray(data.detail)) {
		const fields = {};
		const general = [];
		for (const item of data.detail) {
			const loc = Array.isArray(item.loc) ? item.loc : [];
			const field = typeof loc[1] === 'string' ? loc[1] : null;
			const msg = humanMessage(item.msg) || 'Invalid value';
			if (field) fields[field] = fields[field] ? `${fields[field]}; ${msg}` : msg;
			else general.push(msg);
		}
		const parts = Object.entries(fields).map(([f, m]) => `${FIELD_NAMES[f] || f}: ${m}`).concat(general);
		const error = new ApiError(parts.join('. ') || `Invalid request (HTTP ${status})`, status, fields);
		// every message with its whole place in the body ("target.amount"), for nested fields
		error.issues = data.detail.map((item) => ({
			path: (Array.isArray(item.loc) ? item.loc.slice(1) : []).join('.'),
			message: humanMessage(item.msg) || 'Invalid value',
		}));
		return error;
	}
	if (data && typeof data.detail === 'string') {
		// a cell's PATCH answers 400 "Invalid amount: Input should be ...": in plain words too
		const plain = /(^|: )(Input should|Field required|String should)/.test(data.detail) ? humanMessage(data.detail) : data.detail;
		return new ApiError(plain, status);
	}
	if (status === 503) return new ApiError('The database is unavailable. Try again in a moment.', status);
	const snippet = text && text.length < 200 && !text.trim().startsWith('<') ? `: ${text.trim()}` : '';
	return new ApiError(`Request failed (HTTP ${status})${snippet}`, status);
}
