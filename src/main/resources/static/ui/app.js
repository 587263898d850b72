// Home Budget web UI: plain ES module, no build step. Talks to the v1 API only.
import { api, ApiError } from './api.js';
import { readOnly } from './households.js';
import { addEditControls, memberName, payerControlsShown } from './split.js';

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
const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
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
};

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

function monthRange(month) {
	const [y, m] = month.split('-').map(Number);
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

function shiftMonth(month, delta) {
	const [y, m] = month.split('-').map(Number);
	const d = new Date(Date.UTC(y, m - 1 + delta, 1));
	return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

function money(value) {
	if (value === null || value === undefined || value === '') return '';
	const n = Number(value);
	return Number.isFinite(n) ? MONEY.format(n) : String(value);
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
		control = `<textarea rows="2" ${common}>${esc(value)}</textarea>`;
	}
	else {
		const list = SUGGESTED.includes(field) ? ` list="dl-${kind}-${field}"` : '';
		control = `<input type="text" ${common}${list} value="${esc(value)}">`;
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
	// who paid / for whom (split.js adds them in sign-in mode with more than one member). On the
	// edit sheet they carry the row's values in data-initial and are sent only when changed, so an
	// untouched row keeps its payer and shares ("Custom split" is never a change).
	const changed = (el) => el.dataset.initial === undefined || el.value !== el.dataset.initial;
	const paidBy = form.elements.paid_by;
	if (kind === 'expense' && paidBy && changed(paidBy)) body.paid_by = paidBy.value === '' ? null : Number(paidBy.value);
	const forWhom = form.elements.for_whom;
	if (kind === 'expense' && forWhom && changed(forWhom) && forWhom.value !== 'custom') {
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

// ---------- sections (tables, add forms) ----------

function sectionHtml(kind) {
	const cfg = KINDS[kind];
	const head = cfg.fields.map((f) => `<th scope="col" class="col-${f}">${LABELS[f]}</th>`).join('');
	const form = cfg.fields.map((f) => inputHtml(`add-${kind}`, kind, f, f === 'currency' ? DEFAULT_CURRENCY : '', false)).join('');
	return `
	<div class="d-flex align-items-center gap-2 mb-1">
		<h2 class="h5 m-0 me-auto" id="${kind}-heading">${cfg.title}</h2>
		<span class="small text-body-secondary" id="${kind}-summary" aria-live="polite"></span>
		<button type="button" class="btn btn-outline-secondary btn-sm" data-action="toggle-select" aria-pressed="false">Select</button>
	</div>
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
	<button type="button" class="btn btn-primary btn-sm add-btn" data-action="open-add">Add ${cfg.one}</button>
	<form class="card add-form" hidden novalidate autocomplete="off" aria-label="Add ${cfg.one}">
		<div class="card-body">
			<div class="add-grid">${form}</div>
			<div class="form-error text-danger small" role="alert"></div>
			<div class="mt-2 d-flex gap-2">
				<button type="submit" class="btn btn-success btn-sm">Save</button>
				<button type="button" class="btn btn-outline-secondary btn-sm" data-action="close-add">Cancel</button>
			</div>
		</div>
	</form>`;
}

const TRASH = '<svg viewBox="0 0 16 16" width="16" height="16" fill="currentColor" aria-hidden="true"><path d="M5.5 5.5A.5.5 0 0 1 6 6v6a.5.5 0 0 1-1 0V6a.5.5 0 0 1 .5-.5m2.5 0a.5.5 0 0 1 .5.5v6a.5.5 0 0 1-1 0V6a.5.5 0 0 1 .5-.5m3 .5a.5.5 0 0 0-1 0v6a.5.5 0 0 0 1 0z"/><path d="M14.5 3a1 1 0 0 1-1 1H13v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V4h-.5a1 1 0 0 1-1-1V2a1 1 0 0 1 1-1H6a1 1 0 0 1 1-1h2a1 1 0 0 1 1 1h3.5a1 1 0 0 1 1 1zM4.118 4 4 4.059V13a1 1 0 0 0 1 1h6a1 1 0 0 0 1-1V4.059L11.882 4zM2.5 3h11V2h-11z"/></svg>';

function cellHtml(field, value) {
	if (field === 'amount') return money(value);
	if (field === 'currency') return esc(value);
	if (field === 'date' && typeof value === 'string' && value.length === 10) {
		return `<time datetime="${esc(value)}"><span class="year">${esc(value.slice(0, 5))}</span>${esc(value.slice(5))}</time>`;
	}
	return esc(value);
}

// Who paid, read-only (changed on the edit sheet): no data-field, so no inline edit.
function paidByHtml(row) {
	if (row.paid_by == null) return '<td class="col-paid_by text-body-secondary" title="Unknown payer"><span aria-hidden="true">\u2013</span><span class="visually-hidden">unknown</span></td>';
	const name = memberName(row.paid_by);
	return `<td class="col-paid_by" title="${esc(name)}">${esc(name)}</td>`;
}

function rowHtml(kind, row) {
	const cfg = KINDS[kind];
	const checked = state.selected[kind].has(row.id) ? ' checked' : '';
	const cells = cfg.fields.map((f) => {
		const phoneCurrency = f === 'amount' ? `<span class="cur-phone">${esc(row.currency)}\u00a0</span>` : '';
		return `<td class="col-${f}" data-field="${f}" tabindex="-1" title="${esc(f === 'amount' ? money(row[f]) : row[f])}">${phoneCurrency}${cellHtml(f, row[f])}</td>`;
	}).join('');
	const payers = state.payers && kind === 'expense';
	// Inline cell edits never touch the payers: on a wider screen "Edit" opens the edit sheet,
	// which has them (on a phone, tapping the row does).
	const edit = payers ? `<button type="button" class="btn btn-link btn-sm p-0 me-2 edit-row" data-action="edit" aria-label="Edit ${cfg.one} ${esc(describe(kind, row))}">Edit</button>` : '';
	return `<tr data-id="${row.id}" data-kind="${kind}">`
		+ `<td class="col-check"><input type="checkbox" class="form-check-input" data-action="select-row" aria-label="Select ${cfg.one} ${esc(describe(kind, row))}"${checked}></td>`
		+ cells
		+ (payers ? paidByHtml(row) : '')
		+ `<td class="col-actions">${edit}<span class="confirm" hidden><span class="small">Delete?</span> <button type="button" class="btn btn-danger btn-sm py-0" data-action="delete-confirm">Delete</button> <button type="button" class="btn btn-secondary btn-sm py-0" data-action="delete-cancel">Cancel</button></span>`
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
	const firstCell = $('tbody td[data-field]', sec);
	if (firstCell) firstCell.tabIndex = 0;
	$('.empty-hint', sec).hidden = rows.length > 0;
	const anyFilter = state.filters.q || state.filters.category || state.filters.account;
	$('.empty-hint', sec).textContent = anyFilter ? `No ${KINDS[kind].title.toLowerCase()} in this month match the filters.`
		: `No ${KINDS[kind].title.toLowerCase()} in this month.`;
	$('.more-btn', sec).hidden = !state.next[kind];
	const total = rows.reduce((sum, r) => sum + cents(r.amount), 0);
	const filtered = state.filters.q || state.filters.category || state.filters.account;
	$(`#${kind}-summary`).textContent = `${rows.length}${state.next[kind] ? '+' : ''} ${rows.length === 1 ? 'entry' : 'entries'}`
		+ (filtered ? `, shown total ${money(fromCents(total))}` : '');
	updateSelection(kind);
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
	const { from, to } = monthRange(state.month);
	const p = new URLSearchParams({ from, to, limit: String(PAGE_SIZE) });
	for (const [k, v] of Object.entries(state.filters)) {
		if (k === 'paid_by' && kind !== 'expense') continue; // incomes have no payer
		if (v.trim() !== '') p.set(k, v.trim());
	}
	if (cursor) p.set('cursor', cursor);
	return `${KINDS[kind].path}?${p}`;
}

// Servers without the query API ignore the parameters and return everything: keep the month here.
function inMonth(row) {
	return typeof row.date === 'string' && row.date.startsWith(`${state.month}-`);
}

async function loadKind(kind) {
	const seq = state.loadSeq;
	const { data, headers } = await api('GET', listQuery(kind));
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

async function loadTotals() {
	const { from, to } = monthRange(state.month);
	let totals;
	try {
		const { data } = await api('GET', `/api/v1/reports/totals?from=${from}&to=${to}`);
		totals = { expenses: cents(data.expenses), incomes: cents(data.incomes) };
	}
	catch (e) {
		if (!(e instanceof ApiError) || e.status !== 404) throw e;
		// Older server without reports: the month's unfiltered lists.
		const [ex, inc] = await Promise.all(['expense', 'income'].map((k) => api('GET', `${KINDS[k].path}?from=${from}&to=${to}`)));
		const sum = (rows) => rows.filter(inMonth).reduce((s, r) => s + cents(r.amount), 0);
		totals = { expenses: sum(ex.data), incomes: sum(inc.data) };
	}
	$('#total-expenses').textContent = money(fromCents(totals.expenses));
	$('#total-incomes').textContent = money(fromCents(totals.incomes));
	const balance = totals.incomes - totals.expenses;
	const el = $('#total-balance');
	el.textContent = money(fromCents(balance));
	el.classList.toggle('text-danger', balance < 0);
	el.classList.toggle('text-success', balance > 0);
}

async function loadMonth() {
	state.loadSeq += 1;
	history.replaceState(null, '', `?month=${state.month}`);
	$('#month').value = state.month;
	$('#category-chart-heading').textContent = `Expenses by category, ${monthLabel(state.month)}`;
	const results = await Promise.allSettled([loadKind('expense'), loadKind('income'), loadTotals()]);
	const failed = results.filter((r) => r.status === 'rejected');
	if (failed.length) toast(`Could not load ${monthLabel(state.month)}: ${errorText(failed[0].reason)}`, 'error');
	loadCharts();
}

function monthLabel(month) {
	const [y, m] = month.split('-').map(Number);
	return `${MONTH_NAME.format(new Date(Date.UTC(y, m - 1, 1)))} ${y}`;
}

async function refreshAfterChange(kind) {
	await Promise.allSettled([loadKind(kind), loadTotals().catch((e) => toast(errorText(e), 'error'))]);
	loadCharts();
	loadSuggestions();
}

// ---------- charts (plain SVG/HTML, no library) ----------

async function loadCharts() {
	const { from, to } = monthRange(state.month);
	const [y] = state.month.split('-').map(Number);
	try {
		const { data } = await api('GET', `/api/v1/reports/categories?kind=expense&from=${from}&to=${to}`);
		drawCategories(data);
	}
	catch (e) {
		$('#category-chart').innerHTML = `<p class="small text-body-secondary">Not available: ${esc(errorText(e))}</p>`;
	}
	try {
		const years = [...new Set([y - 1, y])];
		const reports = await Promise.all(years.map((year) => api('GET', `/api/v1/reports/monthly?year=${year}`)));
		const months = reports.flatMap((r) => r.data.months);
		const end = months.findIndex((m) => m.month === state.month);
		drawTrend(months.slice(end - 11, end + 1));
	}
	catch (e) {
		$('#trend-chart').innerHTML = `<p class="small text-body-secondary">Not available: ${esc(errorText(e))}</p>`;
	}
}

function drawCategories(items) {
	const el = $('#category-chart');
	if (!items.length) {
		el.innerHTML = '<p class="small text-body-secondary">No expenses in this month.</p>';
		return;
	}
	const top = items.slice(0, 8);
	const max = Math.max(...top.map((i) => Number(i.total)), 0.01);
	el.innerHTML = `<ul class="bars list-unstyled m-0">${top.map((i) => `
		<li><span class="bar-label" title="${esc(i.category)}">${esc(i.category || '(none)')}</span>
		<span class="bar-track"><span class="bar" style="width:${Math.max(1, (Number(i.total) / max) * 100).toFixed(1)}%"></span></span>
		<span class="bar-value amount">${money(i.total)}</span></li>`).join('')}</ul>`;
}

function drawTrend(months) {
	const el = $('#trend-chart');
	const w = 600;
	const h = 180;
	const pad = 22;
	const max = Math.max(...months.flatMap((m) => [Number(m.expenses), Number(m.incomes)]), 1);
	const slot = w / months.length;
	const bw = slot * 0.35;
	const bars = months.map((m, i) => {
		const x = i * slot + slot * 0.15;
		const he = (Number(m.expenses) / max) * (h - pad * 2);
		const hi = (Number(m.incomes) / max) * (h - pad * 2);
		const [yy, mm] = m.month.split('-').map(Number);
		const name = MONTH_NAME.format(new Date(Date.UTC(yy, mm - 1, 1)));
		const current = m.month === state.month ? ' current' : '';
		return `<g class="month${current}"><title>${name} ${yy}: expenses ${money(m.expenses)}, incomes ${money(m.incomes)}</title>`
			+ `<rect class="t-exp" x="${x.toFixed(1)}" y="${(h - pad - he).toFixed(1)}" width="${bw.toFixed(1)}" height="${he.toFixed(1)}"></rect>`
			+ `<rect class="t-inc" x="${(x + bw).toFixed(1)}" y="${(h - pad - hi).toFixed(1)}" width="${bw.toFixed(1)}" height="${hi.toFixed(1)}"></rect>`
			+ `<text x="${(x + bw).toFixed(1)}" y="${h - 6}" text-anchor="middle">${name}</text></g>`;
	}).join('');
	const summary = months.map((m) => `${m.month}: expenses ${money(m.expenses)}, incomes ${money(m.incomes)}`).join('; ');
	el.innerHTML = `<svg viewBox="0 0 ${w} ${h}" class="trend" role="img" aria-label="Income and expenses by month. ${esc(summary)}">`
		+ `<line x1="0" x2="${w}" y1="${h - pad}" y2="${h - pad}" class="axis"></line>${bars}</svg>`
		+ '<div class="small legend"><span class="sw sw-exp"></span> Expenses <span class="sw sw-inc ms-2"></span> Incomes</div>';
}

// ---------- suggestions ----------

async function loadSuggestions() {
	const wanted = [['expense', 'business'], ['expense', 'category'], ['expense', 'account'], ['income', 'category'], ['income', 'account']];
	const lists = {};
	await Promise.all(wanted.map(async ([kind, field]) => {
		try {
			const { data } = await api('GET', `/api/v1/reports/values?kind=${kind}&field=${field}&limit=200`);
			lists[`${kind}-${field}`] = data.map((v) => v.value).filter((v) => v);
		}
		catch (e) {
			lists[`${kind}-${field}`] = [];
		}
	}));
	lists['any-category'] = [...new Set([...lists['expense-category'], ...lists['income-category']])];
	lists['any-account'] = [...new Set([...lists['expense-account'], ...lists['income-account']])];
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
	td.innerHTML = `<input type="${type}" class="form-control form-control-sm cell-input"${list}${field === 'amount' ? ' inputmode="decimal"' : ''} aria-label="${LABELS[field]} of ${cfg.one} ${esc(describe(kind, row))}" aria-describedby="cell-error-${kind}-${id}-${field}" value="${esc(raw)}">`
		+ `<div class="cell-error small text-danger" id="cell-error-${kind}-${id}-${field}" role="alert"></div>`;
	const input = $('input', td);
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
		busy = true;
		td.classList.add('saving');
		try {
			const { data } = await api('PATCH', `${cfg.path}/${id}`, { field, value: input.value });
			const saved = data[cfg.key];
			finish(saved);
			toast(`${LABELS[field]} saved`);
			if (field === 'date' && !inMonth(saved)) {
				refreshAfterChange(kind);
			}
			else if (['amount', 'category', 'date'].includes(field)) {
				loadTotals().catch(() => {});
				loadCharts();
			}
			if (SUGGESTED.includes(field)) loadSuggestions();
		}
		catch (e) {
			busy = false;
			td.classList.remove('saving');
			const message = errorText(e);
			$('.cell-error', td).textContent = e.fields && e.fields[field] ? e.fields[field] : message;
			input.classList.add('is-invalid');
			input.setAttribute('aria-invalid', 'true');
			toast(`Could not save ${LABELS[field].toLowerCase()}: ${message}`, 'error');
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
		toast(`${cfg.one[0].toUpperCase()}${cfg.one.slice(1)} deleted`);
		refreshAfterChange(kind);
	}
	catch (e) {
		toast(`Could not delete ${cfg.one}: ${errorText(e)}`, 'error');
		if (e instanceof ApiError && e.status === 404) refreshAfterChange(kind);
	}
}

async function bulkDelete(kind) {
	const cfg = KINDS[kind];
	const ids = [...state.selected[kind]];
	try {
		const { data } = await api('POST', `${cfg.path}/bulk-delete`, { ids });
		state.selecting[kind] = false;
		state.selected[kind].clear();
		toast(`${data.count} ${data.count === 1 ? cfg.one : cfg.title.toLowerCase()} deleted`);
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
	form.hidden = false;
	$('.add-btn', sec).hidden = true;
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

async function submitAdd(kind, form) {
	const cfg = KINDS[kind];
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
		toast(`${cfg.one[0].toUpperCase()}${cfg.one.slice(1)} added`);
		if (!inMonth(saved)) toast(`Saved in ${monthLabel(saved.date.slice(0, 7))}, not the month shown`);
		closeAdd(kind);
		await refreshAfterChange(kind);
	}
	catch (e) {
		showErrors(form, e);
		toast(`Could not add ${cfg.one}: ${errorText(e)}`, 'error');
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
	const first = $('#sheet-form').elements[mode === 'add' ? 'type' : 'date'];
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
	const fields = KINDS[kind].fields.map((f) => inputHtml('sheet', kind, f, values[f] ?? '', true)).join('');
	$('#sheet-form').innerHTML = `
		<div class="field"><label for="sheet-type" class="form-label small mb-0">Type</label>
		<select id="sheet-type" name="type" class="form-select form-select-sm"${mode === 'edit' ? ' disabled' : ''}>
			<option value="expense"${kind === 'expense' ? ' selected' : ''}>Expense</option>
			<option value="income"${kind === 'income' ? ' selected' : ''}>Income</option>
		</select></div>
		${fields}
		<div class="form-error text-danger small" role="alert"></div>
		<div class="d-flex gap-2 justify-content-end mt-2">
			<button type="button" class="btn btn-outline-secondary" data-action="sheet-cancel">Cancel</button>
			<button type="submit" class="btn btn-primary">Save</button>
		</div>`;
	if (mode === 'edit' && kind === 'expense') addEditControls($('#sheet-form'), row);
}

// Reloading the table replaces the row's "Edit" button that opened the sheet: focus the new one,
// unless the user has moved on (a phone, where a tap opened it, has no such button).
function refocusRow(kind, id) {
	const edit = $(`tr[data-id="${id}"] [data-action="edit"]`, section(kind));
	if (edit && edit.offsetParent && document.activeElement === document.body) edit.focus();
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
		if (!inMonth(saved)) toast(`Saved in ${monthLabel(saved.date.slice(0, 7))}, not the month shown`);
		closeSheet();
		await refreshAfterChange(kind);
		if (sheet.mode === 'edit') refocusRow(kind, saved.id);
	}
	catch (e) {
		showErrors(form, e);
		toast(`${sheet.mode === 'add' ? 'Could not add' : 'Could not update'} the ${cfg.one}: ${errorText(e)}`, 'error');
	}
	finally {
		button.disabled = false;
	}
}

// ---------- wiring ----------

function wireSection(kind) {
	const sec = section(kind);
	sec.innerHTML = sectionHtml(kind);
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
				case 'edit': {
					const row = state.rows[kind].find((r) => r.id === id);
					if (row) openSheet('edit', kind, row);
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
	const { data: account } = await api('GET', '/api/v1/account');
	if (!account || !account.username) return;
	const { data: balance } = await api('GET', '/api/v1/balance');
	if (!balance || balance.members.length < 2) return;
	const select = $('#filter-paid_by');
	select.replaceChildren(new Option('Paid by anyone', ''),
		...balance.members.map((m) => new Option(`Paid by ${m.username}`, String(m.user_id))));
	select.closest('.payer-filter').hidden = false;
}

function wire() {
	wireSection('expense');
	wireSection('income');
	const params = new URLSearchParams(location.search);
	if (/^\d{4}-\d{2}$/.test(params.get('month') || '')) state.month = params.get('month');

	$('#month').addEventListener('change', (e) => {
		if (/^\d{4}-\d{2}$/.test(e.target.value)) {
			state.month = e.target.value;
			loadMonth();
		}
	});
	$('#month-prev').addEventListener('click', () => {
		state.month = shiftMonth(state.month, -1);
		loadMonth();
	});
	$('#month-next').addEventListener('click', () => {
		state.month = shiftMonth(state.month, 1);
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
		Promise.all([loadKind('expense'), loadKind('income')]).catch((e) => toast(`Could not filter: ${errorText(e)}`, 'error'));
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

wire();
payerControlsShown.then((shown) => {
	if (shown) showPayers();
});
loadMonth().then(() => {
	document.body.dataset.readyMs = String(Math.round(performance.now()));
	document.body.dataset.ready = 'true';
	loadSuggestions();
});
