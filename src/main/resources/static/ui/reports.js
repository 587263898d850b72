// Reports a person can read: the period picker (month, quarter, year or a custom range) that the
// table, the totals and the charts follow; the expenses by category, each against its average
// over the twelve periods of the same length before; the trend of the last twelve months with
// axis values. A category or a month bar, clicked or tapped, filters the table to it. Every
// figure carries its currency; a converted figure says when entries were left out (no rate).
import { api, ApiError } from './api.js';
import { fromPeriod } from './bootstrap.js';
import { showBudget, toCents } from './budget-chart.js';
import { categoryById, categoryKey, categoryNamed, colourOf } from './categories.js';
import { amountIn, currencyCode, currencySymbol, noRateText } from './money.js';
import { choosePeriod, period, periodName, periodRange, periodWord, periodsSince, previousTwelve, shiftPeriod } from './period.js';

const MONTH_NAME = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });
const AXIS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const SHOWN = 8;

// the page's month (the period is around it), the filters and the figures' currencies
let shown = { month: null, filters: {}, expenseCurrency: null, base: 'ILS' };
let seq = 0;
let allCategories = false;

function $(selector, root = document) {
	return root.querySelector(selector);
}

function esc(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function errorText(error) {
	return error instanceof ApiError ? error.message : String(error && error.message ? error.message : error);
}

function monthName(month) {
	const [y, m] = month.split('-').map(Number);
	return MONTH_NAME.format(new Date(Date.UTC(y, m - 1, 1)));
}

function shiftMonth(month, delta) {
	const [y, m] = month.split('-').map(Number);
	const d = new Date(Date.UTC(y, m - 1 + delta, 1));
	return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

// cents as the decimal text money() formats
function centsText(c) {
	const abs = Math.abs(c);
	return `${c < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function changePeriod(month) {
	document.dispatchEvent(new CustomEvent('hb:period-changed', { detail: { month } }));
}

// ---------- the period picker ----------

// fillRange: the custom range's fields show the period (not when charts are redrawn: a late
// answer must not overwrite days being typed)
function showPeriod(month, fillRange) {
	shown.month = month;
	$('#period-name').textContent = periodName(month);
	for (const radio of document.querySelectorAll('input[name="period-kind"]')) radio.checked = radio.value === period.kind;
	const custom = $('#period-custom');
	custom.hidden = period.kind !== 'custom';
	if (fillRange) {
		const { from, to } = periodRange(month);
		$('#period-from').value = from;
		$('#period-to').value = to;
	}
	const word = period.kind === 'custom' ? 'range' : period.kind;
	// named "Show the previous period" (the header's arrows are "Previous month")
	$('#period-prev').title = `Previous ${word}`;
	$('#period-next').title = `Next ${word}`;
	$('#category-chart-heading').textContent = `Expenses by category, ${periodName(month)}`;
}

// Days typed into the custom range since it was last filled in: the answer of a load begun
// before (a month, quarter or year still arriving) must not put other days over them.
let rangeTyped = false;

function wirePeriod() {
	for (const field of [$('#period-from'), $('#period-to')]) {
		field.addEventListener('input', () => {
			rangeTyped = true;
		});
	}
	for (const radio of document.querySelectorAll('input[name="period-kind"]')) {
		radio.addEventListener('change', () => {
			if (!radio.checked) return;
			if (radio.value === 'custom') {
				// the range shown so far becomes the custom one, ready to be changed
				const { from, to } = periodRange(shown.month);
				choosePeriod('custom', from, to);
				rangeTyped = false;
				showPeriod(shown.month, true); // the From and To fields follow (focus stays on the radio)
				return;
			}
			choosePeriod(radio.value);
			changePeriod(shown.month);
		});
	}
	$('#period-prev').addEventListener('click', () => changePeriod(shiftPeriod(shown.month, -1)));
	$('#period-next').addEventListener('click', () => changePeriod(shiftPeriod(shown.month, 1)));
	$('#period-custom').addEventListener('submit', (e) => {
		e.preventDefault();
		const from = $('#period-from').value;
		const to = $('#period-to').value;
		const message = $('#period-custom-error');
		const bad = !from || !to || from > to;
		message.textContent = bad ? 'Choose a first day on or before the last day.' : '';
		$('#period-from').setAttribute('aria-invalid', String(bad));
		$('#period-to').setAttribute('aria-invalid', String(bad));
		if (bad) return;
		choosePeriod('custom', from, to);
		rangeTyped = false;
		changePeriod(from.slice(0, 7));
	});
}

// ---------- filters from the charts ----------

function filterCategory(name) {
	const input = $('#filter-category');
	input.value = categoryKey(input.value) === categoryKey(name) ? '' : name;
	$('#filters').requestSubmit();
}

// The category filter names a category, any spelling, and, for a group, its categories.
function matchesCategory(name, filter) {
	const key = categoryKey(filter);
	if (!key) return true;
	if (categoryKey(name) === key) return true;
	const category = categoryNamed('expense', name);
	const parent = category && category.parent_id != null ? categoryById(category.parent_id) : null;
	return Boolean(parent && categoryKey(parent.name) === key);
}

// ---------- expenses by category against the average ----------

// The one currency of the expenses in a range (a single-currency report does not name it).
async function rangeCurrency(from, to) {
	try {
		const { data } = await fromPeriod(shown.month, 'expense_before', `/api/v1/expense?from=${from}&to=${to}&limit=1`);
		return (data[0] && currencyCode(data[0].currency)) || shown.base;
	}
	catch (e) {
		return shown.base;
	}
}

// The day of the household's first expense before a day (null: none, or not known): one row.
async function firstExpenseDay(before) {
	try {
		const { data } = await fromPeriod(shown.month, 'first_expense_before', `/api/v1/expense?from=0001-01-01&to=${before}&sort=date&limit=1`);
		return (data[0] && data[0].date) || null;
	}
	catch (e) {
		return null;
	}
}

// The filters the table shows, as report parameters ('' when none).
function filterQuery() {
	const filters = new URLSearchParams();
	for (const [k, v] of Object.entries(shown.filters)) if ((v || '').trim() !== '') filters.set(k, v.trim());
	return filters.toString();
}

// A category report of a range: the period's answer (bootstrap.js) unfiltered; with filters it
// is asked with them, so the bars add up what the table and the totals show.
function categoryReport(month, part, from, to) {
	const filters = filterQuery();
	const path = `/api/v1/reports/categories?kind=expense&from=${from}&to=${to}`;
	return (filters ? api('GET', `${path}&${filters}`) : fromPeriod(month, part, path)).then((r) => r.data);
}

async function loadCategories(mine) {
	const el = $('#category-chart');
	const month = shown.month;
	const { from, to } = periodRange(month);
	const before = previousTwelve(month);
	try {
		const [now, past, first] = await Promise.all([
			categoryReport(month, 'by_category', from, to),
			categoryReport(month, 'by_category_before', before.from, before.to).catch(() => null),
			firstExpenseDay(before.to),
		]);
		// not known (an older server): the twelve periods; none before at all: nothing to compare
		const periods = first ? periodsSince(month, first) : (past && past.length ? 12 : 0);
		const pastSeveral = Array.isArray(past) && past.some((i) => Array.isArray(i.by_currency));
		const pastCurrency = past && past.length && !pastSeveral ? await rangeCurrency(before.from, before.to) : null;
		if (mine !== seq) return;
		drawCategories(el, now, past, pastCurrency, periods);
		if (period.kind === 'month') showBudget(el, from.slice(0, 7), fromPeriod(month, 'budget', `/api/v1/budgets/${from.slice(0, 7)}`));
	}
	catch (e) {
		if (mine === seq) el.innerHTML = `<p class="small text-body-secondary">Not available: ${esc(errorText(e))}</p>`;
	}
}

// An item's figure: its currency, its cents (null when not all of it could be converted).
function figureOf(item, single) {
	if (Array.isArray(item.by_currency)) return { code: item.currency, cents: item.complete ? toCents(item.total) : null };
	return { code: single, cents: toCents(item.total) };
}

// "Average of the 12 months before: ₪ 80.00, 25% above". The average is over the twelve periods
// before, or over those since the first expense when there are fewer (a period without any of
// the category counts as 0).
function averageText(item, past, pastCurrency, single, periods) {
	const kind = period.kind === 'custom' ? 'range' : period.kind;
	const plural = `${periods === 1 ? '' : `${periods} `}${kind === 'range' ? `range${periods === 1 ? '' : 's'} of this length` : `${kind}${periods === 1 ? '' : 's'}`}`;
	const label = `Average of the ${plural} before${periods < 12 ? ' (since the first expense)' : ''}`;
	if (!past) return '';
	if (periods === 0) return '<span class="bar-average small text-body-secondary">No earlier expenses to compare with</span>';
	const now = figureOf(item, single);
	const before = past.find((p) => categoryKey(p.category) === categoryKey(item.category));
	if (!before) return `<span class="bar-average small text-body-secondary">${esc(label)}: none</span>`;
	const then = figureOf(before, pastCurrency);
	if (then.cents === null || now.cents === null) {
		return `<span class="bar-average small text-warning-emphasis">${esc(label)}: incomplete, some entries have no rate</span>`;
	}
	if (then.code !== now.code) {
		return `<span class="bar-average small text-body-secondary">${esc(label)}: ${esc(amountIn(centsText(Math.round(then.cents / periods)), then.code))} (another currency)</span>`;
	}
	const average = Math.round(then.cents / periods);
	let change = '';
	if (average > 0) {
		const percent = Math.round(((now.cents - average) / average) * 100);
		change = percent === 0 ? ', as usual' : `, ${Math.abs(percent)}% ${percent > 0 ? 'above' : 'below'}`;
	}
	return `<span class="bar-average small text-body-secondary">${esc(label)}: ${esc(amountIn(centsText(average), then.code))}${esc(change)}</span>`;
}

function drawCategories(el, all, past, pastCurrency, periods) {
	const filter = shown.filters.category || '';
	// the server filtered already (an older one did not: the category is matched here too)
	const items = all.filter((i) => matchesCategory(i.category, filter));
	const filtered = Object.values(shown.filters).some((v) => (v || '').trim() !== '');
	if (!items.length) {
		el.innerHTML = `<p class="small text-body-secondary">No expenses in ${esc(periodWord())}${filtered ? ' match the filters' : ''}.</p>`;
		return;
	}
	const single = shown.expenseCurrency || shown.base;
	const top = allCategories ? items : items.slice(0, SHOWN);
	const max = Math.max(...top.map((i) => Number(i.total)), 0.01);
	el.innerHTML = `<ul class="bars list-unstyled m-0">${top.map((i) => {
		const several = Array.isArray(i.by_currency);
		const colour = colourOf('expense', i.category);
		const style = `width:${Math.max(1, (Number(i.total) / max) * 100).toFixed(1)}%${colour ? `;background:${esc(colour)}` : ''}`;
		let value = esc(amountIn(i.total, single));
		let lines = '';
		if (several && i.by_currency.length === 1 && i.by_currency[0].currency === i.currency) {
			value = esc(amountIn(i.by_currency[0].total, i.currency)); // already in the base currency
		}
		else if (several) {
			value = i.complete ? `\u2248\u00a0${esc(amountIn(i.total, i.currency))}` : '<span class="text-warning-emphasis">incomplete</span>';
			lines = `<span class="bar-currencies small text-body-secondary">${i.by_currency.map((c) => esc(amountIn(c.total, c.currency))).join(' \u00b7 ')}`
				+ `${i.complete ? '' : ` (${esc(noRateText(Number(i.unconverted)))})`}</span>`;
		}
		const active = filter && categoryKey(filter) === categoryKey(i.category);
		const name = i.category || '(none)';
		return `
		<li${active ? ' class="active"' : ''}><button type="button" class="bar-label btn btn-link btn-sm p-0 text-start" title="${esc(i.category)}" dir="auto" data-category="${esc(i.category)}" aria-pressed="${active ? 'true' : 'false'}" aria-label="${esc(name)}: show only this category">${esc(name)}</button>
		<span class="bar-track"><span class="bar" style="${style}"></span></span>
		<span class="bar-value amount">${value}</span>${lines}${averageText(i, past, pastCurrency, single, periods)}</li>`;
	}).join('')}</ul>`
		+ (items.length > SHOWN ? `<button type="button" class="btn btn-link btn-sm p-0 mt-1" data-all-categories>${allCategories ? `Show the largest ${SHOWN}` : `Show all ${items.length} categories`}</button>` : '');
}

// ---------- the last twelve months ----------

// Nice axis steps (1, 2, 5 × 10^n) so that about four lines cover the largest bar.
function axisTicks(max) {
	if (max <= 0) return [0, 1];
	const rough = max / 4;
	const power = 10 ** Math.floor(Math.log10(rough));
	const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough);
	const ticks = [];
	for (let v = 0; v < max + step; v += step) ticks.push(v);
	return ticks;
}

async function trendMonths(end) {
	const first = shiftMonth(end, -11);
	if (Object.values(shown.filters).some((v) => (v || '').trim() !== '')) {
		// filtered: each month's expenses from the summary, filtered like the list
		const months = Array.from({ length: 12 }, (_, i) => shiftMonth(first, i));
		const filters = filterQuery();
		const sums = await Promise.all(months.map((month) => {
			const [y, m] = month.split('-').map(Number);
			const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
			return api('GET', `/api/v1/expense/summary?from=${month}-01&to=${month}-${last}&${filters}`).then((r) => r.data);
		}));
		const several = sums.some((s) => Array.isArray(s.by_currency));
		return {
			filtered: true,
			base: several ? shown.base : null,
			months: months.map((month, i) => ({
				month, expenses: sums[i].total, incomes: null,
				unconverted: Array.isArray(sums[i].by_currency) ? Number(sums[i].unconverted || 0) : 0,
				by_currency: Array.isArray(sums[i].by_currency) ? sums[i].by_currency.map((c) => ({ currency: c.currency, expenses: c.total, incomes: 0 })) : null,
			})),
		};
	}
	const years = [...new Set([Number(first.slice(0, 4)), Number(end.slice(0, 4))])];
	const reports = await Promise.all(years.map((year) => fromPeriod(shown.month, `monthly.${year}`, `/api/v1/reports/monthly?year=${year}`)));
	const months = reports.flatMap((r) => r.data.months);
	const at = months.findIndex((m) => m.month === end);
	const base = (reports.find((r) => r.data.currency) || { data: {} }).data.currency || null;
	return { filtered: false, base, months: months.slice(at - 11, at + 1) };
}

async function loadTrend(mine) {
	const el = $('#trend-chart');
	const end = periodRange(shown.month).to.slice(0, 7);
	try {
		const data = await trendMonths(end);
		if (mine !== seq) return;
		drawTrend(el, data);
	}
	catch (e) {
		if (mine === seq) el.innerHTML = `<p class="small text-body-secondary">Not available: ${esc(errorText(e))}</p>`;
	}
}

// One button per month (expenses and incomes bars; filtered: the matching expenses only); with
// several currencies the bars are converted into the base currency, a month with entries without
// a rate is marked (a dashed bar, an asterisk), and a line per currency gives each one's sums.
function drawTrend(el, { filtered, base, months }) {
	const code = base || shown.expenseCurrency || shown.base;
	const approx = base ? '\u2248\u00a0' : '';
	const figure = (v) => `${approx}${amountIn(v, code)}`;
	const values = months.flatMap((m) => [Number(m.expenses), Number(m.incomes || 0)]);
	const ticks = axisTicks(Math.max(...values, 0));
	const top = ticks[ticks.length - 1];
	const missing = months.reduce((n, m) => n + Number(m.unconverted || 0), 0);
	const { from, to } = periodRange(shown.month);
	const bars = months.map((m) => {
		const [yy] = m.month.split('-').map(Number);
		const name = monthName(m.month);
		const inPeriod = m.month >= from.slice(0, 7) && m.month <= to.slice(0, 7);
		const current = period.kind === 'month' && m.month === shown.month;
		const incomplete = Number(m.unconverted || 0) > 0;
		const parts = (m.by_currency || []).map((c) => filtered ? amountIn(c.expenses, c.currency) : `${amountIn(c.expenses, c.currency)} spent, ${amountIn(c.incomes, c.currency)} earned`);
		const label = `${name} ${yy}: expenses ${figure(m.expenses)}${filtered ? ' (matching the filters)' : `, incomes ${figure(m.incomes)}`}`
			+ (parts.length ? ` (${parts.join('; ')})` : '') + (incomplete ? `; incomplete: ${noRateText(Number(m.unconverted))}` : '');
		const height = (v) => `${Math.max(0, (Number(v) / top) * 100).toFixed(1)}%`;
		return `<li><button type="button" class="trend-month${current ? ' current' : ''}${inPeriod ? ' in-period' : ''}${incomplete ? ' incomplete' : ''}"`
			+ ` data-month="${m.month}" aria-pressed="${current ? 'true' : 'false'}" aria-label="${esc(label)}. Show this month" title="${esc(label)}">`
			+ `<span class="trend-pair" aria-hidden="true"><span class="tb t-exp" style="height:${height(m.expenses)}"></span>`
			+ (filtered ? '' : `<span class="tb t-inc" style="height:${height(m.incomes)}"></span>`) + '</span>'
			+ `<span class="trend-name" aria-hidden="true">${name}${incomplete ? '*' : ''}</span></button></li>`;
	}).join('');
	const axis = ticks.map((t) => `<span class="trend-tick" style="bottom:${((t / top) * 100).toFixed(1)}%">${esc(currencySymbol(code))}\u00a0${esc(AXIS.format(t))}</span>`).join('');
	let perCurrency = '';
	if (base) {
		const sums = new Map();
		for (const m of months) {
			for (const c of m.by_currency || []) {
				const t = sums.get(c.currency) || { e: 0, i: 0 };
				t.e += toCents(c.expenses);
				t.i += toCents(c.incomes || 0);
				sums.set(c.currency, t);
			}
		}
		perCurrency = `<ul class="list-unstyled small mb-0 mt-1 trend-currencies" aria-label="Last 12 months by currency">${[...sums].map(([c, t]) => `<li>${esc(c)}: expenses ${esc(amountIn(centsText(t.e), c))}${filtered ? '' : `, incomes ${esc(amountIn(centsText(t.i), c))}`}</li>`).join('')}</ul>`
			+ `<p class="small mb-0 mt-1 ${missing ? 'text-warning-emphasis' : 'text-body-secondary'}">Bars converted into ${esc(currencySymbol(base))}`
			+ `${missing ? `; * incomplete: ${esc(noRateText(missing))}` : ''}.</p>`;
	}
	el.innerHTML = `<div class="trend-plot"><div class="trend-axis" aria-hidden="true">${axis}</div>`
		+ `<ol class="trend-bars list-unstyled m-0" aria-label="Months: choose one to show it">${bars}</ol></div>`
		+ `<div class="small legend"><span class="sw sw-exp"></span> Expenses${filtered ? ' matching the filters' : ' <span class="sw sw-inc ms-2"></span> Incomes'}`
		+ `<span class="ms-2 text-body-secondary">(${esc(currencySymbol(code))}${base ? ', converted' : ''})</span></div>`
		+ perCurrency;
}

// ---------- wiring ----------

function draw() {
	if (!shown.month) return;
	seq += 1;
	const mine = seq;
	loadCategories(mine);
	loadTrend(mine);
}

wirePeriod();
document.addEventListener('hb:period-shown', (e) => showPeriod(e.detail.month, !rangeTyped));
document.addEventListener('hb:shown', (e) => {
	shown = { ...e.detail };
	showPeriod(shown.month, false);
	draw();
});
$('#category-chart').addEventListener('click', (e) => {
	const label = e.target.closest('[data-category]');
	if (label) {
		filterCategory(label.dataset.category);
		return;
	}
	if (e.target.closest('[data-all-categories]')) {
		allCategories = !allCategories;
		draw();
	}
});
$('#trend-chart').addEventListener('click', (e) => {
	const bar = e.target.closest('[data-month]');
	if (!bar) return;
	choosePeriod('month');
	changePeriod(bar.dataset.month);
});
