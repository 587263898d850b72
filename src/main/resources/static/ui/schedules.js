// The schedules page (a dialog from the header's "Schedules"): every schedule of the household
// with what it repeats, its rule in words, the next date and amount, how many it has posted
// ("3 of 12" for an instalment plan) and why the last posting failed, if it did. Change the
// amount (Save), Pause or Resume, End, Delete; each change is sent with the schedule's version
// (If-Match), so that a change made meanwhile is not overwritten. A viewer reads the list only.
import { api } from './api.js';
import { amountIn } from './money.js';

const dialog = document.getElementById('schedules-dialog');
const list = document.getElementById('schedules-list');
const empty = document.getElementById('schedules-empty');
const message = document.getElementById('schedules-message');

const DAY_NAMES = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday',
	SU: 'Sunday' };

/** FREQ=MONTHLY;BYMONTHDAY=-1 → "every month on its last day"; other rules as they are. */
function ruleText(rrule) {
	const parts = Object.fromEntries(rrule.replace(/^RRULE:/i, '').split(';').map((p) => p.split('=')));
	const every = parts.INTERVAL && parts.INTERVAL !== '1' ? `every ${parts.INTERVAL} ` : 'every ';
	const unit = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' }[parts.FREQ];
	if (!unit) return rrule;
	let text = every + (every === 'every ' ? unit : `${unit}s`);
	if (parts.BYMONTHDAY === '-1') text += ' on its last day';
	else if (parts.BYMONTHDAY) text += ` on day ${parts.BYMONTHDAY}`;
	else if (parts.BYDAY && DAY_NAMES[parts.BYDAY]) text += ` on ${DAY_NAMES[parts.BYDAY]}`;
	else if (parts.BYDAY) text += ` (${parts.BYDAY})`;
	return text;
}

function nameOf(s) {
	return (s.kind === 'expense' && s.template.business) ? s.template.business : s.template.category;
}

function render(schedules) {
	list.replaceChildren();
	empty.hidden = schedules.length > 0;
	for (const s of schedules) {
		const li = document.createElement('li');
		li.className = 'schedule-item';
		li.dataset.id = s.id;
		const name = nameOf(s);
		const head = document.createElement('div');
		const strong = document.createElement('strong');
		strong.textContent = name;
		const status = document.createElement('span');
		status.className = `badge ms-2 ${s.status === 'active' ? 'text-bg-success' : 'text-bg-secondary'}`;
		status.textContent = s.status === 'active' ? 'Active' : s.status === 'paused' ? 'Paused' : 'Ended';
		head.append(strong, status);
		const details = document.createElement('div');
		details.className = 'small text-body-secondary';
		const posted = s.instalments ? `${s.posted} of ${s.count} paid` : `${s.posted} posted`;
		const next = s.next ? `next ${s.next.date}: ${amountIn(s.next.amount, s.next.currency)}` : 'nothing left to post';
		details.textContent = `${ruleText(s.rrule)}${s.mode === 'confirm' ? ', on Confirm' : ''}; ${next}; ${posted}`;
		li.append(head, details);
		if (s.last_error) {
			const error = document.createElement('div');
			error.className = 'small text-danger';
			error.textContent = `Could not post: ${s.last_error}`;
			li.append(error);
		}
		li.append(actions(s, name));
		list.append(li);
	}
}

function actions(s, name) {
	const form = document.createElement('form');
	form.className = 'schedule-actions';
	form.noValidate = true;
	const headers = { 'If-Match': `"${s.version}"` };
	const path = `/api/v1/schedules/${s.id}`;
	if (!s.instalments && s.status !== 'ended') {
		const amount = document.createElement('input');
		amount.type = 'text';
		amount.inputMode = 'decimal';
		amount.className = 'form-control form-control-sm';
		amount.value = Number(s.template.amount).toFixed(2);
		amount.setAttribute('aria-label', `Amount of ${name}`);
		const save = button('Save', `Save the amount of ${name}`, 'submit');
		form.append(amount, save);
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			const template = { ...s.template, amount: amount.value.trim().replace(/,/g, '') };
			change(form, () => api('PATCH', path, { template }, { headers }), `${name}: amount saved`);
		});
	}
	if (s.status === 'active') {
		form.append(button('Pause', `Pause ${name}`, 'button', () => change(form,
			() => api('PATCH', path, { status: 'paused' }, { headers }), `${name} paused`)));
	}
	else if (s.status === 'paused') {
		form.append(button('Resume', `Resume ${name}`, 'button', () => change(form,
			() => api('PATCH', path, { status: 'active' }, { headers }), `${name} resumed`)));
	}
	if (s.status !== 'ended') {
		form.append(button('End', `End ${name}`, 'button', () => change(form,
			() => api('PATCH', path, { status: 'ended' }, { headers }), `${name} ended`)));
	}
	form.append(button('Delete', `Delete ${name} (its entries stay)`, 'button', () => change(form,
		() => api('DELETE', path, undefined, { headers }), `${name} deleted`)));
	return form;
}

function button(text, label, type, onClick) {
	const b = document.createElement('button');
	b.type = type;
	b.className = text === 'Save' ? 'btn btn-primary btn-sm' : 'btn btn-outline-secondary btn-sm';
	b.textContent = text;
	b.setAttribute('aria-label', label);
	if (onClick) b.addEventListener('click', onClick);
	return b;
}

async function change(form, request, done) {
	for (const control of form.elements) control.disabled = true;
	try {
		await request();
		message.textContent = done;
		message.classList.remove('text-danger');
		document.dispatchEvent(new CustomEvent('hb:schedules-changed'));
	}
	catch (e) {
		message.textContent = e.message;
		message.classList.add('text-danger');
	}
	await load();
}

async function load() {
	try {
		render((await api('GET', '/api/v1/schedules')).data);
	}
	catch (e) {
		list.replaceChildren();
		empty.hidden = true;
		message.textContent = e.message;
		message.classList.add('text-danger');
	}
}

document.getElementById('schedules-open').addEventListener('click', async () => {
	message.textContent = '';
	await load();
	dialog.showModal();
});
document.getElementById('schedules-close').addEventListener('click', () => dialog.close());

// the header's Rules (rules.js): its module is fetched when first opened, not with the app
document.getElementById('rules-open').addEventListener('click', async () => (await import('./rules.js')).open());
