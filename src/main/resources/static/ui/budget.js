// The budget page (a dialog from the header's "Budget", full screen on a phone): one period of
// the household's budget in its base currency. The period switcher (the current period first),
// the period's income, what is left to assign and the totals assigned, spent and available,
// never shown as complete while entries lack an exchange rate; every expense category under its
// group with what is assigned (tap or click to change it: Enter saves, Escape cancels, sent with
// the line's version so that a change made meanwhile is not overwritten), spent, available
// (overspending marked in words), a bar of the budget spent and the target's need. Moving money
// between two categories, copying the previous period's plan, filling from past spending or
// with what the targets need,
// "Why this number?" (the periods a carried amount comes from) and the period settings (start
// day, weekend rule). "Rules…" on a row opens a small form (a dialog, a bottom sheet on a phone)
// for the category's rules from the period shown on: carry mode, cap and floor, target and, in
// sign-in mode with more than one member, the member whose share counts; it sends only what
// changed, with the line's version (a 412 reloads and says so), and the API's 422 messages go
// next to their fields. Rules other than the default are written on the row. "Report" replaces
// the period with budget against actual over a range of periods (per period and per category,
// tables that scroll sideways on a phone). A viewer reads all of it and changes nothing. Where
// the JSON files are the primary store the API answers 409 and the page shows its sentence.
import { api, ApiError, humanMessage } from './api.js';
import { readOnly } from './households.js';
import { amountIn } from './money.js';
import { balanceMembers } from './split.js';

const dialog = document.getElementById('budget-dialog');
const openButton = document.getElementById('budget-open');
const root = document.getElementById('budget-root');
const message = document.getElementById('budget-message');
const status = document.getElementById('budget-status');
const periodName = document.getElementById('budget-period-name');
const periodRange = document.getElementById('budget-period-range');
const settingsToggle = document.getElementById('budget-settings-toggle');
const reportToggle = document.getElementById('budget-report-toggle');
const moveDialog = document.getElementById('budget-move-dialog');
const moveForm = document.getElementById('budget-move-form');
const rulesDialog = document.getElementById('budget-rules-dialog');
const rulesForm = document.getElementById('budget-rules-form');

const MONTH = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_MONTH = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAY = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const DAY_YEAR = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const CARRY = {
	none: 'nothing carries over',
	surplus: 'what is left carries over',
	both: 'what is left or overspent carries over',
};
// the explanation shows the carried amount's chain, at most this many periods of it
const EXPLAIN_PERIODS = 12;

const view = {
	period: null, // 'YYYY-MM'
	data: null, // the period as the API gives it
	error: null, // why the period could not be read (the API's sentence)
	settings: null, // { start_day, weekend_rule, etag }
	settingsOpen: false,
	editing: null, // the category whose assignment is being changed
	confirm: null, // 'copy' | 'fill'
	explain: new Map(), // open explanations: category id -> { rows } | { error } | { loading }
	current: null, // the period today falls in, once read
	report: null, // the report view: { from, to, rows } | { from, to, error } | { from, to, loading }
	rules: null, // the category whose rules the form changes
	members: null, // sign-in mode: the household's members [{ user_id, username }] once asked
	seq: 0,
};

// ---------- helpers ----------

function esc(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

const q = (name) => `\u201c${name}\u201d`;

// Amounts arrive as JSON numbers with two decimals; integer cents keep sums and comparisons exact.
function cents(value) {
	return Math.round(Number(value) * 100);
}

function amount(value) {
	return amountIn(value, view.data ? view.data.currency : '');
}

function monthDate(period) {
	const [y, m] = period.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, 1));
}

function periodTitle(period) {
	return MONTH.format(monthDate(period));
}

function shiftPeriod(period, delta) {
	const [y, m] = period.split('-').map(Number);
	const d = new Date(Date.UTC(y, m - 1 + delta, 1));
	return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

function isoDate(d) {
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function day(iso) {
	return new Date(`${iso}T00:00:00Z`);
}

function rangeText(start, end) {
	const from = day(start);
	const to = day(end);
	return `${(from.getUTCFullYear() === to.getUTCFullYear() ? DAY : DAY_YEAR).format(from)} \u2013 ${DAY_YEAR.format(to)}`;
}

function entriesText(n) {
	return n === 1 ? '1 entry' : `${n} entries`;
}

function say(text) {
	message.textContent = '';
	status.textContent = text;
}

function fail(error) {
	status.textContent = '';
	message.textContent = error instanceof ApiError ? error.message : String(error && error.message ? error.message : error);
}

function writable() {
	return !readOnly();
}

function rows() {
	return view.data ? view.data.categories : [];
}

function rowById(id) {
	return rows().find((r) => r.category_id === id) || null;
}

// ---------- loading ----------

// The period today falls in: the calendar month's, unless the start day moves it.
async function currentPeriod() {
	const today = isoDate(new Date());
	let period = today.slice(0, 7);
	const { data } = await api('GET', `/api/v1/budgets/${period}`);
	if (today < data.start) period = shiftPeriod(period, -1);
	else if (today > data.end) period = shiftPeriod(period, 1);
	else return { period, data };
	return { period, data: (await api('GET', `/api/v1/budgets/${period}`)).data };
}

async function load(period, focusKey) {
	view.seq += 1;
	const seq = view.seq;
	root.setAttribute('aria-busy', 'true');
	try {
		let data;
		if (period) {
			data = (await api('GET', `/api/v1/budgets/${period}`)).data;
		}
		else {
			({ period, data } = await currentPeriod());
			view.current = period;
		}
		// a member budget names its member
		if (data.categories.some((r) => r.member)) await loadMembers();
		if (seq !== view.seq) return;
		view.period = period;
		view.data = data;
		view.error = null;
	}
	catch (error) {
		if (seq !== view.seq) return;
		view.period = period || view.period || isoDate(new Date()).slice(0, 7);
		view.data = null;
		view.error = error instanceof ApiError ? error.message : String(error);
	}
	finally {
		if (seq === view.seq) root.removeAttribute('aria-busy');
	}
	render(focusKey);
}

async function loadSettings() {
	const { data, headers } = await api('GET', '/api/v1/budgets/settings');
	view.settings = { ...data, etag: headers.get('ETag') };
}

// ---------- rendering ----------

function figure(key, label, value, incomplete, extra = '') {
	return `<div class="budget-figure budget-figure-${key}"><dt>${label}</dt>`
		+ `<dd class="amount">${esc(amount(value))}${incomplete ? ' <span class="budget-partial">incomplete</span>' : ''}${extra}</dd></div>`;
}

function figuresHtml(data) {
	const expensesMissing = data.categories.reduce((n, r) => n + r.unconverted, 0);
	const incomeMissing = data.income_unconverted;
	const over = cents(data.to_assign) < 0 ? '<span class="budget-note">more than the income</span>' : '';
	let note = '';
	if (!data.complete) {
		const missing = expensesMissing + incomeMissing;
		note = `<div class="alert alert-warning small py-1 px-2 mb-2 budget-incomplete" role="note">`
			+ `${esc(entriesText(missing))} of this period could not be converted into ${esc(data.currency)} (no exchange rate on or before ${missing === 1 ? 'its' : 'their'} date): `
			+ 'the figures marked \u201cincomplete\u201d leave them out. '
			+ '<button type="button" class="btn btn-link btn-sm p-0 align-baseline alert-link" data-open="rates-open">Exchange rates</button></div>';
	}
	return `<section class="budget-figures" aria-labelledby="budget-figures-title">
		<h3 class="visually-hidden" id="budget-figures-title">Period totals</h3>
		<p class="small text-body-secondary mb-1">Amounts in ${esc(data.currency)}</p>
		<dl class="budget-figure-grid">
			${figure('income', 'Income', data.income, incomeMissing > 0)}
			${figure('to-assign', 'To assign', data.to_assign, incomeMissing > 0, over)}
			${figure('assigned', 'Assigned', data.assigned, false)}
			${figure('spent', 'Spent', data.spent, expensesMissing > 0)}
			${figure('available', 'Available', data.available, expensesMissing > 0)}
			${data.scheduled != null && cents(data.scheduled) !== 0 ? figure('after-scheduled', 'After scheduled bills', data.available_after_scheduled, expensesMissing > 0 || !data.scheduled_complete) : ''}
		</dl>
		${note}
	</section>`;
}

function actionsHtml() {
	if (!writable()) return '';
	const previous = periodTitle(shiftPeriod(view.period, -1));
	return `<div class="budget-actions writes">
		<button type="button" class="btn btn-outline-primary btn-sm" data-act="move" data-key="move">Move money</button>
		<button type="button" class="btn btn-outline-secondary btn-sm" data-act="copy" data-key="copy" aria-expanded="${view.confirm === 'copy'}">Copy from ${esc(previous)}</button>
		<button type="button" class="btn btn-outline-secondary btn-sm" data-act="fill" data-key="fill" aria-expanded="${view.confirm === 'fill'}">Fill from spending</button>
		${underfunded().length ? `<button type="button" class="btn btn-outline-secondary btn-sm" data-act="targets" data-key="targets" aria-expanded="${view.confirm === 'targets'}">Fill targets</button>` : ''}
	</div>${confirmHtml()}`;
}

// The categories whose target still needs money this period.
function underfunded() {
	return rows().filter((r) => r.target && cents(r.target.still_needed) > 0);
}

function confirmHtml() {
	const here = periodTitle(view.period);
	if (view.confirm === 'targets') {
		const list = underfunded();
		const missing = list.reduce((sum, r) => sum + cents(r.target.still_needed), 0);
		const which = list.length === 1 ? `${q(list[0].name)} what its target needs` : `the ${list.length} categories with a target what each needs`;
		return `<div class="cat-confirm budget-confirm" role="group" aria-labelledby="budget-confirm-question">
			<p class="small mb-2" id="budget-confirm-question">Assign ${esc(which)} in ${esc(here)} (${esc(amount(missing / 100))} more in all)?</p>
			<div class="d-flex gap-2"><button type="button" class="btn btn-primary btn-sm" data-act="targets-yes" data-key="confirm:yes">Assign</button>
			<button type="button" class="btn btn-outline-secondary btn-sm" data-act="confirm-no" data-key="confirm:no">Cancel</button></div></div>`;
	}
	if (view.confirm === 'copy') {
		const previous = periodTitle(shiftPeriod(view.period, -1));
		return `<div class="cat-confirm budget-confirm" role="group" aria-labelledby="budget-confirm-question">
			<p class="small mb-2" id="budget-confirm-question">Copy the amounts assigned in ${esc(previous)} into ${esc(here)}?</p>
			<div class="form-check small mb-2"><input class="form-check-input" type="checkbox" id="budget-confirm-overwrite">
				<label class="form-check-label" for="budget-confirm-overwrite">Also replace the amounts ${esc(here)} already has</label></div>
			<div class="d-flex gap-2"><button type="button" class="btn btn-primary btn-sm" data-act="copy-yes" data-key="confirm:yes">Copy</button>
			<button type="button" class="btn btn-outline-secondary btn-sm" data-act="confirm-no" data-key="confirm:no">Cancel</button></div></div>`;
	}
	if (view.confirm === 'fill') {
		const options = [1, 3, 6, 12].map((n) => `<option value="${n}"${n === 3 ? ' selected' : ''}>${n === 1 ? 'the period before' : `the last ${n} periods`}</option>`).join('');
		return `<div class="cat-confirm budget-confirm" role="group" aria-labelledby="budget-confirm-question">
			<p class="small mb-2" id="budget-confirm-question">Assign each category of ${esc(here)} the average it spent over:</p>
			<label class="visually-hidden" for="budget-fill-periods">Periods to average over</label>
			<select class="form-select form-select-sm w-auto mb-2" id="budget-fill-periods">${options}</select>
			<div class="form-check small mb-2"><input class="form-check-input" type="checkbox" id="budget-confirm-overwrite">
				<label class="form-check-label" for="budget-confirm-overwrite">Also replace the amounts ${esc(here)} already has</label></div>
			<div class="d-flex gap-2"><button type="button" class="btn btn-primary btn-sm" data-act="fill-yes" data-key="confirm:yes">Fill</button>
			<button type="button" class="btn btn-outline-secondary btn-sm" data-act="confirm-no" data-key="confirm:no">Cancel</button></div></div>`;
	}
	return '';
}

function settingsHtml() {
	if (!view.settingsOpen || !view.settings) return '';
	const s = view.settings;
	const disabled = writable() ? '' : ' disabled';
	const rule = (value, label) => `<option value="${value}"${s.weekend_rule === value ? ' selected' : ''}>${label}</option>`;
	return `<form id="budget-settings" class="budget-settings rate-grid" novalidate autocomplete="off" aria-labelledby="budget-settings-title">
		<h3 class="h6 w-100 mb-0" id="budget-settings-title">Period settings</h3>
		<div class="cat-field"><label for="budget-start-day" class="form-label small mb-0">Periods start on day</label>
			<input type="number" min="1" max="28" step="1" id="budget-start-day" name="start_day" class="form-control form-control-sm" value="${esc(s.start_day)}" required${disabled} aria-describedby="budget-start-day-hint budget-settings-start_day-error" data-key="settings:day">
			<div class="form-text small mt-0" id="budget-start-day-hint">1 to 28, e.g. your payday</div>
			<div class="invalid-feedback" id="budget-settings-start_day-error"></div></div>
		<div class="cat-field"><label for="budget-weekend-rule" class="form-label small mb-0">A start on a weekend</label>
			<select id="budget-weekend-rule" name="weekend_rule" class="form-select form-select-sm"${disabled} aria-describedby="budget-settings-weekend_rule-error">
				${rule('none', 'Stays on that day')}${rule('friday_before', 'Moves to the Friday before')}</select>
			<div class="invalid-feedback" id="budget-settings-weekend_rule-error"></div></div>
		${writable() ? '<div class="cat-field cat-save writes"><button type="submit" class="btn btn-primary btn-sm" data-key="settings:save">Save settings</button></div>' : ''}
	</form>`;
}

// The part of the budget spent: its share of carried in + assigned (full when nothing is).
function bar(row) {
	const budget = cents(row.carried_in) + cents(row.assigned);
	const spent = cents(row.spent);
	const overspent = cents(row.available) < 0;
	let percent = 0;
	let text;
	if (budget > 0) {
		percent = Math.min(100, Math.round((spent * 100) / budget));
		text = `${amount(row.spent)} spent of ${amount(budget / 100)} (${Math.round((spent * 100) / budget)}%)`;
	}
	else {
		percent = spent > 0 ? 100 : 0;
		text = spent > 0 ? `${amount(row.spent)} spent, nothing budgeted` : 'Nothing budgeted or spent';
	}
	if (overspent) text += ', overspent';
	return `<div class="progress budget-bar" role="progressbar" aria-label="${esc(row.name)}: budget spent" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${percent}" aria-valuetext="${esc(text)}">`
		+ `<div class="progress-bar${overspent ? ' bg-danger progress-bar-striped' : ''}" style="width: ${percent}%"></div></div>`;
}

function targetHtml(row) {
	const t = row.target;
	if (!t) return '';
	const goal = t.kind === 'save_by'
		? `save ${amount(t.amount)} by ${DAY_YEAR.format(day(t.date))}`
		: `refill to ${amount(t.amount)} each period`;
	const still = cents(t.still_needed) > 0 ? `, <strong>${esc(amount(t.still_needed))} still needed</strong>` : ', on track';
	return `<p class="budget-target small mb-0">Target: ${esc(goal)}; this period needs ${esc(amount(t.need))}${still}</p>`;
}

// The rules in force when they are not the default (nothing carries, whole amounts), in words.
function rulesText(row) {
	const parts = [];
	if (row.carry !== 'none' || row.carry_cap != null || row.carry_floor != null) {
		let carry = CARRY[row.carry] || row.carry;
		if (row.carry_cap != null) carry += `, at most ${amount(row.carry_cap)}`;
		if (row.carry_floor != null && row.carry === 'both') carry += `, overspending down to ${amount(row.carry_floor)}`;
		parts.push(carry);
	}
	if (row.member) parts.push(`counts ${memberLabel(row.member)}\u2019s share only`);
	const text = parts.join('; ');
	return text ? text[0].toUpperCase() + text.slice(1) : '';
}

function memberLabel(id) {
	const member = (view.members || []).find((m) => m.user_id === id);
	return member ? member.username : `member #${id}`;
}

function rulesHtml(row) {
	const text = rulesText(row);
	return text ? `<p class="budget-rules-text small mb-0"><span class="budget-label">Rules:</span> ${esc(text)}</p>` : '';
}

function assignedHtml(row) {
	const id = row.category_id;
	const shown = amount(row.assigned);
	if (!writable()) return `<span class="budget-label">Assigned</span> <span class="amount">${esc(shown)}</span>`;
	if (view.editing === id) {
		return `<span class="budget-edit"><label class="budget-label" for="budget-${id}-assigned">Assigned</label>
			<input id="budget-${id}-assigned" class="form-control form-control-sm budget-input" inputmode="decimal" autocomplete="off" value="${esc(Number(row.assigned).toFixed(2))}" aria-describedby="budget-${id}-assigned-error" data-key="${id}:input" aria-label="Assigned to ${esc(row.name)}">
			<button type="button" class="btn btn-primary btn-sm" data-act="save" data-key="${id}:save">Save</button>
			<button type="button" class="btn btn-outline-secondary btn-sm" data-act="cancel" data-key="${id}:cancel">Cancel</button></span>
			<span class="invalid-feedback budget-error" id="budget-${id}-assigned-error"></span>`;
	}
	return `<span class="budget-label">Assigned</span> <button type="button" class="btn btn-link btn-sm p-0 budget-assign amount" data-act="edit" data-key="${id}:edit" aria-label="Assigned to ${esc(row.name)}: ${esc(shown)}, change">${esc(shown)}</button>`;
}

function explainHtml(row) {
	const open = view.explain.get(row.category_id);
	if (!open) return '';
	const id = `budget-${row.category_id}-explain`;
	if (open.loading) return `<div class="budget-explain small" id="${id}">Loading\u2026</div>`;
	if (open.error) return `<div class="budget-explain small text-danger" id="${id}" role="alert">${esc(open.error)}</div>`;
	let all = open.rows;
	// the chain: from the last period nothing was carried into
	let first = 0;
	for (let i = all.length - 1; i >= 0; i -= 1) {
		if (cents(all[i].carried_in) === 0) {
			first = i;
			break;
		}
	}
	all = all.slice(first);
	const hidden = Math.max(0, all.length - EXPLAIN_PERIODS);
	const shown = all.slice(hidden);
	const items = shown.map((p) => {
		const name = SHORT_MONTH.format(monthDate(p.period));
		const carriedIn = cents(p.carried_in) !== 0 ? `${amount(p.carried_in)} carried in + ` : '';
		const out = p.period === view.period ? ''
			: `; ${amount(p.carried_out)} carried on (${CARRY[p.carry] || p.carry})`;
		return `<li><strong>${esc(name)}</strong>: ${esc(`${carriedIn}${amount(p.assigned)} assigned \u2212 ${amount(p.spent)} spent = ${amount(p.available)} available${out}`)}</li>`;
	}).join('');
	const lead = shown.length === 1 && cents(shown[0].carried_in) === 0
		? 'Nothing was carried in from earlier periods:'
		: 'Where the amount comes from, period by period:';
	return `<div class="budget-explain small" id="${id}"><p class="mb-1">${lead}</p>`
		+ (hidden ? `<p class="mb-1">(${hidden === 1 ? '1 earlier period' : `${hidden} earlier periods`} of the chain not shown)</p>` : '')
		+ `<ol class="mb-0" aria-label="How ${esc(row.name)}\u2019s available amount came about">${items}</ol></div>`;
}

function rowHtml(row) {
	const id = row.category_id;
	const own = view.data.groups.some((g) => g.group_id === id);
	const overspent = cents(row.available) < 0;
	const available = `<span class="budget-available amount${overspent ? ' text-danger-emphasis' : ''}">`
		+ `<span class="budget-label">Available</span> <strong>${esc(amount(row.available))}</strong>`
		+ `${overspent ? ' <span class="badge text-bg-danger">Overspent</span>' : ''}</span>`;
	// the carried amount as a chip: "+₪ 270.00 carried", "−₪ 30.00 carried" for an overspending
	const carriedCents = cents(row.carried_in);
	const carried = carriedCents !== 0
		? `<span class="budget-carried badge rounded-pill${carriedCents < 0 ? ' budget-carried-negative' : ''}">`
			+ `${carriedCents < 0 ? '\u2212' : '+'}${esc(amount(Math.abs(carriedCents) / 100))} carried</span>` : '';
	// what schedules are still to post in the period (null in a member's budget)
	const scheduled = row.scheduled != null && (cents(row.scheduled) !== 0 || row.scheduled_unconverted > 0)
		? `<span class="budget-scheduled"><span class="budget-label">Scheduled</span> <span class="amount">${esc(amount(row.scheduled))}</span></span>`
			+ `<span class="budget-after-scheduled${cents(row.available_after_scheduled) < 0 ? ' text-danger-emphasis' : ''}"><span class="budget-label">After scheduled</span> <span class="amount">${esc(amount(row.available_after_scheduled))}</span></span>`
		: '';
	const scheduledMissing = row.scheduled_unconverted > 0
		? `<p class="small mb-0 text-warning-emphasis">${row.scheduled_unconverted === 1 ? 'A scheduled bill' : `${row.scheduled_unconverted} scheduled bills`} without an exchange rate ${row.scheduled_unconverted === 1 ? 'is' : 'are'} not counted in scheduled.</p>` : '';
	const unconverted = row.unconverted > 0
		? `<p class="small mb-0 text-warning-emphasis">${esc(entriesText(row.unconverted))} without an exchange rate ${row.unconverted === 1 ? 'is' : 'are'} not counted in spent.</p>` : '';
	const explainOpen = view.explain.has(id);
	const cover = overspent && writable()
		? `<button type="button" class="btn btn-link btn-sm p-0 writes" data-act="cover" data-key="${id}:cover">Cover overspending<span class="visually-hidden"> of ${esc(row.name)}</span></button>` : '';
	return `<li class="budget-row${overspent ? ' budget-overspent' : ''}" data-id="${id}">
		<div class="budget-head"><span class="budget-title"><span class="budget-name" dir="auto">${esc(row.name)}</span>${row.archived ? ' <span class="badge text-bg-secondary">Archived</span>' : ''}${own ? ' <span class="small text-body-secondary fw-normal">(entries in the group itself)</span>' : ''}</span>${available}</div>
		${bar(row)}
		<div class="budget-numbers small">
			<span class="budget-assigned">${assignedHtml(row)}</span>
			<span><span class="budget-label">Spent</span> <span class="amount">${esc(amount(row.spent))}</span></span>
			${carried}${scheduled}
		</div>
		${rulesHtml(row)}${targetHtml(row)}${unconverted}${scheduledMissing}
		<div class="budget-row-actions small">
			<button type="button" class="btn btn-link btn-sm p-0" data-act="explain" data-key="${id}:explain" aria-expanded="${explainOpen}"${explainOpen ? ` aria-controls="budget-${id}-explain"` : ''}>Why this number?<span class="visually-hidden"> (${esc(row.name)})</span></button>
			${writable() ? `<button type="button" class="btn btn-link btn-sm p-0 writes" data-act="rules" data-key="${id}:rules" aria-haspopup="dialog">Rules\u2026<span class="visually-hidden"> (${esc(row.name)})</span></button>` : ''}
			${cover}
		</div>
		${explainHtml(row)}
	</li>`;
}

// The rows under their groups, in the API's order: a group (a top-level category with
// categories in it) with its own line first, then the top-level categories without any.
function groupsHtml(data) {
	const groups = new Map(data.groups.map((g) => [g.group_id, g]));
	const sections = new Map();
	for (const row of data.categories) {
		const key = row.group_id != null ? row.group_id : (groups.has(row.category_id) ? row.category_id : 'other');
		if (!sections.has(key)) sections.set(key, []);
		sections.get(key).push(row);
	}
	const onlyOther = sections.size === 1 && sections.has('other');
	return [...sections].map(([key, list]) => {
		const group = groups.get(key);
		const title = group ? group.name : (onlyOther ? 'Categories' : 'Other categories');
		const headId = `budget-group-${key}`;
		const sums = group
			? `<span class="small text-body-secondary amount">${esc(`${amount(group.assigned)} assigned \u00b7 ${amount(group.spent)} spent \u00b7 ${amount(group.available)} available`)}</span>`
			: '';
		return `<section class="budget-group" aria-labelledby="${headId}">
			<div class="budget-group-head"><h3 class="h6 m-0" id="${headId}" dir="auto">${esc(title)}</h3>${sums}</div>
			<ul class="list-unstyled budget-rows">${list.map(rowHtml).join('')}</ul></section>`;
	}).join('');
}

function emptyHtml() {
	return `<p class="budget-empty">No expense categories yet. A budget plans what each expense category may spend:
		add them on the <button type="button" class="btn btn-link p-0 align-baseline" data-act="categories">Categories page</button>.</p>`;
}

function render(focusKey) {
	const before = focusKey || (document.activeElement && root.contains(document.activeElement) ? document.activeElement.dataset.key : null);
	settingsToggle.setAttribute('aria-expanded', String(view.settingsOpen));
	if (view.period) {
		periodName.textContent = periodTitle(view.period);
		periodRange.textContent = view.data ? rangeText(view.data.start, view.data.end) : '';
	}
	const data = view.data;
	reportToggle.setAttribute('aria-pressed', String(view.report !== null));
	dialog.classList.toggle('budget-reporting', view.report !== null);
	let html = settingsHtml();
	if (view.report) {
		html += reportHtml();
	}
	else if (view.error) {
		html += `<p class="budget-unavailable" role="alert">${esc(view.error)}</p>`;
	}
	else if (data && data.categories.length === 0) {
		html += emptyHtml();
	}
	else if (data) {
		html += figuresHtml(data) + actionsHtml() + groupsHtml(data);
	}
	root.innerHTML = html;
	if (before) {
		const target = root.querySelector(`[data-key="${CSS.escape(before)}"]`);
		if (target) {
			target.focus();
			if (target.matches('input.budget-input')) target.select();
		}
	}
}

// ---------- changes ----------

function fieldError(input, errorEl, text) {
	input.classList.add('is-invalid');
	input.setAttribute('aria-invalid', 'true');
	errorEl.textContent = humanMessage(text);
	input.focus();
}

async function saveAssigned(id) {
	const row = rowById(id);
	const input = document.getElementById(`budget-${id}-assigned`);
	if (!row || !input) return;
	const text = input.value.trim();
	if (text !== '' && Number(text) === Number(row.assigned) && !Number.isNaN(Number(text))) {
		view.editing = null;
		render(`${id}:edit`);
		return;
	}
	input.readOnly = true;
	try {
		const { data } = await api('PUT', `/api/v1/budgets/${view.period}/categories/${id}`, { assigned: text },
			{ headers: { 'If-Match': `"${row.version}"` } });
		view.editing = null;
		say(`Assigned ${amount(data.assigned)} to ${q(row.name)} in ${periodTitle(view.period)}.`);
		await load(view.period, `${id}:edit`);
	}
	catch (error) {
		input.readOnly = false;
		if (error.status === 412) {
			view.editing = null;
			status.textContent = '';
			message.textContent = `Someone changed ${q(row.name)} in ${periodTitle(view.period)} meanwhile: the budget now shows it as it is. Enter your amount again if it should still change.`;
			await load(view.period, `${id}:edit`);
			return;
		}
		if (error.status === 422) {
			fieldError(input, document.getElementById(`budget-${id}-assigned-error`), error.fields.assigned || error.message);
			return;
		}
		view.editing = null;
		fail(error);
		await load(view.period);
	}
}

async function copyPrevious(overwrite) {
	const from = shiftPeriod(view.period, -1);
	const { data } = await api('POST', `/api/v1/budgets/${from}/copy`, { to: view.period, overwrite });
	view.confirm = null;
	const n = data.categories;
	say(n === 0
		? `Nothing copied: ${periodTitle(from)} has no amounts assigned${overwrite ? '' : ` that ${periodTitle(view.period)} lacks`}.`
		: `Copied ${n === 1 ? '1 amount' : `${n} amounts`} from ${periodTitle(from)}.`);
	await load(view.period, 'copy');
}

async function fill(periods, overwrite) {
	const { data } = await api('POST', `/api/v1/budgets/${view.period}/fill`, { periods, overwrite });
	view.confirm = null;
	const n = data.categories;
	say(n === 0 ? 'Nothing filled: no category without an amount spent anything in those periods.'
		: `Assigned ${n === 1 ? '1 category' : `${n} categories`} the average ${n === 1 ? 'it' : 'they'} spent.`);
	await load(view.period, 'fill');
}

// Each underfunded category gets what its target needs, one line at a time (each with its
// version: a line changed meanwhile stops the rest, and the page shows it as it is).
async function fillTargets() {
	const list = underfunded();
	let done = 0;
	for (const row of list) {
		try {
			await api('PUT', `/api/v1/budgets/${view.period}/categories/${row.category_id}`,
				{ assigned: (cents(row.target.need) / 100).toFixed(2) }, { headers: { 'If-Match': `"${row.version}"` } });
			done += 1;
		}
		catch (error) {
			view.confirm = null;
			status.textContent = '';
			const before = done ? ` (${done} of ${list.length} filled before)` : '';
			message.textContent = error.status === 412
				? `Someone changed ${q(row.name)} in ${periodTitle(view.period)} meanwhile${before}: the budget now shows it as it is.`
				: `${error instanceof ApiError ? error.message : String(error)}${before}`;
			await load(view.period, 'targets');
			return;
		}
	}
	view.confirm = null;
	say(`Assigned ${list.length === 1 ? `${q(list[0].name)} what its target needs` : `${list.length} categories what their targets need`}.`);
	await load(view.period, 'move');
}

async function toggleExplain(row) {
	const id = row.category_id;
	if (view.explain.has(id)) {
		view.explain.delete(id);
		render(`${id}:explain`);
		return;
	}
	view.explain.set(id, { loading: true });
	render(`${id}:explain`);
	const period = view.period;
	try {
		const { data } = await api('GET', `/api/v1/budgets/${period}/categories/${id}/explain`);
		if (period !== view.period || !view.explain.has(id)) return;
		view.explain.set(id, { rows: data });
	}
	catch (error) {
		if (period !== view.period || !view.explain.has(id)) return;
		view.explain.set(id, { error: error instanceof ApiError ? error.message : String(error) });
	}
	render();
}

async function saveSettings(form) {
	const raw = form.elements.start_day.value.trim();
	const body = {
		start_day: /^[0-9]+$/.test(raw) ? Number(raw) : raw,
		weekend_rule: form.elements.weekend_rule.value,
	};
	form.querySelectorAll('.is-invalid').forEach((el) => {
		el.classList.remove('is-invalid');
		el.removeAttribute('aria-invalid');
	});
	form.querySelectorAll('.invalid-feedback').forEach((el) => {
		el.textContent = '';
	});
	try {
		const headers = view.settings.etag ? { 'If-Match': view.settings.etag } : {};
		const { data, headers: answer } = await api('PUT', '/api/v1/budgets/settings', body, { headers });
		view.settings = { ...data, etag: answer.get('ETag') };
		view.settingsOpen = false;
		say(`Periods now start on day ${data.start_day}${data.weekend_rule === 'friday_before' ? ', or the Friday before when that is a weekend' : ''}.`);
		settingsToggle.focus();
		await load(view.period);
	}
	catch (error) {
		if (error.status === 412) {
			await loadSettings();
			render();
			message.textContent = 'Someone changed the period settings meanwhile: they are shown as they are now. Make your change again.';
			return;
		}
		let shown = false;
		for (const [field, text] of Object.entries(error.fields || {})) {
			const input = form.elements[field];
			const feedback = document.getElementById(`budget-settings-${field}-error`);
			if (!input || !feedback) continue;
			input.classList.add('is-invalid');
			input.setAttribute('aria-invalid', 'true');
			feedback.textContent = humanMessage(text).replace(/^Start_day is/, 'The start day is');
			if (!shown) input.focus();
			shown = true;
		}
		if (!shown) fail(error);
	}
}

// ---------- moving money ----------

function moveOptions(select, selected) {
	select.innerHTML = rows().map((r) => `<option value="${r.category_id}"${r.category_id === selected ? ' selected' : ''}>`
		+ `${esc(r.name)} (${esc(amount(r.assigned))} assigned)</option>`).join('');
}

function clearMoveErrors() {
	moveForm.querySelectorAll('.is-invalid').forEach((el) => {
		el.classList.remove('is-invalid');
		el.removeAttribute('aria-invalid');
	});
	moveForm.querySelectorAll('.invalid-feedback').forEach((el) => {
		el.textContent = '';
	});
	document.getElementById('budget-move-message').textContent = '';
}

function openMove(to, amountValue) {
	const list = rows();
	if (list.length < 2) {
		fail(new Error('Moving money needs two categories.'));
		return;
	}
	clearMoveErrors();
	// to: the category chosen (Cover), else the first overspent one, else the second
	const overspent = list.find((r) => cents(r.available) < 0);
	const target = to != null ? to : (overspent || list[1]).category_id;
	// from: the category with the most assigned that is not the target
	const from = list.filter((r) => r.category_id !== target)
		.reduce((best, r) => (best === null || cents(r.assigned) > cents(best.assigned) ? r : best), null);
	moveOptions(moveForm.elements.from, from.category_id);
	moveOptions(moveForm.elements.to, target);
	moveForm.elements.amount.value = amountValue || '';
	document.getElementById('budget-move-period').textContent = periodTitle(view.period);
	moveDialog.showModal();
	moveForm.elements.from.focus();
}

moveForm.addEventListener('submit', async (e) => {
	e.preventDefault();
	clearMoveErrors();
	const from = Number(moveForm.elements.from.value);
	const to = Number(moveForm.elements.to.value);
	const submit = moveForm.querySelector('[type="submit"]');
	if (from === to) {
		fieldError(moveForm.elements.to, document.getElementById('budget-move-to-error'), 'Choose two different categories');
		return;
	}
	submit.disabled = true;
	try {
		const { data } = await api('POST', `/api/v1/budgets/${view.period}/moves`,
			{ from, to, amount: moveForm.elements.amount.value.trim() });
		const fromRow = rowById(from);
		const toRow = rowById(to);
		moveDialog.close();
		view.data = data;
		say(`Moved ${amount(moveForm.elements.amount.value.trim())} from ${q(fromRow.name)} to ${q(toRow.name)}.`);
		render('move');
	}
	catch (error) {
		let shown = false;
		for (const [field, text] of Object.entries(error.fields || {})) {
			const input = moveForm.elements[field];
			if (!input || shown) continue;
			fieldError(input, document.getElementById(`budget-move-${field}-error`), text);
			shown = true;
		}
		if (!shown) {
			document.getElementById('budget-move-message').textContent = error instanceof ApiError ? error.message : String(error);
		}
	}
	finally {
		submit.disabled = false;
	}
});

moveForm.querySelector('[data-close]').addEventListener('click', () => moveDialog.close());
moveDialog.addEventListener('close', () => {
	const back = root.querySelector('[data-key="move"]');
	if (back && dialog.open) back.focus();
});



// ---------- budget against actual over a range ----------

function differenceHtml(value) {
	const over = cents(value) < 0;
	return `<span class="amount">${esc(amount(value))}</span>${over ? ' <span class="badge text-bg-danger">Overspent</span>' : ''}`;
}

function reportTable(id, caption, head, bodyRows, foot) {
	// the caption stays in view above the part that scrolls sideways on a narrow screen
	return `<p class="budget-report-caption" id="${id}-caption">${caption}<span class="budget-scroll-hint"> (scroll the table sideways for every column)</span></p>
		<div class="table-responsive budget-report-scroll" tabindex="0" role="region" aria-labelledby="${id}-caption">
		<table class="table table-sm align-middle budget-report-table" id="${id}" aria-labelledby="${id}-caption">
		<thead><tr><th scope="col">${head}</th><th scope="col" class="text-end">Assigned</th><th scope="col" class="text-end">Spent</th><th scope="col" class="text-end">Difference</th></tr></thead>
		<tbody>${bodyRows}</tbody>
		<tfoot>${foot}</tfoot></table></div>`;
}

function reportRow(name, assigned, spent, difference, extra = '', scope = 'row') {
	const over = cents(difference) < 0;
	return `<tr${over ? ' class="budget-report-over"' : ''}><th scope="${scope}" dir="auto">${name}${extra}</th>`
		+ `<td class="text-end amount">${esc(amount(assigned))}</td><td class="text-end amount">${esc(amount(spent))}</td>`
		+ `<td class="text-end">${differenceHtml(difference)}</td></tr>`;
}

function reportHtml() {
	const r = view.report;
	const form = `<form id="budget-report-range" class="rate-grid budget-report-range" novalidate autocomplete="off" aria-labelledby="budget-report-title">
		<div class="cat-field"><label for="budget-report-from" class="form-label small mb-0">From</label>
			<input type="month" id="budget-report-from" name="from" class="form-control form-control-sm" value="${esc(r.from)}" required aria-describedby="budget-report-from-error" data-key="report:from">
			<div class="invalid-feedback" id="budget-report-from-error"></div></div>
		<div class="cat-field"><label for="budget-report-to" class="form-label small mb-0">To</label>
			<input type="month" id="budget-report-to" name="to" class="form-control form-control-sm" value="${esc(r.to)}" required aria-describedby="budget-report-to-hint budget-report-to-error" data-key="report:to">
			<div class="form-text small mt-0" id="budget-report-to-hint">Up to 120 periods</div>
			<div class="invalid-feedback" id="budget-report-to-error"></div></div>
		<div class="cat-field cat-save"><button type="submit" class="btn btn-primary btn-sm" data-key="report:show">Show</button></div>
	</form>`;
	let body = '';
	if (r.loading) {
		body = '<p class="small">Loading\u2026</p>';
	}
	else if (r.error) {
		body = `<p class="budget-unavailable" role="alert">${esc(r.error)}</p>`;
	}
	else if (r.rows) {
		const periods = r.rows;
		const title = `${SHORT_MONTH.format(monthDate(r.shownFrom))} \u2013 ${SHORT_MONTH.format(monthDate(r.shownTo))}`;
		let assigned = 0;
		let spent = 0;
		const byCategory = new Map();
		const periodRows = periods.map((p) => {
			assigned += cents(p.assigned);
			spent += cents(p.spent);
			let missing = 0;
			for (const c of p.categories) {
				const sums = byCategory.get(c.category_id) || { name: c.name, assigned: 0, spent: 0, unconverted: 0 };
				sums.name = c.name;
				sums.assigned += cents(c.assigned);
				sums.spent += cents(c.spent);
				sums.unconverted += c.unconverted;
				missing += c.unconverted;
				byCategory.set(c.category_id, sums);
			}
			const partial = missing > 0 ? ' <span class="budget-partial">spent incomplete</span>' : '';
			return reportRow(esc(SHORT_MONTH.format(monthDate(p.period))), p.assigned, p.spent, p.difference, partial);
		}).join('');
		const all = periods.length === 1 ? 'The period' : `All ${periods.length} periods`;
		const total = reportRow(all, assigned / 100, spent / 100, (assigned - spent) / 100);
		const categories = [...byCategory.values()].sort((x, y) => x.name.localeCompare(y.name));
		const categoryRows = categories.map((c) => reportRow(esc(c.name), c.assigned / 100, c.spent / 100,
			(c.assigned - c.spent) / 100, c.unconverted > 0 ? ` <span class="budget-partial">${esc(entriesText(c.unconverted))} without a rate left out</span>` : '')).join('');
		const overCount = periods.filter((p) => cents(p.difference) < 0).length;
		const summary = overCount === 0 ? 'No period of these was overspent.'
			: `${overCount === 1 ? '1 period' : `${overCount} periods`} of ${periods.length} overspent.`;
		body = `<p class="small text-body-secondary mb-1">Amounts in ${esc(view.data ? view.data.currency : '')}; difference = assigned \u2212 spent. ${esc(summary)}</p>`
			+ reportTable('budget-report-periods', `Per period, ${esc(title)}`, 'Period', periodRows, total)
			+ (categories.length
				? reportTable('budget-report-categories', `Per category, ${esc(title)}`, 'Category', categoryRows, '')
				: '<p class="small">Nothing was assigned or spent in these periods.</p>');
	}
	return `<section class="budget-report" aria-labelledby="budget-report-title">
		<div class="d-flex flex-wrap align-items-baseline gap-2 mb-1"><h3 class="h6 m-0 me-auto" id="budget-report-title">Budget against actual</h3>
		<button type="button" class="btn btn-link btn-sm p-0" data-act="report-close" data-key="report:close">Back to the period</button></div>
		${form}${body}</section>`;
}

async function loadReport(from, to, focusKey) {
	view.report = { from, to, loading: true };
	render(focusKey);
	try {
		const { data } = await api('GET', `/api/v1/reports/budget?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
		if (!view.report || view.report.from !== from || view.report.to !== to) return;
		view.report = { from, to, rows: data, shownFrom: from, shownTo: to };
		render(focusKey);
	}
	catch (error) {
		if (!view.report || view.report.from !== from || view.report.to !== to) return;
		if (error.status === 422 && Object.keys(error.fields).some((f) => f === 'from' || f === 'to')) {
			view.report = { from, to };
			render();
			let first = null;
			for (const field of ['from', 'to']) {
				if (!error.fields[field]) continue;
				const input = document.getElementById(`budget-report-${field}`);
				input.classList.add('is-invalid');
				input.setAttribute('aria-invalid', 'true');
				document.getElementById(`budget-report-${field}-error`).textContent = error.fields[field];
				if (!first) first = input;
			}
			first.focus();
			return;
		}
		view.report = { from, to, error: error instanceof ApiError ? error.message : String(error) };
		render(focusKey);
	}
}

function openReport() {
	const to = view.current || view.period || isoDate(new Date()).slice(0, 7);
	view.editing = null;
	view.confirm = null;
	view.settingsOpen = false;
	message.textContent = '';
	status.textContent = '';
	loadReport(shiftPeriod(to, -11), to, 'report:from');
}

function closeReport() {
	view.report = null;
	message.textContent = '';
	render();
	reportToggle.focus();
}

reportToggle.addEventListener('click', () => {
	if (view.report) closeReport();
	else openReport();
});

// ---------- a category's rules ----------

// Sign-in mode: the household's members, from the balance (which every member may read); a
// household of one, single-user mode or a JSON-era phase: none.
async function loadMembers() {
	if (view.members) return view.members;
	try {
		const { data: account } = await api('GET', '/api/v1/account');
		if (!account || !account.username) {
			view.members = [];
			return view.members;
		}
		const { data } = await api('GET', '/api/v1/balance');
		view.members = balanceMembers(data).map((m) => ({ user_id: m.user_id, username: m.username }));
	}
	catch (error) {
		view.members = [];
	}
	return view.members;
}

function amountField(value) {
	return value == null ? '' : Number(value).toFixed(2);
}

function clearRulesErrors() {
	rulesForm.querySelectorAll('.is-invalid').forEach((el) => {
		el.classList.remove('is-invalid');
		el.removeAttribute('aria-invalid');
	});
	rulesForm.querySelectorAll('.invalid-feedback').forEach((el) => {
		el.textContent = '';
	});
	document.getElementById('budget-rules-message').textContent = '';
}

function showTargetFields() {
	const kind = rulesForm.elements.target_kind.value;
	document.getElementById('budget-rules-target-fields').hidden = kind === '';
	document.getElementById('budget-rules-date-field').hidden = kind !== 'save_by';
}

async function openRules(row) {
	const members = await loadMembers();
	view.rules = row.category_id;
	clearRulesErrors();
	document.getElementById('budget-rules-title').textContent = `Rules of \u201c${row.name}\u201d`;
	document.getElementById('budget-rules-from').textContent = `These rules hold from ${periodTitle(view.period)} on, `
		+ 'until a later period sets its own; earlier periods keep theirs.';
	const f = rulesForm.elements;
	f.carry.value = row.carry || 'none';
	f.carry_cap.value = amountField(row.carry_cap);
	f.carry_floor.value = amountField(row.carry_floor);
	f.target_kind.value = row.target ? row.target.kind : '';
	f.target_amount.value = row.target ? amountField(row.target.amount) : '';
	f.target_date.value = row.target && row.target.date ? row.target.date : '';
	showTargetFields();
	const memberField = document.getElementById('budget-rules-member-field');
	memberField.hidden = members.length < 2;
	const select = f.member;
	select.replaceChildren(new Option('Whole amounts (everyone)', '0'),
		...members.map((m) => new Option(`${m.username}\u2019s share only`, String(m.user_id))));
	if (row.member && !members.some((m) => m.user_id === row.member)) {
		select.append(new Option(`${memberLabel(row.member)}\u2019s share only`, String(row.member)));
	}
	select.value = String(row.member || 0);
	rulesDialog.showModal();
	rulesForm.querySelector('input[name="carry"]:checked').focus();
}

// Only what the form changes: the carry rule (mode, cap and floor together), the target, the member.
function rulesChange(row) {
	const f = rulesForm.elements;
	const body = {};
	const cap = f.carry_cap.value.trim();
	const floor = f.carry_floor.value.trim();
	const same = (text, value) => (text === '' ? value == null : value != null && Number(text) === Number(value));
	if (f.carry.value !== row.carry || !same(cap, row.carry_cap) || !same(floor, row.carry_floor)) {
		body.carry = f.carry.value;
		body.carry_cap = cap === '' ? null : cap;
		body.carry_floor = floor === '' ? null : floor;
	}
	const kind = f.target_kind.value;
	const targetAmount = f.target_amount.value.trim();
	const date = f.target_date.value;
	if (kind === '') {
		if (row.target) body.target = null;
	}
	else if (!row.target || row.target.kind !== kind || !same(targetAmount, row.target.amount)
		|| (kind === 'save_by' && date !== row.target.date)) {
		body.target = kind === 'save_by' ? { kind, amount: targetAmount, date } : { kind, amount: targetAmount };
	}
	if (!document.getElementById('budget-rules-member-field').hidden && Number(f.member.value) !== (row.member || 0)) {
		body.member = Number(f.member.value);
	}
	return body;
}

// A 422's messages next to their fields ("target.amount" beside the target's amount).
function rulesErrors(error) {
	const fields = {
		carry: 'carry', carry_cap: 'carry_cap', carry_floor: 'carry_floor', target: 'target_kind',
		'target.kind': 'target_kind', 'target.amount': 'target_amount', 'target.date': 'target_date', member: 'member',
	};
	let first = null;
	for (const issue of error.issues || []) {
		const name = fields[issue.path];
		if (!name) continue;
		const input = name === 'carry' ? rulesForm.querySelector('input[name="carry"]') : rulesForm.elements[name];
		const feedback = document.getElementById(`budget-rules-${issue.path === 'target.kind' ? 'target' : issue.path}-error`);
		if (!input || !feedback) continue;
		input.classList.add('is-invalid');
		input.setAttribute('aria-invalid', 'true');
		feedback.textContent = feedback.textContent ? `${feedback.textContent}; ${issue.message}` : issue.message;
		if (!first) first = input;
	}
	if (first) first.focus();
	return first !== null;
}

async function saveRules() {
	const row = rowById(view.rules);
	if (!row) return;
	clearRulesErrors();
	const body = rulesChange(row);
	if (Object.keys(body).length === 0) {
		rulesDialog.close();
		say(`Nothing changed in the rules of ${q(row.name)}.`);
		return;
	}
	const submit = rulesForm.querySelector('[type="submit"]');
	submit.disabled = true;
	try {
		await api('PUT', `/api/v1/budgets/${view.period}/categories/${row.category_id}`, body,
			{ headers: { 'If-Match': `"${row.version}"` } });
		rulesDialog.close();
		say(`Saved the rules of ${q(row.name)} from ${periodTitle(view.period)} on.`);
		await load(view.period, `${row.category_id}:rules`);
	}
	catch (error) {
		if (error.status === 412) {
			rulesDialog.close();
			status.textContent = '';
			await load(view.period, `${row.category_id}:rules`);
			message.textContent = `Someone changed ${q(row.name)} in ${periodTitle(view.period)} meanwhile: the budget now shows it as it is. Open its rules again if they should still change.`;
			return;
		}
		if (error.status === 422 && rulesErrors(error)) return;
		document.getElementById('budget-rules-message').textContent = error instanceof ApiError ? error.message : String(error);
	}
	finally {
		submit.disabled = false;
	}
}

rulesForm.elements.target_kind.addEventListener('change', showTargetFields);
rulesForm.addEventListener('submit', (e) => {
	e.preventDefault();
	saveRules();
});
rulesForm.querySelector('[data-close]').addEventListener('click', () => rulesDialog.close());
rulesDialog.addEventListener('close', () => {
	const back = view.rules != null ? root.querySelector(`[data-key="${view.rules}:rules"]`) : null;
	view.rules = null;
	if (back && dialog.open) back.focus();
});

// ---------- events ----------

root.addEventListener('click', async (e) => {
	const button = e.target.closest('[data-act]');
	if (!button) return;
	const item = button.closest('.budget-row');
	const row = item ? rowById(Number(item.dataset.id)) : null;
	message.textContent = '';
	try {
		switch (button.dataset.act) {
			case 'edit':
				view.editing = row.category_id;
				status.textContent = '';
				render(`${row.category_id}:input`);
				return;
			case 'save':
				await saveAssigned(row.category_id);
				return;
			case 'cancel':
				view.editing = null;
				render(`${row.category_id}:edit`);
				return;
			case 'explain':
				await toggleExplain(row);
				return;
			case 'rules':
				await openRules(row);
				return;
			case 'report-close':
				closeReport();
				return;
			case 'cover':
				openMove(row.category_id, (-cents(row.available) / 100).toFixed(2));
				return;
			case 'move':
				openMove(null, '');
				return;
			case 'copy':
			case 'fill':
			case 'targets':
				view.confirm = view.confirm === button.dataset.act ? null : button.dataset.act;
				render(view.confirm ? 'confirm:yes' : button.dataset.act);
				return;
			case 'confirm-no': {
				const was = view.confirm;
				view.confirm = null;
				render(was);
				return;
			}
			case 'copy-yes':
				button.disabled = true;
				await copyPrevious(document.getElementById('budget-confirm-overwrite').checked);
				return;
			case 'fill-yes':
				button.disabled = true;
				await fill(Number(document.getElementById('budget-fill-periods').value),
					document.getElementById('budget-confirm-overwrite').checked);
				return;
			case 'targets-yes':
				button.disabled = true;
				await fillTargets();
				return;
			case 'categories':
				dialog.close();
				document.getElementById('categories-open').click();
				return;
			default:
		}
	}
	catch (error) {
		button.disabled = false;
		fail(error);
	}
});

root.addEventListener('keydown', (e) => {
	if (e.target.matches('input.budget-input')) {
		const id = Number(e.target.closest('.budget-row').dataset.id);
		if (e.key === 'Enter') {
			e.preventDefault();
			saveAssigned(id);
		}
		else if (e.key === 'Escape') {
			// closes the editor, not the page
			e.preventDefault();
			e.stopPropagation();
			if (!e.target.readOnly) {
				view.editing = null;
				render(`${id}:edit`);
			}
		}
		return;
	}
	if (e.key === 'Escape' && view.confirm && e.target.closest('.budget-confirm')) {
		e.preventDefault();
		e.stopPropagation();
		const was = view.confirm;
		view.confirm = null;
		render(was);
	}
});

root.addEventListener('submit', (e) => {
	e.preventDefault();
	if (e.target.id === 'budget-settings') saveSettings(e.target);
	if (e.target.id === 'budget-report-range') {
		loadReport(e.target.elements.from.value, e.target.elements.to.value, 'report:show');
	}
});

function go(delta) {
	view.editing = null;
	view.confirm = null;
	view.explain.clear();
	message.textContent = '';
	status.textContent = '';
	load(shiftPeriod(view.period, delta));
}

document.getElementById('budget-prev').addEventListener('click', () => {
	if (view.period) go(-1);
});
document.getElementById('budget-next').addEventListener('click', () => {
	if (view.period) go(1);
});

settingsToggle.addEventListener('click', async () => {
	message.textContent = '';
	if (view.settingsOpen) {
		view.settingsOpen = false;
		render();
		return;
	}
	try {
		await loadSettings();
		view.report = null;
		view.settingsOpen = true;
		render('settings:day');
	}
	catch (error) {
		fail(error);
	}
});

openButton.addEventListener('click', () => {
	view.editing = null;
	view.confirm = null;
	view.settingsOpen = false;
	view.report = null;
	view.explain.clear();
	view.data = null;
	view.error = null;
	root.innerHTML = '';
	message.textContent = '';
	status.textContent = '';
	dialog.showModal();
	load(null);
});
dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());

// An exchange rate added (from the incomplete note's link) or an entry changed: read again.
for (const event of ['hb:money-changed', 'hb:categories-changed']) {
	document.addEventListener(event, () => {
		if (dialog.open && view.period && view.editing === null) load(view.period);
	});
}
