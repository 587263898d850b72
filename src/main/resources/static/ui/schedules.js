// The schedules page (a dialog from the header's "Schedules"): every schedule of the household
// with what it repeats, its rule in words, the next date and amount, how many it has posted
// ("3 of 12" for an instalment plan) and why the last posting failed, if it did. Change the
// amount (Save), edit every other field but the start (Edit…), Pause or Resume, End, Delete; each change is sent with the schedule's version
// (If-Match), so that a change made meanwhile is not overwritten. A viewer reads the list only.
import { api } from './api.js';
import { amountIn } from './money.js';

const dialog = document.getElementById('schedules-dialog');
const list = document.getElementById('schedules-list');
const empty = document.getElementById('schedules-empty');
const message = document.getElementById('schedules-message');
let editing = null; // the id of the schedule whose edit form is open

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
		if (editing === s.id && s.status !== 'ended') li.append(editForm(s, name));
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
	if (s.status !== 'ended') {
		const edit = button('Edit\u2026', `Edit ${name}`, 'button', () => {
			editing = editing === s.id ? null : s.id;
			load().then(() => {
				const first = list.querySelector(`[data-id="${s.id}"] .schedule-edit input, [data-id="${s.id}"] .schedule-edit select`);
				if (editing === s.id && first) first.focus();
			});
		});
		edit.setAttribute('aria-expanded', String(editing === s.id));
		form.append(edit);
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

// The rules a schedule can be changed to: its own, and the common ones for its next date.
function ruleOptions(s) {
	const next = new Date(`${(s.next && s.next.occurrence) || s.start}T00:00:00`);
	const day = next.getDate();
	const weekday = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][next.getDay()];
	const options = [
		[`FREQ=MONTHLY;BYMONTHDAY=${day}`, `Every month on day ${day}`],
		['FREQ=MONTHLY;BYMONTHDAY=-1', 'Every month on its last day'],
		[`FREQ=WEEKLY;BYDAY=${weekday}`, `Every week on ${DAY_NAMES[weekday]}`],
		[`FREQ=WEEKLY;INTERVAL=2;BYDAY=${weekday}`, `Every 2 weeks on ${DAY_NAMES[weekday]}`],
		['FREQ=YEARLY', 'Every year on the same date'],
	];
	if (!options.some(([value]) => value === s.rrule)) options.unshift([s.rrule, ruleText(s.rrule)]);
	return options;
}

function labelled(s, key, text, control) {
	const wrap = document.createElement('div');
	wrap.className = 'field';
	control.id = `schedule-${s.id}-${key}`;
	control.name = key;
	const label = document.createElement('label');
	label.className = 'form-label small mb-0';
	label.htmlFor = control.id;
	label.textContent = text;
	wrap.append(label, control);
	return wrap;
}

function input(value, type = 'text') {
	const control = document.createElement('input');
	control.type = type;
	control.className = 'form-control form-control-sm';
	control.value = value == null ? '' : String(value);
	if (type === 'text') control.dir = 'auto';
	return control;
}

function select(options, value) {
	const control = document.createElement('select');
	control.className = 'form-select form-select-sm';
	for (const [v, text] of options) control.append(new Option(text, v, false, v === value));
	return control;
}

// Every field of a schedule but its start: what its entries say, its rule, its end, the weekend
// rule, how it posts. Only what changed is sent, with the schedule's version.
function editForm(s, name) {
	const form = document.createElement('form');
	form.className = 'schedule-edit';
	form.noValidate = true;
	form.setAttribute('aria-label', `Edit ${name}`);
	const t = s.template;
	const fields = [];
	if (s.kind === 'expense') fields.push(labelled(s, 'business', 'Business', input(t.business)));
	fields.push(labelled(s, 'category', 'Category', input(t.category)));
	if (!s.instalments) {
		const amount = input(t.amount == null ? '' : Number(t.amount).toFixed(2));
		amount.inputMode = 'decimal';
		fields.push(labelled(s, 'amount', 'Amount', amount));
	}
	fields.push(labelled(s, 'account', 'Account', input(t.account)));
	fields.push(labelled(s, 'notes', 'Notes', input(t.notes)));
	if (!s.instalments) {
		fields.push(labelled(s, 'rrule', 'Repeats', select(ruleOptions(s), s.rrule)));
		fields.push(labelled(s, 'end', 'Last date (empty: until stopped)', input(s.end, 'date')));
	}
	fields.push(labelled(s, 'weekend', 'On a weekend', select([['keep', 'Keep the date'],
		['before', 'Move to the Friday before'], ['after', 'Move to the Monday after']], s.weekend)));
	fields.push(labelled(s, 'mode', 'Post it', select([['auto', 'Automatically on its date'],
		['confirm', 'When I confirm it']], s.mode)));
	const grid = document.createElement('div');
	grid.className = 'schedule-edit-grid';
	grid.append(...fields);
	const error = document.createElement('p');
	error.className = 'small text-danger m-0';
	error.setAttribute('role', 'alert');
	const save = button('Save', `Save the changes to ${name}`, 'submit');
	const cancel = button('Cancel', `Stop editing ${name}`, 'button', () => {
		editing = null;
		load();
	});
	const buttons = document.createElement('div');
	buttons.className = 'd-flex gap-2';
	buttons.append(save, cancel);
	form.append(grid, error, buttons);
	form.addEventListener('keydown', (event) => {
		if (event.key === 'Escape') {
			event.preventDefault();
			event.stopPropagation();
			editing = null;
			load();
		}
	});
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const f = form.elements;
		const body = {};
		const template = { ...t };
		let templateChanged = false;
		for (const key of ['business', 'category', 'account', 'notes']) {
			if (!f[key]) continue;
			const value = f[key].value.trim();
			const before = t[key] == null ? '' : String(t[key]);
			if (value !== before) {
				template[key] = value === '' && key === 'notes' ? null : value;
				templateChanged = true;
			}
		}
		if (f.amount) {
			const value = f.amount.value.trim().replace(/,/g, '');
			if (t.amount == null || Number(value) !== Number(t.amount) || value === '') {
				template.amount = value;
				templateChanged = true;
			}
		}
		if (templateChanged) body.template = template;
		if (f.rrule && f.rrule.value !== s.rrule) body.rrule = f.rrule.value;
		if (f.end && (f.end.value || null) !== (s.end || null)) body.end = f.end.value || null;
		if (f.weekend.value !== s.weekend) body.weekend = f.weekend.value;
		if (f.mode.value !== s.mode) body.mode = f.mode.value;
		if (Object.keys(body).length === 0) {
			editing = null;
			await load();
			message.textContent = `${name}: nothing changed`;
			return;
		}
		for (const control of form.elements) control.disabled = true;
		try {
			await api('PATCH', `/api/v1/schedules/${s.id}`, body, { headers: { 'If-Match': `"${s.version}"` } });
			editing = null;
			message.textContent = `${name}: changes saved`;
			message.classList.remove('text-danger');
			document.dispatchEvent(new CustomEvent('hb:schedules-changed'));
			await load();
		}
		catch (e) {
			for (const control of form.elements) control.disabled = false;
			if (e.status === 412) {
				editing = null;
				await load();
				message.textContent = `Someone changed ${name} meanwhile; it is shown as it is now.`;
				message.classList.add('text-danger');
				return;
			}
			error.textContent = e.issues && e.issues.length ? e.issues.map((i) => `${i.path.replace(/^template\./, '')}: ${i.message}`).join('. ') : e.message;
		}
	});
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
	editing = null;
	await load();
	dialog.showModal();
});
document.getElementById('schedules-close').addEventListener('click', () => dialog.close());

// the header's Rules (rules.js): its module is fetched when first opened, not with the app
document.getElementById('rules-open').addEventListener('click', async () => (await import('./rules.js')).open());
