// Home Budget web UI: plain ES module, no build step. Talks to the v1 API only.
import { api, ApiError } from './api.js';
import { forgetPeriods, fromPeriod, fromStart, loadPeriod, start } from './bootstrap.js';
import { categoriesAvailable, loadCategories } from './categories.js';
import { readOnly } from './households.js';
import { COMMON_CURRENCIES, amountIn, currencyCode, currencySymbol, money, noRateText } from './money.js';
import { attachPicker, confirmNewCategory, isNewCategory } from './picker.js';
import { addEditControls, balanceMembers, householdShares, memberName, payerControlsShown } from './split.js';
import { historyAvailable, restoreFromTrash, showHistory, undoToast } from './history.js';
import { isNegative, readAmount } from './amount-input.js';
import { askNegativeExpense, highlightRow } from './capture.js';
import { choosePeriod, period, periodName, periodRange, periodWord, readPeriod, writePeriod } from './period.js';
import { phoneQuery, renderCards, wireCards } from './phone-list.js';

const KINDS = {
	expense: {
		kind: 'expense', one: 'expense', title: 'Expenses', path: '/api/v1/expense', key: 'expense',
		fields: ['date', 'business', 'category', 'amount', 'account', 'currency', 'notes'],
	},
	income: {
		kind: 'income', one: 'income', title: 'Incomes', path: '/api/v1/income', key: 'income',
		fields: ['date', 'category', 'amount', 'account', 'currency', 'notes'],
	},
};
const LABELS = {
	date: 'Date', business: 'Business', category: 'Category', amount: 'Amount',
	account: 'Account', currency: 'Currency', notes: 'Notes',
};
const SUGGESTED = ['business', 'category', 'account'];
const PAGE_SIZE = 500;
const DEFAULT_CURRENCY = '\u20aa';
const MONTH_NAME = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });

const mobileQuery = window.matchMedia('(max-width: 767.98px)');

const state = {
	month: currentMonth(),
	filters: { q: '', category: '', account: '', paid_by: '' },
	rows: { expense: [], income: [] },
	next: { expense: null, income: null },
	selecting: { expense: false, income: false },
	selected: { expense: new Set(), income: new Set() },
	loadSeq: 0,
	// sign-in mode with more than one member: expense rows show who paid and an "Edit" button
	payers: false,
	// the household's base currency (ILS until an owner changes it; ILS in the JSON era too)
	base: 'ILS',
	// the currency of the month's expenses when they are all in one (the category chart's)
	expenseCurrency: null,
	// the server keeps history and a trash (PostgreSQL primary): rows get "History", deletes Undo
	history: false,
};

// resolves once the base currency is known (see loadSettings)
let settingsReady = Promise.resolve();
// resolves once it is known whether the server keeps history (rows get "History", deletes Undo)
const historyReady = historyAvailable().then((yes) => {
	state.history = yes;
});

// ---------- helpers ----------

function $(selector, root = document) {
	return root.querySelector(selector);
}

function esc(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function currentMonth() {
	const now = new Date();
	return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

function shiftMonth(month, delta) {
	const [y, m] = month.split('-').map(Number);
	const d = new Date(Date.UTC(y, m - 1 + delta, 1));
	return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

// Amounts arrive as JSON numbers with at most 2 decimals; integer cents keep sums exact.
function cents(value) {
	return Math.round(Number(value) * 100);
}

function fromCents(c) {
	return c / 100;
}

function rawValue(field, value) {
	if (value === null || value === undefined) return '';
	if (field === 'amount') return Number(value).toFixed(2);
	return String(value);
}

function isMobile() {
	return mobileQuery.matches;
}

function describe(kind, row) {
	const who = kind === 'expense' && row.business ? row.business : row.category;
	return `${row.date} ${who || ''} ${money(row.amount)}`.replace(/\s+/g, ' ').trim();
}

// ---------- toasts ----------

function toast(message, kind = 'success') {
	const area = $('#toasts');
	const el = document.createElement('div');
	el.className = `app-toast ${kind === 'error' ? 'app-toast-error' : 'app-toast-ok'}`;
	el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
	el.textContent = message;
	area.append(el);
	setTimeout(() => el.classList.add('hide'), kind === 'error' ? 6000 : 2500);
	setTimeout(() => el.remove(), kind === 'error' ? 6500 : 3000);
}

function errorText(error) {
	return error instanceof ApiError ? error.message : `Unexpected error: ${error && error.message ? error.message : error}`;
}

// ---------- field markup (add form and bottom sheet) ----------

function inputHtml(prefix, kind, field, value, sheet) {
	const id = `${prefix}-${field}`;
	const common = `id="${id}" name="${field}" aria-describedby="${id}-error" class="form-control form-control-sm"`;
	let control;
	if (field === 'date') {
		control = `<input type="date" ${common} value="${esc(value)}" required>`;
	}
	else if (field === 'amount') {
		control = `<input type="text" inputmode="decimal" ${common} value="${esc(value)}" required placeholder="0.00">`;
	}
	else if (field === 'notes' && sheet) {
		control = `<textarea rows="2" dir="auto" ${common}>${esc(value)}</textarea>`;
	}
	else if (field === 'currency') {
		control = `<input type="text" ${common} list="dl-currency" value="${esc(value)}" maxlength="3" autocapitalize="characters">`;
	}
	else {
		const list = SUGGESTED.includes(field) ? ` list="dl-${kind}-${field}"` : '';
		control = `<input type="text" dir="auto" ${common}${list} value="${esc(value)}">`;
	}
	return `<div class="field field-${field}"><label for="${id}" class="form-label small mb-0">${LABELS[field]}</label>${control}`
		+ `<div class="invalid-feedback" id="${id}-error"></div></div>`;
}

function formValues(form, kind) {
	const body = {};
	for (const field of KINDS[kind].fields) {
		const el = form.elements[field];
		if (!el) continue;
		body[field] = el.value;
	}
	body.currency = body.currency.trim() === '' ? DEFAULT_CURRENCY : body.currency;
	if (body.notes === '') body.notes = null;
	// "1,234.50", "1.234,50" and "12,5" go as 1234.50 and 12.5 (amountRefused asked first)
	if (typeof body.amount === 'string' && readAmount(body.amount).value !== undefined) body.amount = readAmount(body.amount).value;
	// who paid / for whom (split.js adds them in sign-in mode with more than one member). On the
	// edit sheet they carry the row's values in data-initial and are sent only when changed, so an
	// untouched row keeps its payer and shares ("Custom split" is never a change).
	const changed = (el) => el.dataset.initial === undefined || el.value !== el.dataset.initial;
	const paidBy = form.elements.paid_by;
	if (kind === 'expense' && paidBy && changed(paidBy)) body.paid_by = paidBy.value === '' ? null : Number(paidBy.value);
	const forWhom = form.elements.for_whom;
	if (kind === 'expense' && forWhom && forWhom.value === 'household') {
		// the household's default split, as shares (or an equal split where the amount is not
		// a number yet: the server then answers about the amount)
		const shares = householdShares(body.amount);
		if (shares) body.shares = shares;
		else body.for_whom = 'shared';
	}
	else if (kind === 'expense' && forWhom && changed(forWhom) && forWhom.value !== 'custom') {
		body.for_whom = forWhom.value === 'shared' ? 'shared' : Number(forWhom.value);
	}
	return body;
}

function clearErrors(form) {
	form.querySelectorAll('.is-invalid').forEach((el) => {
		el.classList.remove('is-invalid');
		el.removeAttribute('aria-invalid');
	});
	form.querySelectorAll('.invalid-feedback').forEach((el) => {
		el.textContent = '';
	});
	const general = form.querySelector('.form-error');
	if (general) general.textContent = '';
}

function showErrors(form, error) {
	clearErrors(form);
	const shown = [];
	for (const [field, msg] of Object.entries(error.fields || {})) {
		const el = form.elements[field];
		if (el) {
			el.classList.add('is-invalid');
			el.setAttribute('aria-invalid', 'true');
			$(`#${el.id}-error`).textContent = msg;
			shown.push(field);
		}
	}
	const general = form.querySelector('.form-error');
	if (general && shown.length === 0) general.textContent = error.message;
	const first = form.querySelector('.is-invalid');
	if (first) first.focus();
}

// An amount that can be read two ways ("1,234") is refused next to the field, before sending.
function amountRefused(form) {
	const input = form.elements.amount;
	if (!input) return false;
	const { error } = readAmount(input.value);
	if (!error) return false;
	showErrors(form, { fields: { amount: error }, message: error });
	return true;
}

// A negative expense is asked about ("A refund?") before it is saved.
async function negativeConfirmed(form, kind) {
	const input = form.elements.amount;
	if (kind !== 'expense' || !input || !isNegative(input.value)) return true;
	return askNegativeExpense(form, input);
}

// ---------- sections (tables, add forms) ----------

function sectionHtml(kind) {
	const cfg = KINDS[kind];
	const head = cfg.fields.map((f) => `<th scope="col" class="col-${f}">${LABELS[f]}</th>`).join('');
	const form = cfg.fields.map((f) => inputHtml(`add-${kind}`, kind, f, f === 'currency' ? DEFAULT_CURRENCY : '', false)).join('');
	return `
	<div class="d-flex align-items-center gap-2 mb-1">
		<h2 class="h5 m-0 me-auto" id="${kind}-heading">${cfg.title}</h2>
		<span class="small text-body-secondary" id="${kind}-summary" aria-live="polite"></span>
		<a class="btn btn-outline-secondary btn-sm" data-export download="${kind === 'expense' ? 'expenses' : 'incomes'}.csv" href="${KINDS[kind].path}/export" aria-label="Export the ${cfg.title.toLowerCase()} shown as CSV">Export CSV</a>
		<button type="button" class="btn btn-outline-secondary btn-sm" data-action="toggle-select" aria-pressed="false">Select</button>
	</div>
	${addBarHtml(kind, form)}
	<div class="phone-list"></div>
	<div class="table-responsive">
		<table class="table table-sm table-hover align-middle entry-table mb-1" id="${kind}-table" aria-labelledby="${kind}-heading">
			<thead><tr><th scope="col" class="col-check"><input type="checkbox" class="form-check-input" data-action="select-all" aria-label="Select all ${cfg.title.toLowerCase()}"></th>${head}<th scope="col" class="col-actions"><span class="visually-hidden">Actions</span></th></tr></thead>
			<tbody></tbody>
		</table>
	</div>
	<p class="small text-body-secondary empty-hint" hidden>No ${cfg.title.toLowerCase()} in this month.</p>
	<button type="button" class="btn btn-link btn-sm more-btn" data-action="more" hidden>Show more</button>
	<div class="bulk-bar" hidden>
		<button type="button" class="btn btn-outline-secondary btn-sm" data-action="toggle-select">Cancel</button>
		<span class="small selected-count" aria-live="polite">0 selected</span>
		<button type="button" class="btn btn-danger btn-sm" data-action="bulk-delete" disabled>Delete selected</button>
		<span class="bulk-confirm" hidden>
			<span class="small">Delete <span class="bulk-n"></span>?</span>
			<button type="button" class="btn btn-danger btn-sm" data-action="bulk-confirm">Yes, delete</button>
			<button type="button" class="btn btn-outline-secondary btn-sm" data-action="bulk-cancel">No</button>
		</span>
	</div>
	`;
}

// The add bar at the top of the list: it stays open after a save, for the next entry
// (N opens it from anywhere, see capture.js).
function addBarHtml(kind, form) {
	const cfg = KINDS[kind];
	const shortcut = kind === 'expense' ? ' aria-keyshortcuts="N" title="Add expense (N)"' : '';
	return `<button type="button" class="btn btn-primary btn-sm add-btn mb-2" data-action="open-add" id="add-${kind}-open"${shortcut}>Add ${cfg.one}</button>
	<form class="card add-form mb-2" hidden novalidate autocomplete="off" aria-label="Add ${cfg.one}" id="add-${kind}-form">
		<div class="card-body p-2">
			<div class="add-grid">${form}</div>
			<div class="form-error text-danger small" role="alert"></div>
			<div class="mt-2 d-flex flex-wrap align-items-center gap-2">
				<button type="submit" class="btn btn-success btn-sm">Save</button>
				<button type="button" class="btn btn-outline-secondary btn-sm" data-action="close-add">Close</button>
				<span class="small text-body-secondary add-hint">Stays open for the next one${kind === 'expense' ? '; press N for a new expense from anywhere' : ''}. Amounts like 1,234.50 or 1.234,50 are fine.</span>
			</div>
		</div>
	</form>`;
}

const TRASH = '<svg viewBox="0 0 16 16" width="16" height="16" fill="currentColor" aria-hidden="true"><path d="M5.5 5.5A.5.5 0 0 1 6 6v6a.5.5 0 0 1-1 0V6a.5.5 0 0 1 .5-.5m2.5 0a.5.5 0 0 1 .5.5v6a.5.5 0 0 1-1 0V6a.5.5 0 0 1 .5-.5m3 .5a.5.5 0 0 0-1 0v6a.5.5 0 0 0 1 0z"/><path d="M14.5 3a1 1 0 0 1-1 1H13v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V4h-.5a1 1 0 0 1-1-1V2a1 1 0 0 1 1-1H6a1 1 0 0 1 1-1h2a1 1 0 0 1 1 1h3.5a1 1 0 0 1 1 1zM4.118 4 4 4.059V13a1 1 0 0 0 1 1h6a1 1 0 0 0 1-1V4.059L11.882 4zM2.5 3h11V2h-11z"/></svg>';

const CLOCK = '<svg viewBox="0 0 16 16" width="16" height="16" fill="currentColor" aria-hidden="true"><path d="M8 3.5a.5.5 0 0 0-1 0V9a.5.5 0 0 0 .252.434l3.5 2a.5.5 0 0 0 .496-.868L8 8.71z"/><path d="M8 16A8 8 0 1 0 8 0a8 8 0 0 0 0 16m7-8A7 7 0 1 1 1 8a7 7 0 0 1 14 0"/></svg>';

const TEXT_FIELDS = ['business', 'category', 'account', 'notes'];

function cellHtml(field, value) {
	if (field === 'amount') return money(value);
	if (field === 'currency') return esc(value);
	// the cell itself has dir="auto" (rowHtml): an inner dir would hide the text from it
	if (TEXT_FIELDS.includes(field)) return `<span class="cell-text">${esc(value)}</span>`;
	if (field === 'date' && typeof value === 'string' && value.length === 10) {
		return `<time datetime="${esc(value)}"><span class="year">${esc(value.slice(0, 5))}</span>${esc(value.slice(5))}</time>`;
	}
	return esc(value);
}

// Who paid, read-only (changed on the edit sheet): no data-field, so no inline edit.
function paidByHtml(row) {
	if (row.paid_by == null) return '<td class="col-paid_by text-body-secondary" title="Unknown payer"><span aria-hidden="true">\u2013</span><span class="visually-hidden">unknown</span></td>';
	const name = memberName(row.paid_by);
	return `<td class="col-paid_by" dir="auto" title="${esc(name)}">${esc(name)}</td>`;
}

function rowHtml(kind, row) {
	const cfg = KINDS[kind];
	const checked = state.selected[kind].has(row.id) ? ' checked' : '';
	const cells = cfg.fields.map((f) => {
		const phoneCurrency = f === 'amount' ? `<span class="cur-phone">${esc(row.currency)}\u00a0</span>` : '';
		const dir = TEXT_FIELDS.includes(f) ? ' dir="auto"' : '';
		return `<td class="col-${f}" data-field="${f}"${dir} tabindex="-1" title="${esc(f === 'amount' ? money(row[f]) : row[f])}">${phoneCurrency}${cellHtml(f, row[f])}</td>`;
	}).join('');
	const payers = state.payers && kind === 'expense';
	// Inline cell edits never touch the payers: on a wider screen "Edit" opens the edit sheet,
	// which has them (on a phone, tapping the row does).
	const edit = payers ? `<button type="button" class="btn btn-link btn-sm p-0 me-2 edit-row" data-action="edit" aria-label="Edit ${cfg.one} ${esc(describe(kind, row))}">Edit</button>` : '';
	const history = state.history ? `<button type="button" class="btn btn-link btn-sm p-0 me-2 history-row" data-action="history" aria-label="History of ${cfg.one} ${esc(describe(kind, row))}">${CLOCK}</button>` : '';
	return `<tr data-id="${row.id}" data-kind="${kind}">`
		+ `<td class="col-check"><input type="checkbox" class="form-check-input" data-action="select-row" aria-label="Select ${cfg.one} ${esc(describe(kind, row))}"${checked}></td>`
		+ cells
		+ (payers ? paidByHtml(row) : '')
		+ `<td class="col-actions">${edit}${history}<span class="confirm" hidden><span class="small">Delete?</span> <button type="button" class="btn btn-danger btn-sm py-0" data-action="delete-confirm">Delete</button> <button type="button" class="btn btn-secondary btn-sm py-0" data-action="delete-cancel">Cancel</button></span>`
		+ `<button type="button" class="btn btn-link btn-sm p-0 me-2 repeat-row" data-action="make-recurring" aria-label="Repeat ${cfg.one} ${esc(describe(kind, row))} (make recurring)"><span aria-hidden="true" class="repeat-icon">\u21bb</span><span class="repeat-text">Repeat</span></button>`
		+ `<button type="button" class="btn btn-link btn-sm p-0 trash" data-action="delete" aria-label="Delete ${cfg.one} ${esc(describe(kind, row))}">${TRASH}</button></td></tr>`;
}

function section(kind) {
	return document.getElementById(`${kind}-section`);
}

function showPayers() {
	state.payers = true;
	const head = $('thead .col-actions', section('expense'));
	head.insertAdjacentHTML('beforebegin', '<th scope="col" class="col-paid_by">Paid by</th>');
	renderTable('expense');
}

function renderTable(kind) {
	const sec = section(kind);
	const rows = state.rows[kind];
	sec.classList.toggle('selecting', state.selecting[kind]);
	$('tbody', sec).innerHTML = rows.map((r) => rowHtml(kind, r)).join('');
	renderPhoneCards(kind);
	const firstCell = $('tbody td[data-field]', sec);
	if (firstCell) firstCell.tabIndex = 0;
	$('.empty-hint', sec).hidden = rows.length > 0;
	const anyFilter = filtersActive();
	$('.empty-hint', sec).textContent = anyFilter ? `No ${KINDS[kind].title.toLowerCase()} in ${periodWord()} match the filters.`
		: `No ${KINDS[kind].title.toLowerCase()} in ${periodWord()}.`;
	$('.more-btn', sec).hidden = !state.next[kind];
	// the server writes every row of the month and filters, also those not loaded yet
	$('[data-export]', sec).href = exportPath(kind);
	// never one sum of two currencies: one total per currency shown
	const totals = new Map();
	for (const r of rows) {
		const code = currencyCode(r.currency) || String(r.currency);
		totals.set(code, (totals.get(code) || 0) + cents(r.amount));
	}
	const shown = [...totals].map(([code, c]) => amountIn(fromCents(c), code)).join(' + ');
	const filtered = filtersActive();
	$(`#${kind}-summary`).textContent = `${rows.length}${state.next[kind] ? '+' : ''} ${rows.length === 1 ? 'entry' : 'entries'}`
		+ (filtered && rows.length ? `, shown total ${shown}` : '');
	updateSelection(kind);
}

// The phone's cards (phone-list.js) of the rows loaded; nothing on a wider screen.
function renderPhoneCards(kind) {
	renderCards($('.phone-list', section(kind)), kind, state.rows[kind],
		{ selecting: state.selecting[kind], selected: state.selected[kind], payers: state.payers });
}

function updateSelection(kind) {
	const sec = section(kind);
	const selected = state.selected[kind];
	const rows = state.rows[kind];
	const all = $('[data-action="select-all"]', sec);
	all.disabled = rows.length === 0;
	all.checked = rows.length > 0 && rows.every((r) => selected.has(r.id));
	all.indeterminate = !all.checked && rows.some((r) => selected.has(r.id));
	$('.bulk-bar', sec).hidden = !state.selecting[kind];
	$('.selected-count', sec).textContent = `${selected.size} selected`;
	$('[data-action="bulk-delete"]', sec).disabled = selected.size === 0;
	$('[data-action="toggle-select"]', sec).textContent = state.selecting[kind] ? 'Cancel' : 'Select';
	$('[data-action="toggle-select"]', sec).setAttribute('aria-pressed', String(state.selecting[kind]));
}

function replaceRow(kind, row) {
	const i = state.rows[kind].findIndex((r) => r.id === row.id);
	if (i >= 0) state.rows[kind][i] = row;
	const tr = $(`tr[data-id="${row.id}"]`, section(kind));
	if (tr) tr.outerHTML = rowHtml(kind, row);
}

// ---------- loading ----------

function listQuery(kind, cursor) {
	const { from, to } = periodRange(state.month);
	const p = filterParams(kind, new URLSearchParams({ from, to, limit: String(PAGE_SIZE) }));
	if (cursor) p.set('cursor', cursor);
	return `${KINDS[kind].path}?${p}`;
}

/** The CSV export of what the table shows: the month and the filters, every page. */
function exportPath(kind) {
	const p = new URL(listQuery(kind), location.origin).searchParams;
	p.delete('limit');
	return `${KINDS[kind].path}/export?${p}`;
}

// Servers without the query API ignore the parameters and return everything: keep the period here.
function inMonth(row) {
	const { from, to } = periodRange(state.month);
	return typeof row.date === 'string' && row.date >= from && row.date <= to;
}

function filtersActive() {
	return Object.values(state.filters).some((v) => v.trim() !== '');
}

// The filters as list parameters (paid_by only for expenses: incomes have no payer).
function filterParams(kind, params) {
	for (const [k, v] of Object.entries(state.filters)) {
		if (k === 'paid_by' && kind !== 'expense') continue;
		if (v.trim() !== '') params.set(k, v.trim());
	}
	return params;
}

async function loadKind(kind) {
	showKind(kind, await fetchKind(kind));
}

// ofPeriod: from the period's one answer (bootstrap.js) when nothing is filtered (a period shown)
async function fetchKind(kind, ofPeriod = false) {
	const seq = state.loadSeq;
	const { data, headers } = await (ofPeriod && !filtersActive() ? fromPeriod(state.month, kind, listQuery(kind)) : api('GET', listQuery(kind)));
	// the rows' buttons depend on it: known before the first render (asked in parallel)
	await historyReady;
	return { seq, data, headers };
}

function showKind(kind, { seq, data, headers }) {
	if (seq !== state.loadSeq) return;
	state.rows[kind] = data.filter(inMonth);
	state.next[kind] = headers.get('X-Next-Cursor');
	state.selected[kind] = new Set([...state.selected[kind]].filter((id) => state.rows[kind].some((r) => r.id === id)));
	renderTable(kind);
}

async function loadMore(kind) {
	try {
		const { data, headers } = await api('GET', listQuery(kind, state.next[kind]));
		state.rows[kind] = state.rows[kind].concat(data.filter(inMonth));
		state.next[kind] = headers.get('X-Next-Cursor');
		renderTable(kind);
	}
	catch (e) {
		toast(`Could not load more ${KINDS[kind].title.toLowerCase()}: ${errorText(e)}`, 'error');
	}
}

// The month's totals: with one currency the v1 body (in that currency, read from one of the
// month's entries); with several, each currency's own figures and, when every entry has a
// rate, their sum converted into the base currency.
async function loadTotals() {
	showTotals(await fetchTotals());
}

function showTotals({ seq, data, filters }) {
	if (seq !== state.loadSeq) return;
	renderTotals(data);
	renderTotalsCaption(filters);
}

async function fetchTotals(ofPeriod = false) {
	const { from, to } = periodRange(state.month);
	const seq = state.loadSeq;
	const filters = { ...state.filters };
	let data;
	if (filtersActive()) {
		data = await filteredTotals(from, to);
	}
	else {
		try {
			const path = `/api/v1/reports/totals?from=${from}&to=${to}`;
			data = (await (ofPeriod ? fromPeriod(state.month, 'totals', path) : api('GET', path))).data;
		}
		catch (e) {
			if (!(e instanceof ApiError) || e.status !== 404) throw e;
			data = await totalsFromLists(from, to);
		}
	}
	await settingsReady;
	if (!data.by_currency && data.single === undefined) data.single = await monthCurrency(data, from, to, ofPeriod && !filtersActive());
	return { seq, data, filters };
}

const FILTER_WORDS = { q: 'text', category: 'category', account: 'account', paid_by: 'payer' };

// Says which period the cards add up, and that they count only the filtered entries.
function renderTotalsCaption(filters) {
	const active = Object.entries(filters).filter(([, v]) => v.trim() !== '');
	const payer = $('#filter-paid_by');
	const named = active.map(([k, v]) => {
		const shown = k === 'paid_by' && payer.selectedOptions[0] ? payer.selectedOptions[0].textContent.replace(/^Paid by /, '') : v.trim();
		return `${FILTER_WORDS[k]} \u201c${shown}\u201d`;
	});
	$('#totals-period').textContent = `Totals for ${periodName(state.month)}`
		+ (named.length ? `, only entries matching ${named.join(', ')}` : '');
	$('#totals-period').classList.toggle('filtered', named.length > 0);
}

// The totals of the entries the filters match: the expenses' from their summary (filtered on the
// server like the list; converted into the base currency when there are several), the incomes'
// from the matching rows, page by page (bounded: at most 20 pages of 500), per currency.
async function filteredTotals(from, to) {
	const { data: spent } = await api('GET', `/api/v1/expense/summary?${filterParams('expense', new URLSearchParams({ from, to }))}`);
	const per = new Map();
	const line = (code) => per.get(code) || { currency: code, expenses: 0, incomes: 0, expense_count: 0, income_count: 0 };
	if (Array.isArray(spent.by_currency)) {
		for (const c of spent.by_currency) per.set(c.currency, { ...line(c.currency), expenses: cents(c.total), expense_count: c.count });
	}
	else if (spent.count > 0) {
		const { data: one } = await api('GET', `/api/v1/expense?${filterParams('expense', new URLSearchParams({ from, to, limit: '1' }))}`);
		const code = (one[0] && currencyCode(one[0].currency)) || state.base;
		per.set(code, { ...line(code), expenses: cents(spent.total), expense_count: spent.count });
	}
	let cursor = null;
	let pages = 0;
	do {
		const p = filterParams('income', new URLSearchParams({ from, to, limit: String(PAGE_SIZE) }));
		if (cursor) p.set('cursor', cursor);
		const { data: rows, headers } = await api('GET', `${KINDS.income.path}?${p}`);
		for (const r of rows.filter(inMonth)) {
			const code = currencyCode(r.currency) || DEFAULT_CURRENCY;
			const t = line(code);
			t.incomes += cents(r.amount);
			t.income_count += 1;
			per.set(code, t);
		}
		cursor = headers.get('X-Next-Cursor');
		pages += 1;
	} while (cursor && pages < 20);
	const list = [...per.values()].map((t) => ({ ...t, expenses: fromCents(t.expenses), incomes: fromCents(t.incomes),
		balance: fromCents(t.incomes - t.expenses) }));
	if (list.length > 1) {
		// incomes are not converted here: no total in the base currency, each currency's own
		return { by_currency: list.sort((a, b) => a.currency.localeCompare(b.currency)), currency: state.base, complete: false, unconverted: 0, filtered: true };
	}
	const one = list[0] || { currency: state.base, expenses: 0, incomes: 0, expense_count: 0, income_count: 0 };
	return { ...one, balance: fromCents(cents(one.incomes) - cents(one.expenses)), single: one.currency };
}

// Older server without reports: the month's unfiltered lists, per currency.
async function totalsFromLists(from, to) {
	const [ex, inc] = await Promise.all(['expense', 'income'].map((k) => api('GET', `${KINDS[k].path}?from=${from}&to=${to}`)));
	const per = new Map();
	for (const [rows, field, count] of [[ex.data, 'expenses', 'expense_count'], [inc.data, 'incomes', 'income_count']]) {
		for (const r of rows.filter(inMonth)) {
			const code = currencyCode(r.currency) || DEFAULT_CURRENCY;
			const t = per.get(code) || { currency: code, expenses: 0, incomes: 0, expense_count: 0, income_count: 0 };
			t[field] += cents(r.amount);
			t[count] += 1;
			per.set(code, t);
		}
	}
	const list = [...per.values()].map((t) => ({ ...t, expenses: fromCents(t.expenses), incomes: fromCents(t.incomes),
		balance: fromCents(t.incomes - t.expenses) }));
	if (list.length > 1) return { by_currency: list, currency: state.base, complete: false, unconverted: list.length };
	const one = list[0] || { currency: state.base, expenses: 0, incomes: 0, expense_count: 0, income_count: 0 };
	return { ...one, balance: one.incomes - one.expenses, single: one.currency };
}

// The one currency of a month whose totals came as a v1 body: that of any of its entries.
// ofPeriod: the period's list (bootstrap.js) has the rows already.
async function monthCurrency(data, from, to, ofPeriod) {
	const kind = data.expense_count > 0 ? 'expense' : data.income_count > 0 ? 'income' : null;
	if (!kind) return state.base;
	try {
		const path = `${KINDS[kind].path}?from=${from}&to=${to}&limit=1`;
		const { data: rows } = await (ofPeriod ? fromPeriod(state.month, kind, path) : api('GET', path));
		return (rows[0] && currencyCode(rows[0].currency)) || state.base;
	}
	catch (e) {
		return state.base;
	}
}

const CARDS = [
	{ field: 'expenses', id: 'total-expenses', count: (c) => c.expense_count > 0 },
	{ field: 'incomes', id: 'total-incomes', count: (c) => c.income_count > 0 },
	{ field: 'balance', id: 'total-balance', count: (c) => c.expense_count > 0 || c.income_count > 0 },
];

function renderTotals(data) {
	const several = Array.isArray(data.by_currency);
	const expenseCodes = several ? data.by_currency.filter((c) => c.expense_count > 0).map((c) => c.currency) : [data.single];
	state.expenseCurrency = expenseCodes.length === 1 ? expenseCodes[0] : null;
	for (const card of CARDS) {
		const output = $(`#${card.id}`);
		const symbol = $(`#${card.id}-currency`);
		const lines = $(`#${card.id}-lines`);
		const value = Number(data[card.field]);
		const headline = !several || data.complete;
		output.hidden = !headline;
		symbol.hidden = !headline;
		output.textContent = headline ? money(value) : '';
		symbol.textContent = headline ? `${several ? '\u2248\u00a0' : ''}${currencySymbol(several ? data.currency : data.single)}` : '';
		output.classList.toggle('text-danger-emphasis', card.field === 'balance' && headline && value < 0);
		output.classList.toggle('text-success-emphasis', card.field === 'balance' && headline && value > 0);
		if (several) {
			const items = data.by_currency.filter(card.count);
			lines.innerHTML = items.map((c) => `<li class="${card.field === 'balance' && Number(c.balance) < 0 ? 'text-danger-emphasis' : ''}">${esc(amountIn(c[card.field], c.currency))}</li>`).join('');
			lines.hidden = items.length === 0;
			lines.classList.toggle('lead-lines', !headline);
		}
		else {
			lines.innerHTML = '';
			lines.hidden = true;
		}
	}
	const note = $('#totals-note');
	note.hidden = !several;
	if (!several) return;
	const base = esc(currencySymbol(data.currency));
	$('#totals-note-text').innerHTML = data.filtered
		? `Each currency on its own: filtered totals are not converted into ${base}.`
		: data.complete
		? `\u2248 Converted into ${base} at the rate of each entry's date.`
		: `<strong>Incomplete: ${esc(noRateText(Number(data.unconverted)))}</strong>, so there is no total in ${base} yet.`;
	note.classList.toggle('alert-warning', !data.complete && !data.filtered);
	note.classList.toggle('alert-light', Boolean(data.complete || data.filtered));
}

// The month shown everywhere (header, totals, tables, charts) is the one whose data is on
// screen: a month that cannot be loaded changes nothing, and the header goes back to it.
let shownMonth = null;
// the first period shown is the start's (bootstrap.js)
let startedMonth = true;

async function loadMonth() {
	state.loadSeq += 1;
	const seq = state.loadSeq;
	const wanted = state.month;
	$('#month').value = wanted;
	// the first period came with the page's start; another is asked in one request (unless filtered)
	if (startedMonth) startedMonth = false;
	else if (!filtersActive()) loadPeriod(wanted).catch(() => {});
	const results = await Promise.allSettled([fetchKind('expense', true), fetchKind('income', true), fetchTotals(true)]);
	if (seq !== state.loadSeq) return;
	const failed = results.filter((r) => r.status === 'rejected');
	if (failed.length && shownMonth) {
		state.month = shownMonth;
		$('#month').value = shownMonth;
		toast(`Could not load ${periodName(wanted)}: ${errorText(failed[0].reason).replace(/\.?$/, '.')} Still showing ${periodName(shownMonth)}.`, 'error');
		return;
	}
	shownMonth = wanted;
	writeAddress();
	document.dispatchEvent(new CustomEvent('hb:period-shown', { detail: { month: state.month } }));
	const [expenses, incomes, totals] = results;
	if (expenses.status === 'fulfilled') showKind('expense', expenses.value);
	if (incomes.status === 'fulfilled') showKind('income', incomes.value);
	if (totals.status === 'fulfilled') showTotals(totals.value);
	if (failed.length) toast(`Could not load ${periodName(wanted)}: ${errorText(failed[0].reason)}`, 'error');
	showCharts();
}

// The address keeps the month, the period and the filters: a view can be bookmarked, and a
// reload shows it again (see readAddress).
function writeAddress() {
	const p = new URLSearchParams({ month: state.month });
	writePeriod(p);
	for (const [k, v] of Object.entries(state.filters)) {
		if (v.trim() !== '') p.set(k, v.trim());
	}
	history.replaceState(null, '', `?${p}`);
}

function readAddress(params) {
	if (/^\d{4}-\d{2}$/.test(params.get('month') || '')) state.month = params.get('month');
	readPeriod(params);
	if (period.kind === 'custom') state.month = period.from.slice(0, 7);
	for (const k of Object.keys(state.filters)) {
		const v = (params.get(k) || '').slice(0, 200);
		state.filters[k] = v;
		const input = $(`#filter-${k}`);
		if (k === 'paid_by' && v !== '' && input && ![...input.options].some((o) => o.value === v)) input.append(new Option(`Paid by #${v}`, v));
		if (input) input.value = v;
	}
}

function monthLabel(month) {
	const [y, m] = month.split('-').map(Number);
	return `${MONTH_NAME.format(new Date(Date.UTC(y, m - 1, 1)))} ${y}`;
}

async function refreshAfterChange(kind) {
	await Promise.allSettled([loadKind(kind), loadTotals().catch((e) => toast(errorText(e), 'error'))]);
	loadCharts();
	loadSuggestions();
	if (categoriesAvailable()) loadCategories();
}

// ---------- charts (reports.js draws them) ----------

// The charts follow the period and the filters: reports.js draws them for what the page shows.
function loadCharts() {
	// after a change: the charts ask for the period anew
	forgetPeriods();
	showCharts();
}

// The period just shown (loadMonth): the charts read its answer.
function showCharts() {
	document.dispatchEvent(new CustomEvent('hb:shown', { detail: {
		month: state.month, filters: { ...state.filters }, expenseCurrency: state.expenseCurrency, base: state.base,
	} }));
}

// ---------- suggestions ----------

// the first suggestions come with the page's start
let suggestionsFromStart = true;

async function loadSuggestions() {
	const fromTheStart = suggestionsFromStart;
	suggestionsFromStart = false;
	const wanted = [['expense', 'business'], ['expense', 'category'], ['expense', 'account'], ['income', 'category'], ['income', 'account']];
	const lists = {};
	await Promise.all(wanted.map(async ([kind, field]) => {
		try {
			const path = `/api/v1/reports/values?kind=${kind}&field=${field}&limit=200`;
			const { data } = await (fromTheStart ? fromStart(`values.${kind}.${field}`, path) : api('GET', path));
			lists[`${kind}-${field}`] = data.map((v) => v.value).filter((v) => v);
		}
		catch (e) {
			lists[`${kind}-${field}`] = [];
		}
	}));
	lists['any-category'] = [...new Set([...lists['expense-category'], ...lists['income-category']])];
	lists['any-account'] = [...new Set([...lists['expense-account'], ...lists['income-account']])];
	lists.currency = COMMON_CURRENCIES;
	$('#datalists').innerHTML = Object.entries(lists)
		.map(([id, values]) => `<datalist id="dl-${id}">${values.map((v) => `<option value="${esc(v)}"></option>`).join('')}</datalist>`)
		.join('');
}

// ---------- inline editing (desktop) ----------

function startEdit(td) {
	const tr = td.closest('tr');
	const kind = tr.dataset.kind;
	if (readOnly() || isMobile() || state.selecting[kind] || td.classList.contains('editing')) return;
	const cfg = KINDS[kind];
	const id = Number(tr.dataset.id);
	const field = td.dataset.field;
	const row = state.rows[kind].find((r) => r.id === id);
	if (!row) return;
	const raw = rawValue(field, row[field]);
	td.classList.add('editing');
	const list = SUGGESTED.includes(field) ? ` list="dl-${kind}-${field}"` : '';
	const type = field === 'date' ? 'date' : 'text';
	const dir = TEXT_FIELDS.includes(field) ? ' dir="auto"' : '';
	td.innerHTML = `<input type="${type}" class="form-control form-control-sm cell-input"${list}${dir}${field === 'amount' ? ' inputmode="decimal"' : ''} aria-label="${LABELS[field]} of ${cfg.one} ${esc(describe(kind, row))}" aria-describedby="cell-error-${kind}-${id}-${field}" value="${esc(raw)}">`
		+ `<div class="cell-error small text-danger" id="cell-error-${kind}-${id}-${field}" role="alert"></div>`;
	const input = $('input', td);
	if (field === 'category') attachPicker(input, kind);
	input.focus();
	if (type === 'text') input.select();
	let busy = false;
	let done = false;

	const finish = (current) => {
		done = true;
		replaceRow(kind, current);
		const cell = $(`tr[data-id="${id}"] td[data-field="${field}"]`, section(kind));
		if (cell && document.activeElement === document.body) cell.focus();
	};
	const commit = async (fromBlur) => {
		if (busy || done) return;
		if (input.value === raw) {
			finish(row);
			return;
		}
		let value = input.value;
		if (field === 'amount') {
			const read = readAmount(value);
			if (read.error) {
				$('.cell-error', td).textContent = read.error;
				input.classList.add('is-invalid');
				input.setAttribute('aria-invalid', 'true');
				if (!fromBlur) input.focus();
				return;
			}
			value = read.value;
		}
		if (field === 'category' && isNewCategory(kind, input.value)) {
			busy = true; // a blur while asking commits nothing
			const yes = await confirmNewCategory(input, input.value, !fromBlur);
			busy = false;
			if (!yes) return;
		}
		busy = true;
		td.classList.add('saving');
		try {
			const { data } = await api('PATCH', `${cfg.path}/${id}`, { field, value });
			const saved = data[cfg.key];
			finish(saved);
			toast(`${LABELS[field]} saved`);
			if (field === 'date' && !inMonth(saved)) {
				refreshAfterChange(kind);
			}
			else if (['amount', 'category', 'date', 'currency'].includes(field)) {
				loadTotals().catch(() => {}).then(loadCharts);
			}
			if (field === 'category') loadCategories();
			if (SUGGESTED.includes(field)) loadSuggestions();
		}
		catch (e) {
			busy = false;
			td.classList.remove('saving');
			const message = errorText(e);
			// shown once, under the cell (role="alert"), wrapping within the column
			const only = e.fields ? Object.values(e.fields) : [];
			$('.cell-error', td).textContent = e.fields && e.fields[field] ? e.fields[field] : only.length === 1 ? only[0] : message;
			input.classList.add('is-invalid');
			input.setAttribute('aria-invalid', 'true');
			if (!fromBlur) input.focus();
		}
	};
	input.addEventListener('keydown', (e) => {
		if (e.key === 'Enter') {
			e.preventDefault();
			commit(false);
		}
		else if (e.key === 'Escape') {
			e.preventDefault();
			if (!busy) finish(row);
		}
	});
	input.addEventListener('blur', () => {
		if (!done && !busy) commit(true);
	});
}

// ---------- delete ----------

async function deleteRow(kind, id) {
	const cfg = KINDS[kind];
	try {
		await api('DELETE', `${cfg.path}/${id}`);
		state.rows[kind] = state.rows[kind].filter((r) => r.id !== id);
		state.selected[kind].delete(id);
		renderTable(kind);
		deletedToast(kind, `${cfg.one[0].toUpperCase()}${cfg.one.slice(1)} deleted`, [id]);
		refreshAfterChange(kind);
	}
	catch (e) {
		toast(`Could not delete ${cfg.one}: ${errorText(e)}`, 'error');
		if (e instanceof ApiError && e.status === 404) refreshAfterChange(kind);
	}
}

// Where the server keeps a trash, the toast offers Undo: the rows come back from the trash.
function deletedToast(kind, message, ids) {
	if (!state.history) {
		toast(message);
		return;
	}
	undoToast(message, () => restoreFromTrash({ [kind]: ids }));
}

async function bulkDelete(kind) {
	const cfg = KINDS[kind];
	const ids = [...state.selected[kind]];
	try {
		const { data } = await api('POST', `${cfg.path}/bulk-delete`, { ids });
		state.selecting[kind] = false;
		state.selected[kind].clear();
		deletedToast(kind, `${data.count} ${data.count === 1 ? cfg.one : cfg.title.toLowerCase()} deleted`, ids);
		await refreshAfterChange(kind);
	}
	catch (e) {
		toast(`Could not delete the selected ${cfg.title.toLowerCase()}: ${errorText(e)}`, 'error');
	}
}

// ---------- desktop add form ----------

function openAdd(kind) {
	const sec = section(kind);
	const form = $('.add-form', sec);
	// the button stays: pressed again it brings the cursor back to the bar
	form.hidden = false;
	if (!form.elements.date.value) form.elements.date.value = defaultDate();
	form.elements[KINDS[kind].fields[1]].focus();
}

function closeAdd(kind) {
	const sec = section(kind);
	const form = $('.add-form', sec);
	form.hidden = true;
	clearErrors(form);
	$('.add-btn', sec).hidden = false;
	$('.add-btn', sec).focus();
}

function defaultDate() {
	const today = new Date();
	const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
	return iso.startsWith(state.month) ? iso : `${state.month}-01`;
}

// A category text no category has creates one: only after a yes ("Create category 'Xyz'?").
async function categoryConfirmed(form, kind) {
	const input = form.elements.category;
	if (!input || !isNewCategory(kind, input.value)) return true;
	return confirmNewCategory(input, input.value);
}

// Saved under another spelling or a merged category's new name: say where it went.
function noteCategory(body, saved) {
	if (body.category && saved.category && body.category.trim() !== saved.category && categoriesAvailable()) {
		toast(`Saved under the category \u201c${saved.category}\u201d`);
	}
}

// The expense add forms: a business entered fills in the category (and the account, when
// empty) last used with it, unless the user has typed one.
function wireBusinessSuggestions(form) {
	const { business, category, account } = form.elements;
	if (!business || !category || !account) return;
	const hint = document.createElement('div');
	hint.className = 'form-text small field-hint mt-0';
	hint.id = `${category.id}-hint`;
	hint.setAttribute('aria-live', 'polite');
	category.closest('.field').append(hint);
	const own = (input) => () => {
		delete input.dataset.suggested;
		if (input === category) hint.textContent = '';
	};
	category.addEventListener('input', own(category));
	category.addEventListener('change', own(category));
	account.addEventListener('input', own(account));
	let timer;
	let asked = '';
	const ask = async () => {
		const name = business.value.trim();
		if (!name || name === asked) return;
		asked = name;
		let data;
		try {
			({ data } = await api('GET', `/api/v1/suggestions?business=${encodeURIComponent(name)}`));
		}
		catch (e) {
			return; // the JSON files primary: no suggestions
		}
		if (business.value.trim() !== name || !data) return;
		const fill = (input, value) => {
			if (!value || (input.value.trim() !== '' && !input.dataset.suggested)) return false;
			input.value = value;
			input.dataset.suggested = 'true';
			return true;
		};
		const filled = fill(category, data.category);
		fill(account, data.account);
		if (filled) hint.textContent = `As last time for ${name}`;
	};
	business.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(ask, 400);
	});
	business.addEventListener('change', () => {
		clearTimeout(timer);
		ask();
	});
	form.addEventListener('reset-suggestions', () => {
		asked = '';
		hint.textContent = '';
		delete category.dataset.suggested;
		delete account.dataset.suggested;
	});
}

async function submitAdd(kind, form) {
	const cfg = KINDS[kind];
	if (amountRefused(form)) return;
	if (!(await negativeConfirmed(form, kind))) return;
	if (!(await categoryConfirmed(form, kind))) return;
	const body = formValues(form, kind);
	const button = $('button[type="submit"]', form);
	button.disabled = true;
	try {
		const { data } = await api('POST', cfg.path, body);
		const saved = data[cfg.key];
		clearErrors(form);
		for (const field of cfg.fields) {
			if (field !== 'date') form.elements[field].value = field === 'currency' ? DEFAULT_CURRENCY : '';
		}
		form.dispatchEvent(new Event('reset-suggestions'));
		noteCategory(body, saved);
		toast(`${cfg.one[0].toUpperCase()}${cfg.one.slice(1)} added`);
		if (!inMonth(saved)) toast(`Saved in ${monthLabel(saved.date.slice(0, 7))}, not the month shown`);
		// the bar stays open for the next entry
		form.elements[cfg.fields[1]].focus();
		await refreshAfterChange(kind);
		highlightRow(section(kind), saved.id);
	}
	catch (e) {
		// shown once: next to the field, or under the form (both are read out)
		showErrors(form, e);
	}
	finally {
		button.disabled = false;
	}
}

// ---------- bottom sheet (mobile add and edit) ----------

const sheet = { mode: 'add', kind: 'expense', row: null, opener: null };

function openSheet(mode, kind, row) {
	if (readOnly()) return;
	sheet.mode = mode;
	sheet.kind = kind;
	sheet.row = row;
	sheet.opener = document.activeElement;
	$('#sheet-title').textContent = mode === 'add' ? 'Add transaction' : `Edit ${KINDS[kind].one}`;
	renderSheetForm();
	$('#sheet-overlay').hidden = false;
	document.body.classList.add('sheet-open');
	const first = $('#sheet-form').elements[mode === 'add' ? 'amount' : 'date'];
	first.focus();
}

function renderSheetForm(carry) {
	const { mode, kind, row } = sheet;
	const values = carry || {};
	if (!carry && row) {
		for (const f of KINDS[kind].fields) values[f] = rawValue(f, row[f]);
	}
	if (!carry && !row) {
		values.date = defaultDate();
		values.currency = DEFAULT_CURRENCY;
	}
	// amount first (a phone's number pad opens on it), then what it was
	const order = ['amount', ...KINDS[kind].fields.filter((f) => f !== 'amount')];
	const fields = order.filter((f) => f !== 'amount').map((f) => inputHtml('sheet', kind, f, values[f] ?? '', true)).join('');
	$('#sheet-form').innerHTML = `
		${inputHtml('sheet', kind, 'amount', values.amount ?? '', true)}
		<div class="field"><label for="sheet-type" class="form-label small mb-0">Type</label>
		<select id="sheet-type" name="type" class="form-select form-select-sm"${mode === 'edit' ? ' disabled' : ''}>
			<option value="expense"${kind === 'expense' ? ' selected' : ''}>Expense</option>
			<option value="income"${kind === 'income' ? ' selected' : ''}>Income</option>
		</select></div>
		${fields}
		${mode === 'edit' ? sheetMoreHtml(kind) : ''}
		<div class="form-error text-danger small" role="alert"></div>
		<div class="d-flex flex-wrap gap-2 justify-content-end mt-2">
			${mode === 'edit' ? sheetDeleteHtml() : ''}
			<button type="button" class="btn btn-outline-secondary" data-action="sheet-cancel">Cancel</button>
			<button type="submit" class="btn btn-primary">Save</button>
		</div>`;
	const form = $('#sheet-form');
	attachPicker(form.elements.category, kind);
	if (mode === 'add' && kind === 'expense') wireBusinessSuggestions(form);
	if (mode === 'edit' && kind === 'expense') addEditControls(form, row);
}

// Reloading the table replaces the row's "Edit" button that opened the sheet: focus the new one,
// unless the user has moved on (a phone, where a tap opened it, has no such button).
function refocusRow(kind, id) {
	const edit = $(`tr[data-id="${id}"] [data-action="edit"]`, section(kind));
	if (edit && edit.offsetParent && document.activeElement === document.body) edit.focus();
}

// A phone's cards have no row buttons: the edit sheet carries the row's History and Repeat.
function sheetMoreHtml(kind) {
	const history = state.history ? '<button type="button" class="btn btn-outline-secondary btn-sm" data-action="sheet-history">History</button>' : '';
	return `<div class="d-flex flex-wrap gap-2 mt-2 sheet-more">${history}`
		+ `<button type="button" class="btn btn-outline-secondary btn-sm" data-action="sheet-repeat" aria-label="Repeat this ${KINDS[kind].one} (make recurring)">Repeat</button></div>`;
}

// Delete on the edit sheet (the way to delete without a swipe). Where the server keeps a trash
// the toast offers Undo; where it does not, the delete is final and asked about first.
function sheetDeleteHtml() {
	return `<button type="button" class="btn btn-outline-danger me-auto" data-action="sheet-delete">Delete</button>`
		+ `<span class="sheet-delete-confirm me-auto" hidden><span class="small">Delete for good?</span> `
		+ `<button type="button" class="btn btn-danger" data-action="sheet-delete-confirm">Yes, delete</button></span>`;
}

function deleteFromSheet(form, confirmed) {
	const { kind, row } = sheet;
	if (!state.history && !confirmed) {
		$('[data-action="sheet-delete"]', form).hidden = true;
		$('.sheet-delete-confirm', form).hidden = false;
		$('[data-action="sheet-delete-confirm"]', form).focus();
		return;
	}
	closeSheet();
	deleteRow(kind, row.id);
}

function closeSheet() {
	$('#sheet-overlay').hidden = true;
	document.body.classList.remove('sheet-open');
	if (sheet.opener && document.contains(sheet.opener)) sheet.opener.focus();
}

async function submitSheet(form) {
	// The resource comes from where the row was opened (or the chosen type), never from its fields.
	const kind = sheet.kind;
	const cfg = KINDS[kind];
	if (amountRefused(form)) return;
	if (!(await negativeConfirmed(form, kind))) return;
	if (!(await categoryConfirmed(form, kind))) return;
	const body = formValues(form, kind);
	const button = $('button[type="submit"]', form);
	button.disabled = true;
	try {
		let saved;
		if (sheet.mode === 'add') {
			saved = (await api('POST', cfg.path, body)).data[cfg.key];
			toast('Transaction added');
		}
		else {
			saved = (await api('PUT', `${cfg.path}/${sheet.row.id}`, body)).data[cfg.key];
			toast('Transaction updated');
		}
		noteCategory(body, saved);
		if (!inMonth(saved)) toast(`Saved in ${monthLabel(saved.date.slice(0, 7))}, not the month shown`);
		closeSheet();
		await refreshAfterChange(kind);
		if (sheet.mode === 'edit') refocusRow(kind, saved.id);
		highlightRow(section(kind), saved.id);
	}
	catch (e) {
		// shown once, in the sheet
		showErrors(form, e);
	}
	finally {
		button.disabled = false;
	}
}

// ---------- wiring ----------

function wireSection(kind) {
	const sec = section(kind);
	sec.innerHTML = sectionHtml(kind);
	wireCards($('.phone-list', sec), {
		open: (id) => {
			const row = state.rows[kind].find((r) => r.id === id);
			if (row) openSheet('edit', kind, row);
		},
		remove: (id) => deleteRow(kind, id),
		toggle: (id) => {
			if (state.selected[kind].has(id)) state.selected[kind].delete(id);
			else state.selected[kind].add(id);
			updateSelection(kind);
			return state.selected[kind].has(id);
		},
		selecting: () => state.selecting[kind],
		undoable: () => state.history,
		rerender: () => renderPhoneCards(kind),
	});
	sec.addEventListener('click', (e) => {
		const action = e.target.closest('[data-action]');
		const tr = e.target.closest('tbody tr');
		const id = tr ? Number(tr.dataset.id) : null;
		if (action) {
			switch (action.dataset.action) {
				case 'toggle-select':
					state.selecting[kind] = !state.selecting[kind];
					state.selected[kind].clear();
					$('.bulk-confirm', sec).hidden = true;
					renderTable(kind);
					return;
				case 'select-all': {
					const on = action.checked;
					state.selected[kind] = new Set(on ? state.rows[kind].map((r) => r.id) : []);
					renderTable(kind);
					return;
				}
				case 'select-row':
					if (action.checked) state.selected[kind].add(id);
					else state.selected[kind].delete(id);
					updateSelection(kind);
					return;
				case 'bulk-delete':
					$('.bulk-n', sec).textContent = `${state.selected[kind].size} ${state.selected[kind].size === 1 ? KINDS[kind].one : KINDS[kind].title.toLowerCase()}`;
					$('.bulk-confirm', sec).hidden = false;
					$('[data-action="bulk-confirm"]', sec).focus();
					return;
				case 'bulk-cancel':
					$('.bulk-confirm', sec).hidden = true;
					return;
				case 'bulk-confirm':
					$('.bulk-confirm', sec).hidden = true;
					bulkDelete(kind);
					return;
				case 'history': {
					const row = state.rows[kind].find((r) => r.id === id);
					if (row) showHistory(kind, id, `${KINDS[kind].one[0].toUpperCase()}${KINDS[kind].one.slice(1)} ${describe(kind, row)}`);
					return;
				}
				case 'edit': {
					const row = state.rows[kind].find((r) => r.id === id);
					if (row) openSheet('edit', kind, row);
					return;
				}
				case 'make-recurring': {
					// recurring.js offers to repeat it (a schedule)
					const row = state.rows[kind].find((r) => r.id === id);
					if (row) document.dispatchEvent(new CustomEvent('hb:make-recurring', { detail: { kind, row } }));
					return;
				}
				case 'delete':
					$('.confirm', tr).hidden = false;
					action.hidden = true;
					$('[data-action="delete-confirm"]', tr).focus();
					return;
				case 'delete-cancel':
					$('.confirm', tr).hidden = true;
					$('[data-action="delete"]', tr).hidden = false;
					$('[data-action="delete"]', tr).focus();
					return;
				case 'delete-confirm':
					action.disabled = true;
					deleteRow(kind, id);
					return;
				case 'more':
					loadMore(kind);
					return;
				case 'open-add':
					openAdd(kind);
					return;
				case 'close-add':
					closeAdd(kind);
					return;
				default:
					return;
			}
		}
		if (!tr || state.selecting[kind]) return;
		if (isMobile()) {
			const row = state.rows[kind].find((r) => r.id === id);
			if (row) openSheet('edit', kind, row);
			return;
		}
		const td = e.target.closest('td[data-field]');
		if (td) startEdit(td);
	});
	sec.addEventListener('keydown', (e) => {
		const td = e.target.closest('td[data-field]');
		if (!td || td.classList.contains('editing')) return;
		if (e.key === 'Enter' || e.key === 'F2') {
			e.preventDefault();
			if (isMobile()) td.closest('tr').click();
			else startEdit(td);
		}
		else if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key)) {
			e.preventDefault();
			moveFocus(td, e.key);
		}
	});
	const form = $('.add-form', sec);
	attachPicker(form.elements.category, kind);
	if (kind === 'expense') wireBusinessSuggestions(form);
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		submitAdd(kind, form);
	});
	form.addEventListener('keydown', (e) => {
		if (e.key === 'Escape') closeAdd(kind);
	});
}

// Roving focus over the cells: one tab stop per table, arrows move.
function moveFocus(td, key) {
	const tr = td.closest('tr');
	let target;
	if (key === 'ArrowLeft') target = td.previousElementSibling;
	if (key === 'ArrowRight') target = td.nextElementSibling;
	if (key === 'ArrowUp' || key === 'ArrowDown') {
		const other = key === 'ArrowUp' ? tr.previousElementSibling : tr.nextElementSibling;
		target = other && $(`td[data-field="${td.dataset.field}"]`, other);
	}
	if (target && target.dataset.field) target.focus();
}

// "Paid by" in the filter bar: shown, like the split controls (split.js), in sign-in mode with
// more than one member.
async function loadPayerFilter() {
	const { data: account } = await fromStart('account', '/api/v1/account');
	if (!account || !account.username) return;
	const { data: balance } = await fromStart('balance', '/api/v1/balance');
	const members = balanceMembers(balance);
	if (members.length < 2) return;
	const select = $('#filter-paid_by');
	select.replaceChildren(new Option('Paid by anyone', ''),
		...members.map((m) => new Option(`Paid by ${m.username}`, String(m.user_id))));
	select.value = state.filters.paid_by; // from the address
	select.closest('.payer-filter').hidden = false;
}

function wire() {
	wireSection('expense');
	wireSection('income');
	readAddress(new URLSearchParams(location.search));

	// the header's month: a custom range gives way to the month chosen there
	const toMonth = (month) => {
		if (period.kind === 'custom') choosePeriod('month');
		state.month = month;
		loadMonth();
	};
	$('#month').addEventListener('change', (e) => {
		if (/^\d{4}-\d{2}$/.test(e.target.value)) toMonth(e.target.value);
	});
	$('#month-prev').addEventListener('click', () => toMonth(shiftMonth(state.month, -1)));
	$('#month-next').addEventListener('click', () => toMonth(shiftMonth(state.month, 1)));
	// the period picker (reports.js) chose a period, a month (a trend bar) or moved on
	document.addEventListener('hb:period-changed', (e) => {
		if (e.detail && e.detail.month) state.month = e.detail.month;
		loadMonth();
	});

	let timer;
	const filters = $('#filters');
	const applyFilters = () => {
		state.filters.q = $('#filter-q').value;
		state.filters.category = $('#filter-category').value;
		state.filters.account = $('#filter-account').value;
		state.filters.paid_by = $('#filter-paid_by').value;
		state.loadSeq += 1;
		writeAddress();
		Promise.all([loadKind('expense'), loadKind('income'), loadTotals()])
			.catch((e) => toast(`Could not filter: ${errorText(e)}`, 'error'))
			.then(loadCharts);
	};
	filters.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(applyFilters, 250);
	});
	filters.addEventListener('submit', (e) => {
		e.preventDefault();
		applyFilters();
	});
	filters.addEventListener('reset', () => setTimeout(applyFilters, 0));
	loadPayerFilter().catch(() => {}); // single-user mode or a JSON-era phase: no payers

	$('#fab').addEventListener('click', () => openSheet('add', 'expense', null));
	$('#sheet-overlay').addEventListener('click', (e) => {
		if (e.target.id === 'sheet-overlay') closeSheet();
	});
	$('#sheet-overlay').addEventListener('keydown', (e) => {
		if (e.key === 'Escape') closeSheet();
		if (e.key === 'Tab') trapFocus(e);
	});
	const sheetForm = $('#sheet-form');
	sheetForm.addEventListener('submit', (e) => {
		e.preventDefault();
		submitSheet(sheetForm);
	});
	sheetForm.addEventListener('change', (e) => {
		if (e.target.name === 'type') {
			const carry = formValues(sheetForm, sheet.kind);
			sheet.kind = e.target.value;
			renderSheetForm(carry);
			$('#sheet-type').focus();
		}
	});
	sheetForm.addEventListener('click', (e) => {
		if (e.target.closest('[data-action="sheet-cancel"]')) closeSheet();
		if (e.target.closest('[data-action="sheet-delete"]')) deleteFromSheet(sheetForm);
		if (e.target.closest('[data-action="sheet-delete-confirm"]')) deleteFromSheet(sheetForm, true);
		const { kind, row } = sheet;
		if (e.target.closest('[data-action="sheet-history"]')) {
			closeSheet();
			showHistory(kind, row.id, `${KINDS[kind].one[0].toUpperCase()}${KINDS[kind].one.slice(1)} ${describe(kind, row)}`);
		}
		if (e.target.closest('[data-action="sheet-repeat"]')) {
			closeSheet();
			document.dispatchEvent(new CustomEvent('hb:make-recurring', { detail: { kind, row } }));
		}
	});
	// a phone turned into a wider window (or back): cards there, the table here. Only the cards
	// are drawn again (an open cell edit stays), and only once the size has settled: a transient
	// resize (a full-page screenshot) changes nothing.
	let phoneTimer;
	phoneQuery.addEventListener('change', () => {
		clearTimeout(phoneTimer);
		phoneTimer = setTimeout(() => {
			renderPhoneCards('expense');
			renderPhoneCards('income');
		}, 400);
	});
	// Turning a desktop window into a phone-sized one cancels open cell edits (the sheet edits there).
	// Debounced: a transient resize (a full-page screenshot) must not cancel anything.
	let resizeTimer;
	mobileQuery.addEventListener('change', () => {
		clearTimeout(resizeTimer);
		resizeTimer = setTimeout(() => {
			if (!isMobile()) return;
			document.querySelectorAll('td.editing input').forEach((i) => i.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })));
		}, 400);
	});
}

function trapFocus(e) {
	const items = [...$('#sheet').querySelectorAll('input, select, textarea, button')].filter((el) => !el.disabled);
	const first = items[0];
	const last = items[items.length - 1];
	if (e.shiftKey && document.activeElement === first) {
		e.preventDefault();
		last.focus();
	}
	else if (!e.shiftKey && document.activeElement === last) {
		e.preventDefault();
		first.focus();
	}
}

// The base currency (totals of a month without entries are in it); ILS in the JSON era.
async function loadSettings(fromTheStart = false) {
	try {
		const { data } = await (fromTheStart ? fromStart('settings', '/api/v1/settings') : api('GET', '/api/v1/settings'));
		if (data && data.base_currency) state.base = data.base_currency;
	}
	catch (e) {
		state.base = 'ILS';
	}
}

wire();
payerControlsShown.then((shown) => {
	if (shown) showPayers();
});
// The categories and exchange-rates pages changed something the month shows: a category's
// name or colour, a merge (entries moved), a rate or the base currency (converted totals).
document.addEventListener('hb:categories-changed', () => {
	state.loadSeq += 1;
	Promise.allSettled([loadKind('expense'), loadKind('income')]).then(loadCharts);
	loadSuggestions();
});
// Rows came back from the trash (Undo, the trash page): the lists, totals and charts show them.
document.addEventListener('hb:restored', () => {
	state.loadSeq += 1;
	Promise.allSettled([loadKind('expense'), loadKind('income'), loadTotals()]).then(loadCharts);
});
// An import was committed or reverted (the Import page): its entries come or go.
document.addEventListener('hb:imported', () => {
	state.loadSeq += 1;
	Promise.allSettled([loadKind('expense'), loadKind('income'), loadTotals()]).then(loadCharts);
	loadSuggestions();
});
// Demo data was loaded or removed (the welcome, the demo banner): entries and categories came or went.
document.addEventListener('hb:demo-changed', () => {
	state.loadSeq += 1;
	Promise.allSettled([loadKind('expense'), loadKind('income'), loadTotals()]).then(loadCharts);
	loadSuggestions();
	if (categoriesAvailable()) loadCategories();
});
// A rule was applied to existing entries (the Rules page): their fields changed.
document.addEventListener('hb:rule-applied', () => {
	state.loadSeq += 1;
	Promise.allSettled([loadKind('expense'), loadKind('income'), loadTotals()]).then(loadCharts);
});
document.addEventListener('hb:money-changed', () => {
	settingsReady = loadSettings();
	loadTotals().catch((e) => toast(errorText(e), 'error')).then(loadCharts);
});
// one request for what every module needs at start, with the period read from the address
start(state.month).catch(() => {});
loadCategories();
settingsReady = loadSettings(true);
loadMonth().then(() => {
	document.body.dataset.readyMs = String(Math.round(performance.now()));
	document.body.dataset.ready = 'true';
	loadSuggestions();
});
