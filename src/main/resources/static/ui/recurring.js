// "Repeat" on an expense or income row (app.js sends hb:make-recurring with the row): a dialog
// that makes a schedule of it (POST /api/v1/schedules) with the row's fields: every month on its
// day, on the last day of the month, every week or two on its weekday, or every year; the next
// date (a period after the row's), how many times, what to do on a weekend, and whether the app
// posts it on its date or waits for Confirm in the Upcoming strip (for a bill whose amount
// varies).
import { api } from './api.js';

const dialog = document.getElementById('recurring-dialog');
const form = document.getElementById('recurring-form');
const what = document.getElementById('recurring-what');
const rule = document.getElementById('recurring-rule');
const start = document.getElementById('recurring-start');
const count = document.getElementById('recurring-count');
const weekend = document.getElementById('recurring-weekend');
const mode = document.getElementById('recurring-mode');
const approximate = document.getElementById('recurring-approximate');
const message = document.getElementById('recurring-message');
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

let current = null;

function parse(date) {
	return new Date(`${date}T00:00:00Z`);
}

function iso(date) {
	return date.toISOString().slice(0, 10);
}

function lastDay(year, month) {
	return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The rules offered for a row's date, each with the next date after it. */
function rules(date) {
	const d = parse(date);
	const day = d.getUTCDate();
	const y = d.getUTCFullYear();
	const m = d.getUTCMonth();
	const weekday = d.getUTCDay();
	const nextMonth = new Date(Date.UTC(y, m + 1, Math.min(day, lastDay(y, m + 1))));
	const plusDays = (n) => new Date(Date.UTC(y, m, day + n));
	const list = [
		{ value: `FREQ=MONTHLY;BYMONTHDAY=${day}`, label: `Every month on day ${day}`, next: nextMonth },
		{ value: 'FREQ=MONTHLY;BYMONTHDAY=-1', label: 'Every month on its last day',
			next: new Date(Date.UTC(y, m + 1, lastDay(y, m + 1))) },
		{ value: `FREQ=WEEKLY;BYDAY=${WEEKDAYS[weekday]}`, label: `Every week on ${WEEKDAY_NAMES[weekday]}`,
			next: plusDays(7) },
		{ value: `FREQ=WEEKLY;INTERVAL=2;BYDAY=${WEEKDAYS[weekday]}`,
			label: `Every two weeks on ${WEEKDAY_NAMES[weekday]}`, next: plusDays(14) },
		{ value: 'FREQ=YEARLY', label: 'Every year on this date',
			next: new Date(Date.UTC(y + 1, m, Math.min(day, lastDay(y + 1, m)))) },
	];
	// on the last day of its month the month-end rule comes first
	return day === lastDay(y, m) ? [list[1], list[0], ...list.slice(2)] : list;
}

function open(kind, row) {
	current = { kind, row, rules: rules(row.date) };
	const name = (kind === 'expense' && row.business) ? row.business : row.category;
	what.textContent = `${name}, ${row.amount} ${row.currency} (${kind})`;
	rule.replaceChildren(...current.rules.map((r) => new Option(r.label, r.value)));
	start.value = iso(current.rules[0].next);
	count.value = '';
	weekend.value = 'keep';
	mode.value = 'auto';
	approximate.checked = false;
	message.textContent = '';
	dialog.showModal();
	rule.focus();
}

rule.addEventListener('change', () => {
	const chosen = current.rules.find((r) => r.value === rule.value);
	if (chosen) start.value = iso(chosen.next);
});

form.addEventListener('submit', async (event) => {
	event.preventDefault();
	const { kind, row } = current;
	const template = { category: row.category, amount: String(row.amount), account: row.account,
		currency: row.currency, notes: row.notes };
	if (kind === 'expense') template.business = row.business;
	const body = { kind, template, rrule: rule.value, start: start.value, weekend: weekend.value,
		mode: mode.value, approximate: approximate.checked };
	if (count.value.trim()) body.count = Number(count.value);
	const save = form.querySelector('button[type="submit"]');
	save.disabled = true;
	try {
		await api('POST', '/api/v1/schedules', body);
		dialog.close();
		document.dispatchEvent(new CustomEvent('hb:schedules-changed'));
		const status = document.getElementById('upcoming-message');
		if (status) status.textContent = `${rule.selectedOptions[0].text}, from ${start.value}`;
	}
	catch (e) {
		message.textContent = e.message;
	}
	finally {
		save.disabled = false;
	}
});

document.getElementById('recurring-cancel').addEventListener('click', () => dialog.close());
document.addEventListener('hb:make-recurring', (event) => open(event.detail.kind, event.detail.row));
