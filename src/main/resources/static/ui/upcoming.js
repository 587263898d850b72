// The "Upcoming" strip of the month view: what the household's schedules bring in the next two
// weeks (GET /api/v1/upcoming), by date. An item that waits for confirmation (a schedule in
// confirm mode, due or still to come) has its amount (the real one can be typed in: the bill
// was 61.20, not the estimated 60) and Confirm / Skip: Confirm posts the entry, which the month
// then lists; Skip drops that occurrence. Items posted automatically are shown for information.
// A viewer sees the strip without the buttons. Hidden when nothing is coming up, and where the
// JSON files are the primary store (the API answers 409 there).
import { api, humanMessage } from './api.js';
import { fromStart } from './bootstrap.js';
import { amountIn } from './money.js';

const section = document.getElementById('upcoming');
const list = document.getElementById('upcoming-list');
const message = document.getElementById('upcoming-message');

const DAYS = 14;
const DAY = new Intl.DateTimeFormat('en-US', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

function dayLabel(date) {
	return DAY.format(new Date(`${date}T00:00:00Z`));
}

function title(item) {
	const name = item.business || item.category;
	return item.label ? `${name} (${item.label})` : name;
}

function waits(item) {
	return item.status === 'due' || item.status === 'to_confirm';
}

function render(items) {
	list.replaceChildren();
	for (const item of items) {
		const li = document.createElement('li');
		li.className = `upcoming-item upcoming-${item.status}`;
		li.dataset.schedule = item.schedule_id;
		li.dataset.occurrence = item.occurrence;
		const when = document.createElement('span');
		when.className = 'upcoming-date';
		when.textContent = dayLabel(item.date);
		const what = document.createElement('span');
		what.className = 'upcoming-title';
		what.dir = 'auto'; // a business or category, maybe Hebrew
		what.textContent = title(item);
		const amount = document.createElement('span');
		amount.className = `upcoming-amount amount ${item.kind === 'income' ? 'text-success-emphasis' : ''}`;
		amount.textContent = (item.approximate ? '~\u00a0' : '') + amountIn(item.amount, item.currency);
		li.append(when, what, amount);
		if (item.status === 'due') {
			const badge = document.createElement('span');
			badge.className = 'badge text-bg-warning upcoming-badge';
			badge.textContent = 'Due';
			li.append(badge);
		}
		if (waits(item)) {
			li.append(actions(item));
		}
		list.append(li);
	}
	section.hidden = items.length === 0;
}

function actions(item) {
	const form = document.createElement('form');
	form.className = 'upcoming-actions';
	form.noValidate = true;
	const name = title(item);
	const input = document.createElement('input');
	input.type = 'text';
	input.inputMode = 'decimal';
	input.className = 'form-control form-control-sm upcoming-input';
	input.value = Number(item.amount).toFixed(2);
	input.setAttribute('aria-label', `Amount of ${name} on ${dayLabel(item.date)}`);
	const confirm = document.createElement('button');
	confirm.type = 'submit';
	confirm.className = 'btn btn-primary btn-sm';
	confirm.textContent = 'Confirm';
	confirm.setAttribute('aria-label', `Confirm ${name} on ${dayLabel(item.date)}`);
	const skip = document.createElement('button');
	skip.type = 'button';
	skip.className = 'btn btn-outline-secondary btn-sm';
	skip.textContent = 'Skip';
	skip.setAttribute('aria-label', `Skip ${name} on ${dayLabel(item.date)}`);
	form.append(input, confirm, skip);
	const path = `/api/v1/schedules/${item.schedule_id}/occurrences/${item.occurrence}`;
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const amount = input.value.trim().replace(/,/g, '');
		handle(form, () => api('POST', `${path}/confirm`, amount ? { amount } : {}),
			`${name} confirmed`);
	});
	skip.addEventListener('click', () => handle(form, () => api('POST', `${path}/skip`), `${name} skipped`));
	return form;
}

async function handle(form, request, done) {
	for (const control of form.elements) control.disabled = true;
	message.textContent = '';
	try {
		await request();
		message.textContent = done;
		message.classList.remove('text-danger');
		// the month lists the new entry (and its category, if new) and counts it
		document.dispatchEvent(new CustomEvent('hb:categories-changed'));
		document.dispatchEvent(new CustomEvent('hb:money-changed'));
		await load();
	}
	catch (e) {
		message.textContent = humanMessage(e.message);
		message.classList.add('text-danger');
		for (const control of form.elements) control.disabled = false;
	}
}

// the first load comes with the page's start (its 14 days are the start's default)
let first = true;

async function load() {
	const path = `/api/v1/upcoming?days=${DAYS}`;
	const fromTheStart = first;
	first = false;
	try {
		render((await (fromTheStart ? fromStart('upcoming', path) : api('GET', path))).data);
	}
	catch (e) {
		// 409 where the JSON files are primary; any other failure: no strip rather than a broken one
		section.hidden = true;
	}
}

if (section) {
	load();
	document.addEventListener('hb:schedules-changed', load);
}
