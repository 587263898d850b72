// History, trash and undo: the toast with Undo after a delete, a bulk delete or a settle-up;
// a row's history ("dana changed amount 42.00 → 24.00, 3 Dec, web"); the household's
// activity; and the trash with Restore. Shown only where the server keeps history (PostgreSQL
// primary, phases P2 and P3); where it answers 409 (the JSON files primary) none of it appears
// and deletes are final, as before.
import { api, ApiError } from './api.js';
import { fromStart } from './bootstrap.js';
import { isOwner, readOnly } from './households.js';
import { money } from './money.js';

/** How long the Undo toast stays (longer while it has the pointer or the focus). */
const UNDO_MS = 8000;

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const DAY_YEAR = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const FIELD_NAMES = {
	date: 'date', business: 'business', category: 'category', amount: 'amount', account: 'account',
	currency: 'currency', notes: 'notes', paid_by: 'payer', for_whom: 'for whom', from_user: 'from',
	to_user: 'to', name: 'name', parent_id: 'group', colour: 'colour', archived: 'archived',
	position: 'position', assigned: 'assigned', carry: 'carry', start_day: 'start day',
};
const KIND_NAMES = {
	expense: 'expense', income: 'income', settlement: 'settle-up', category: 'category',
	budget: 'budget line', budget_settings: 'budget settings',
};

let availability = null;

/** Whether the server keeps history and a trash (asked once). */
export function historyAvailable() {
	if (!availability) {
		availability = fromStart('trash', '/api/v1/trash?limit=1').then(() => true, () => false);
	}
	return availability;
}

// ---------- the Undo toast ----------

let pendingUndo = null;

/** The toast area of the open modal dialog (the rest of the page is inert then), else the page's. */
function toastArea() {
	const dialog = [...document.querySelectorAll('dialog[open]')].find((d) => d.matches(':modal'));
	if (!dialog) return document.getElementById('toasts');
	let area = dialog.querySelector(':scope > .toast-area');
	if (!area) {
		area = document.createElement('div');
		area.className = 'toast-area';
		area.setAttribute('aria-live', 'polite');
		dialog.append(area);
	}
	return area;
}

/**
 * A toast saying what happened, with an Undo button for a few seconds (Ctrl+Z or ⌘Z while it
 * shows, outside a text field). undo() reverses it; after() runs once it did.
 */
export function undoToast(message, undo, after) {
	const el = document.createElement('div');
	el.className = 'app-toast app-toast-ok undo-toast';
	el.setAttribute('role', 'status');
	const text = document.createElement('span');
	text.textContent = message;
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'btn btn-sm undo-btn';
	button.textContent = 'Undo';
	button.setAttribute('aria-label', `Undo: ${message}`);
	el.append(text, button);
	toastArea().append(el);
	let timer = null;
	let held = false;
	const hide = () => {
		el.classList.add('hide');
		setTimeout(() => el.remove(), 400);
		if (pendingUndo === run) pendingUndo = null;
	};
	const start = (ms = UNDO_MS) => {
		clearTimeout(timer);
		if (!held) timer = setTimeout(hide, ms);
	};
	const hold = () => {
		held = true;
		clearTimeout(timer);
	};
	const release = () => {
		held = false;
		if (button.isConnected) start();
	};
	el.addEventListener('pointerenter', hold);
	el.addEventListener('pointerleave', release);
	el.addEventListener('focusin', hold);
	el.addEventListener('focusout', release);
	async function run() {
		if (button.disabled) return;
		button.disabled = true;
		clearTimeout(timer);
		if (pendingUndo === run) pendingUndo = null;
		try {
			await undo();
			text.textContent = `Undone: ${message}`;
			button.remove();
			held = false;
			start(2500);
			if (after) await after();
		}
		catch (e) {
			text.textContent = `Could not undo: ${e instanceof ApiError ? e.message : e}`;
			el.classList.replace('app-toast-ok', 'app-toast-error');
			el.setAttribute('role', 'alert');
			button.remove();
			held = false;
			start(6000);
		}
	}
	button.addEventListener('click', run);
	pendingUndo = run;
	start();
}

document.addEventListener('keydown', (e) => {
	if (!pendingUndo || e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
	const target = e.target;
	if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
	e.preventDefault();
	pendingUndo();
});

/** Restores what a delete moved to the trash: {expense: [ids]}, {income: [ids]} or {batch}. */
export async function restoreFromTrash(body) {
	const { data } = await api('POST', '/api/v1/trash/restore', body);
	document.dispatchEvent(new CustomEvent('hb:restored', { detail: data }));
	return data;
}

// ---------- how an event reads ----------

function when(at) {
	const date = new Date(at);
	const sameYear = date.getFullYear() === new Date().getFullYear();
	return `${(sameYear ? DAY : DAY_YEAR).format(date)} ${TIME.format(date)}`;
}

function shown(field, value) {
	if (value == null || value === '') return '\u2013';
	if (field === 'amount' || field === 'assigned') return money(value);
	return value;
}

function who(event) {
	if (event.actor) return event.actor.name;
	if (event.source === 'schedule') return 'A schedule';
	if (event.source === 'cli') return 'The command line';
	return event.source === 'system' ? 'The system' : 'You';
}

/** "changed amount 42.00 → 24.00, notes – → lunch" and the like. */
export function describeEvent(event, withKind) {
	const what = withKind ? ` ${KIND_NAMES[event.kind] || event.kind} ${event.period ? `${event.period} ` : ''}#${event.entity_id}` : '';
	const changes = Object.entries(event.changes || {});
	switch (event.action) {
		case 'create':
			return `${who(event)} added${what}`;
		case 'import':
			return `${who(event)} imported${what}`;
		case 'delete':
			return `${who(event)} deleted${what}`;
		case 'restore':
			return `${who(event)} restored${what}`;
		default:
			if (!changes.length) return `${who(event)} changed${what}`;
			return `${who(event)} changed${what} ${changes.map(([field, c]) => `${FIELD_NAMES[field] || field} ${shown(field, c.old)} \u2192 ${shown(field, c.new)}`).join(', ')}`;
	}
}

function eventItem(event, withKind) {
	const li = document.createElement('li');
	li.className = 'history-item';
	const text = document.createElement('span');
	text.textContent = describeEvent(event, withKind);
	const meta = document.createElement('span');
	meta.className = 'small text-body-secondary';
	meta.textContent = `${when(event.at)}, ${event.source}`;
	li.append(text, document.createTextNode(' '), meta);
	return li;
}

// ---------- dialogs ----------

function dialogHtml(id, title, body) {
	const dialog = document.createElement('dialog');
	dialog.id = id;
	dialog.className = 'page-dialog';
	dialog.setAttribute('aria-labelledby', `${id}-title`);
	dialog.innerHTML = `<div class="page-head"><h2 class="h5 m-0 me-auto" id="${id}-title">${title}</h2>`
		+ '<button type="button" class="btn btn-outline-secondary btn-sm" data-close>Close</button></div>'
		+ `<p class="small text-danger mb-1" role="alert" data-message></p>${body}`
		+ '<p class="small text-body-secondary" data-none hidden></p>';
	dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());
	document.body.append(dialog);
	return dialog;
}

/** The dialog's line saying a list is empty (hidden when it is not). */
function none(dialog, text) {
	const line = [...dialog.querySelectorAll('[data-none]')].pop();
	line.textContent = text;
	line.hidden = !text;
}

let historyDialog = null;

/** A row's history, newest first, in a dialog. */
export async function showHistory(kind, id, label) {
	if (!historyDialog) {
		historyDialog = dialogHtml('history-dialog', 'History', '<p class="small text-body-secondary mb-2" data-label></p>'
			+ '<ul class="list-unstyled history-list" aria-label="Changes, newest first"></ul>');
	}
	const list = historyDialog.querySelector('.history-list');
	const message = historyDialog.querySelector('[data-message]');
	historyDialog.querySelector('[data-label]').textContent = label;
	list.replaceChildren();
	message.textContent = '';
	historyDialog.showModal();
	try {
		const { data } = await api('GET', `/api/v1/${kind}/${id}/history?limit=100`);
		list.replaceChildren(...data.map((event) => eventItem(event, false)));
		none(historyDialog, data.length ? '' : 'No changes recorded yet.');
	}
	catch (e) {
		message.textContent = e.message;
	}
}

// ---------- the activity page ----------

let activity = null;

async function loadActivity(more) {
	const list = activity.dialog.querySelector('.history-list');
	const message = activity.dialog.querySelector('[data-message]');
	const params = new URLSearchParams({ limit: '50' });
	const kind = activity.dialog.querySelector('#activity-kind').value;
	const source = activity.dialog.querySelector('#activity-source').value;
	if (kind) params.set('kind', kind);
	if (source) params.set('source', source);
	if (more && activity.cursor) params.set('cursor', activity.cursor);
	message.textContent = '';
	try {
		const { data, headers } = await api('GET', `/api/v1/activity?${params}`);
		const items = data.map((event) => eventItem(event, true));
		if (more) list.append(...items);
		else list.replaceChildren(...items);
		activity.cursor = headers.get('X-Next-Cursor');
		activity.dialog.querySelector('[data-more]').hidden = !activity.cursor;
		if (!more) none(activity.dialog, data.length ? '' : 'Nothing has changed yet.');
	}
	catch (e) {
		message.textContent = e.message;
	}
}

function openActivity() {
	if (!activity) {
		const dialog = dialogHtml('activity-dialog', 'Activity', `
			<form class="d-flex flex-wrap gap-2 mb-2" data-filters>
				<div><label for="activity-kind" class="form-label small mb-0">What</label>
				<select id="activity-kind" class="form-select form-select-sm"><option value="">Everything</option>
					<option value="expense">Expenses</option><option value="income">Incomes</option>
					<option value="settlement">Settle-ups</option><option value="category">Categories</option>
					<option value="budget">Budget</option></select></div>
				<div><label for="activity-source" class="form-label small mb-0">From</label>
				<select id="activity-source" class="form-select form-select-sm"><option value="">Anywhere</option>
					<option value="web">Web</option><option value="api">API</option><option value="import">Import</option>
					<option value="schedule">Schedules</option><option value="rule">Rules</option>
					<option value="cli">Command line</option>
					<option value="system">System</option></select></div>
			</form>
			<ul class="list-unstyled history-list" aria-label="Changes, newest first"></ul>
			<button type="button" class="btn btn-link btn-sm" data-more hidden>Show more</button>`);
		activity = { dialog, cursor: null };
		dialog.querySelector('[data-filters]').addEventListener('change', () => loadActivity(false));
		dialog.querySelector('[data-more]').addEventListener('click', () => loadActivity(true));
	}
	activity.dialog.showModal();
	loadActivity(false);
}

// ---------- the trash page ----------

let trash = null;

function trashRow(row) {
	const tr = document.createElement('tr');
	const what = row.kind === 'settlement' ? 'Settle-up' : (row.business || row.category || '');
	const cells = [row.kind === 'expense' ? 'Expense' : row.kind === 'income' ? 'Income' : 'Settle-up', row.date || '',
		what, row.amount == null ? '' : `${row.currency && row.kind !== 'settlement' ? `${row.currency}\u00a0` : ''}${money(row.amount)}`,
		`${when(row.deleted_at)}${row.deleted_by ? ` by ${row.deleted_by.name}` : ''}`];
	for (const [i, value] of cells.entries()) {
		const td = document.createElement('td');
		td.textContent = value;
		if (i === 2) td.setAttribute('dir', 'auto');
		if (i === 3) td.className = 'text-end amount';
		tr.append(td);
	}
	const actions = document.createElement('td');
	if (!readOnly()) {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'btn btn-outline-primary btn-sm';
		button.textContent = 'Restore';
		button.setAttribute('aria-label', `Restore ${cells[0].toLowerCase()} ${row.date || ''} ${what} ${cells[3]}`.replace(/\s+/g, ' ').trim());
		button.addEventListener('click', async () => {
			button.disabled = true;
			try {
				await restoreFromTrash({ [row.kind]: [row.id] });
				trash.dialog.querySelector('[role=status]').textContent = `Restored ${cells[0].toLowerCase()} ${what}`.trim();
				await loadTrash(false);
			}
			catch (e) {
				button.disabled = false;
				trash.dialog.querySelector('[data-message]').textContent = e.message;
			}
		});
		actions.append(button);
	}
	tr.append(actions);
	return tr;
}

async function loadTrash(more) {
	const body = trash.dialog.querySelector('tbody');
	const message = trash.dialog.querySelector('[data-message]');
	const params = new URLSearchParams({ limit: '100' });
	if (more && trash.cursor) params.set('cursor', trash.cursor);
	message.textContent = '';
	try {
		const { data, headers } = await api('GET', `/api/v1/trash?${params}`);
		const rows = data.map(trashRow);
		if (more) body.append(...rows);
		else body.replaceChildren(...rows);
		trash.cursor = headers.get('X-Next-Cursor');
		trash.dialog.querySelector('[data-more]').hidden = !trash.cursor;
		const total = Number(headers.get('X-Total-Count') || data.length);
		trash.dialog.querySelector('[data-trash-none]').hidden = total > 0;
		trash.dialog.querySelector('[data-empty]').hidden = total === 0 || !isOwner();
	}
	catch (e) {
		message.textContent = e.message;
	}
}

function openTrash() {
	if (!trash) {
		const dialog = dialogHtml('trash-dialog', 'Trash', `
			<p class="small text-body-secondary mb-1">Deleted expenses, incomes and settle-ups stay here for 30 days.</p>
			<p class="small text-success-emphasis mb-1" role="status"></p>
			<div class="table-responsive"><table class="table table-sm small align-middle mb-1" aria-labelledby="trash-dialog-title">
				<thead><tr><th scope="col">Kind</th><th scope="col">Date</th><th scope="col">What</th>
					<th scope="col" class="text-end">Amount</th><th scope="col">Deleted</th>
					<th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
				<tbody></tbody></table></div>
			<p class="small text-body-secondary" data-trash-none hidden>The trash is empty.</p>
			<button type="button" class="btn btn-link btn-sm" data-more hidden>Show more</button>
			<div class="d-flex gap-2 align-items-center" data-empty hidden>
				<button type="button" class="btn btn-outline-danger btn-sm" data-empty-ask>Empty the trash</button>
				<span data-empty-confirm hidden><span class="small">Delete everything in it for good?</span>
					<button type="button" class="btn btn-danger btn-sm" data-empty-yes>Yes, empty it</button>
					<button type="button" class="btn btn-outline-secondary btn-sm" data-empty-no>No</button></span>
			</div>`);
		trash = { dialog, cursor: null };
		dialog.querySelector('[data-more]').addEventListener('click', () => loadTrash(true));
		const confirm = dialog.querySelector('[data-empty-confirm]');
		dialog.querySelector('[data-empty-ask]').addEventListener('click', () => {
			confirm.hidden = false;
			dialog.querySelector('[data-empty-no]').focus();
		});
		dialog.querySelector('[data-empty-no]').addEventListener('click', () => {
			confirm.hidden = true;
		});
		dialog.querySelector('[data-empty-yes]').addEventListener('click', async () => {
			confirm.hidden = true;
			try {
				const { data } = await api('DELETE', '/api/v1/trash');
				dialog.querySelector('[role=status]').textContent = `Removed ${data.deleted} for good`;
				await loadTrash(false);
			}
			catch (e) {
				dialog.querySelector('[data-message]').textContent = e.message;
			}
		});
	}
	trash.dialog.querySelector('[role=status]').textContent = '';
	trash.dialog.showModal();
	loadTrash(false);
}

historyAvailable().then((yes) => {
	if (!yes) return;
	document.body.dataset.history = '';
	const activityButton = document.getElementById('activity-open');
	const trashButton = document.getElementById('trash-open');
	activityButton.hidden = false;
	trashButton.hidden = false;
	activityButton.addEventListener('click', openActivity);
	trashButton.addEventListener('click', openTrash);
});
