// The month view's category chart against the budget: under each bar of a budgeted category a
// thin bar with a mark at the budget (carried in + assigned) and the words "₪ 120.00 of
// ₪ 200.00, ₪ 80.00 left" or "..., over by ₪ 15.00" with an "Over budget" badge, so that
// nothing depends on colour. The figures are the budget period's as GET /api/v1/budgets/{YYYY-MM}
// gives them, in the household's base currency (its spent converted at each entry's rate), never
// mixed with the chart's own per-currency totals; the period named by the month is used, and its
// dates are said when they are not the calendar month's (payday budgeting). Budgeted categories
// the chart has no bar for are listed below it. Entries without a rate make the comparison
// incomplete, and it says so. Where budgets are not available (409 with the JSON files primary,
// 404 on an older server) the chart stays as it is.
import { api, ApiError } from './api.js';
import { categoryKey } from './categories.js';
import { amountIn, noRateText } from './money.js';

const DAY = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const DAY_YEAR = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const ADDED = '.chart-budget, .chart-budget-extra, .chart-budget-note';
const OVER_ICON = '<svg class="chart-budget-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">'
	+ '<path fill="currentColor" d="M8 1.5a1 1 0 0 1 .87.5l6.5 11.25A1 1 0 0 1 14.5 14.75h-13a1 1 0 0 1-.87-1.5L7.13 2a1 1 0 0 1 .87-.5Zm0 4a.75.75 0 0 0-.75.75v3.5a.75.75 0 0 0 1.5 0v-3.5A.75.75 0 0 0 8 5.5Zm0 6.25a.9.9 0 1 0 0 1.8.9.9 0 0 0 0-1.8Z"/></svg>';

// the last chart shown (re-read when the Budget page closes); a newer call makes older answers moot
let shown = null;
let seq = 0;

function esc(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * An amount of the API (a JSON number or a string with at most two decimals) in integer cents,
 * read from its decimal digits so that no binary fraction is ever rounded.
 */
export function toCents(value) {
	const text = typeof value === 'number' ? value.toFixed(2) : String(value ?? '0').trim();
	const match = /^([-+]?)(\d+)(?:\.(\d{0,2}))?$/.exec(text);
	if (!match) throw new Error(`not an amount: ${text}`);
	const c = Number(match[2]) * 100 + Number((match[3] || '').padEnd(2, '0'));
	return match[1] === '-' ? -c : c;
}

// cents as the decimal text money() formats ("-1234.05")
function centsText(c) {
	const abs = Math.abs(c);
	return `${c < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function day(iso) {
	return new Date(`${iso}T00:00:00Z`);
}

function rangeText(start, end) {
	const from = day(start);
	const to = day(end);
	return `${(from.getUTCFullYear() === to.getUTCFullYear() ? DAY : DAY_YEAR).format(from)} \u2013 ${DAY_YEAR.format(to)}`;
}

function calendarMonth(month, data) {
	const [y, m] = month.split('-').map(Number);
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return data.start === `${month}-01` && data.end === `${month}-${String(last).padStart(2, '0')}`;
}

/**
 * A category's line of the period in cents: budget (carried in + assigned), spent (converted),
 * whether it is budgeted at all (something assigned or carried in) and whether it is over.
 */
function line(row) {
	const assigned = toCents(row.assigned);
	const carried = toCents(row.carried_in);
	const budget = carried + assigned;
	const spent = toCents(row.spent);
	return {
		row, budget, spent, budgeted: assigned !== 0 || carried !== 0, over: spent > budget,
		unconverted: Number(row.unconverted) || 0,
	};
}

// The thin bar: what was spent up to the budget, what went over it (hatched), a mark at the budget.
function trackHtml(l) {
	const scale = Math.max(l.budget, l.spent, 1);
	const pct = (c) => `${((Math.max(0, c) * 100) / scale).toFixed(1)}%`;
	const within = Math.min(l.spent, Math.max(l.budget, 0));
	const over = l.over ? `<span class="chart-budget-over" style="left:${pct(l.budget)};width:${pct(l.spent - Math.max(l.budget, 0))}"></span>` : '';
	return `<span class="chart-budget-track" aria-hidden="true"><span class="chart-budget-spent" style="width:${pct(within)}"></span>${over}`
		+ `<span class="chart-budget-mark" style="left:${pct(l.budget)}"></span></span>`;
}

function textHtml(l, currency) {
	const amount = (c) => esc(amountIn(centsText(c), currency));
	let text = `${amount(l.spent)} of ${amount(l.budget)}`;
	let badge = '';
	if (l.over) {
		text += `, <strong>over by ${amount(l.spent - l.budget)}</strong>`;
		badge = ` <span class="badge text-bg-danger chart-budget-badge">${OVER_ICON} Over budget</span>`;
	}
	else if (l.budget > l.spent) {
		text += `, ${amount(l.budget - l.spent)} left`;
	}
	const incomplete = l.unconverted > 0 ? ` <span class="text-warning-emphasis">(incomplete: ${esc(noRateText(l.unconverted))})</span>` : '';
	return `<span class="chart-budget-text amount">${text}${incomplete}${badge}</span>`;
}

function budgetHtml(l, currency) {
	if (!l || !l.budgeted) {
		return '<span class="chart-budget chart-budget-none small text-body-secondary">No budget</span>';
	}
	return `<span class="chart-budget small">${trackHtml(l)}${textHtml(l, currency)}</span>`;
}

// Takes away what an earlier call added.
function clear(el) {
	el.querySelectorAll(ADDED).forEach((node) => node.remove());
	el.querySelectorAll('.chart-budget-row').forEach((node) => node.classList.remove('chart-budget-row'));
}

// Adds the budget to the chart; whether the month has one.
function render(el, month, data) {
	clear(el);
	const lines = new Map();
	for (const row of data.categories) {
		const l = line(row);
		const key = categoryKey(row.name);
		// an archived namesake never hides the category in use
		if (!lines.has(key) || (l.budgeted && !lines.get(key).budgeted)) lines.set(key, l);
	}
	const budgeted = [...lines.values()].filter((l) => l.budgeted);
	if (!budgeted.length) return false;
	const drawn = new Set();
	for (const item of el.querySelectorAll('.bars > li')) {
		const label = item.querySelector('.bar-label');
		if (!label) continue;
		const key = categoryKey(label.getAttribute('title') ?? label.textContent);
		const l = lines.get(key);
		drawn.add(key);
		item.insertAdjacentHTML('beforeend', budgetHtml(l, data.currency));
		item.classList.add('chart-budget-row');
	}
	const rest = budgeted.filter((l) => !drawn.has(categoryKey(l.row.name)));
	if (rest.length) {
		el.insertAdjacentHTML('beforeend', `<div class="chart-budget-extra">
			<p class="small fw-semibold mb-1 mt-2" id="chart-budget-extra-title">Also budgeted</p>
			<ul class="bars list-unstyled m-0" aria-labelledby="chart-budget-extra-title">${rest.map((l) => `
				<li class="chart-budget-row"><span class="bar-label" title="${esc(l.row.name)}" dir="auto">${esc(l.row.name)}</span>${budgetHtml(l, data.currency)}</li>`).join('')}</ul></div>`);
	}
	const missing = data.categories.reduce((n, r) => n + (Number(r.unconverted) || 0), 0);
	const which = calendarMonth(month, data) ? 'this month\u2019s budget' : `the budget of the period ${rangeText(data.start, data.end)}`;
	el.insertAdjacentHTML('beforeend', `<p class="chart-budget-note small mb-0 mt-2 text-body-secondary">`
		+ `Thin bars: spent against ${esc(which)} (carried in + assigned), in ${esc(data.currency)}.</p>`
		+ (missing > 0 ? `<p class="chart-budget-note chart-budget-incomplete small mb-0 text-warning-emphasis"><strong>Incomplete:</strong> `
			+ `${esc(noRateText(missing))}, so ${missing === 1 ? 'it is' : 'they are'} not counted in spent.</p>` : ''));
	return true;
}

/**
 * Adds the budget of the period named by month (YYYY-MM) to the category chart drawn in el,
 * replacing what an earlier call added; leaves the chart as it is without a budget. preloaded:
 * the budget's answer when it is already asked for (the period's, bootstrap.js).
 */
export async function showBudget(el, month, preloaded = null) {
	seq += 1;
	const mine = seq;
	shown = { el, month };
	// the chart as drawn now: an answer that comes after it was drawn again (or failed) is moot
	const drawn = el.firstElementChild;
	const current = () => mine === seq && el.firstElementChild === drawn;
	// what became of it: loading, shown, none (no budget), unavailable (409, 404) or error
	el.dataset.budgetFor = month;
	el.dataset.budget = 'loading';
	let data;
	try {
		({ data } = await (preloaded || api('GET', `/api/v1/budgets/${month}`)));
	}
	catch (e) {
		if (!current()) return;
		clear(el);
		const silent = e instanceof ApiError && (e.status === 404 || e.status === 409);
		if (!silent) unavailable(el, e);
		el.dataset.budget = silent ? 'unavailable' : 'error';
		return;
	}
	if (!current()) return;
	try {
		el.dataset.budget = render(el, month, data) ? 'shown' : 'none';
	}
	catch (e) {
		clear(el);
		unavailable(el, e);
		el.dataset.budget = 'error';
	}
}

function unavailable(el, error) {
	el.insertAdjacentHTML('beforeend', '<p class="chart-budget-note small mb-0 mt-2 text-body-secondary">'
		+ `Budget not shown: ${esc(error instanceof ApiError ? error.message : String(error && error.message ? error.message : error))}</p>`);
}

// What the Budget page changed shows in the chart once it is closed.
const budgetDialog = document.getElementById('budget-dialog');
if (budgetDialog) {
	budgetDialog.addEventListener('close', () => {
		if (shown && shown.el.isConnected) showBudget(shown.el, shown.month);
	});
}
