// The rules page (a dialog from the header's "Rules"): the household's rules in the order they
// are tried, each in words ("Payee contains shufersal → category Groceries"). Add a rule or
// edit one in the form below the list, move a rule up or down (the whole order is sent, so a
// rule added meanwhile is not lost: the server refuses and the list is read again), delete one.
// Each change of a rule is sent with its version (If-Match). "Apply…" previews what a rule
// would change among the existing entries and applies it on confirmation (with the previewed
// rule's version, so a rule edited meanwhile is refused); suggested rules (businesses moved to
// one category by hand again and again) open the form filled in. A viewer reads the list only.
// Fetched when the page is first opened, not with the app. See docs/rules.md.
import { api } from './api.js';

const dialog = document.getElementById('rules-dialog');
const list = document.getElementById('rules-list');
const empty = document.getElementById('rules-empty');
const message = document.getElementById('rules-message');
const form = document.getElementById('rule-form');
const formTitle = document.getElementById('rule-form-title');
const addButton = document.getElementById('rule-add');
const applyPanel = document.getElementById('rules-apply');
const applyTitle = document.getElementById('rules-apply-title');
const applySummary = document.getElementById('rules-apply-summary');
const applyChanges = document.getElementById('rules-apply-changes');
const applyConfirm = document.getElementById('rules-apply-confirm');
const suggestionsPanel = document.getElementById('rules-suggestions');
const suggestionsList = document.getElementById('rules-suggestions-list');

/** The preview being shown: { rule, version, total }. */
let applying = null;

const OPS = { contains: 'contains', equals: 'is', regex: 'matches' };

let rules = [];
let editing = null;

function say(text, error) {
	message.textContent = text;
	message.classList.toggle('text-danger', Boolean(error));
}

/** A rule in words: "Payee contains shufersal, expense → category Groceries, business Shufersal". */
function summary(rule) {
	const c = rule.conditions;
	const when = [];
	if (c.payee) when.push(`payee ${OPS[c.payee.op]} “${c.payee.value}”`);
	if (c.kind) when.push(c.kind === 'expense' ? 'an expense' : 'an income');
	if (c.amount) {
		const unit = c.amount.currency ? ` ${c.amount.currency}` : '';
		if (c.amount.min != null && c.amount.max != null) when.push(`${c.amount.min} to ${c.amount.max}${unit}`);
		else if (c.amount.min != null) when.push(`at least ${c.amount.min}${unit}`);
		else when.push(`at most ${c.amount.max}${unit}`);
	}
	if (c.account) when.push(`account ${c.account}`);
	if (c.currency) when.push(`in ${c.currency}`);
	const a = rule.actions;
	const then = [];
	if (a.category) then.push(`category ${a.category}`);
	if (a.business) then.push(`business ${a.business}`);
	if (a.account) then.push(`account ${a.account}`);
	if (a.note) then.push(`note “${a.note}”`);
	if (a.paid_by != null) then.push('who paid');
	if (a.for_whom != null) then.push('for whom');
	const text = `When ${when.join(', ')} → ${then.join(', ')}`;
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function button(text, label, onClick, primary) {
	const b = document.createElement('button');
	b.type = 'button';
	b.className = primary ? 'btn btn-primary btn-sm' : 'btn btn-outline-secondary btn-sm';
	b.textContent = text;
	b.setAttribute('aria-label', label);
	b.addEventListener('click', onClick);
	return b;
}

function render() {
	list.replaceChildren();
	empty.hidden = rules.length > 0;
	rules.forEach((rule, index) => {
		const li = document.createElement('li');
		li.className = 'rule-item';
		li.dataset.id = rule.id;
		const head = document.createElement('div');
		const strong = document.createElement('strong');
		strong.textContent = `${rule.position}. ${rule.name}`;
		head.append(strong);
		if (!rule.enabled) head.append(badge('Off'));
		if (rule.stop) head.append(badge('Stops'));
		const details = document.createElement('div');
		details.className = 'small text-body-secondary rule-summary';
		details.textContent = summary(rule);
		const actions = document.createElement('div');
		actions.className = 'rule-actions';
		if (index > 0) actions.append(button('Up', `Move ${rule.name} up`, () => move(index, -1)));
		if (index < rules.length - 1) actions.append(button('Down', `Move ${rule.name} down`, () => move(index, 1)));
		actions.append(button('Edit', `Edit ${rule.name}`, () => edit(rule)));
		const apply = button('Apply…', `Apply ${rule.name} to existing entries`, () => preview(rule));
		apply.classList.add('writes');
		actions.append(apply);
		actions.append(button('Delete', `Delete ${rule.name}`, () => remove(rule)));
		li.append(head, details, actions);
		list.append(li);
	});
}

function badge(text) {
	const span = document.createElement('span');
	span.className = 'badge text-bg-secondary ms-2';
	span.textContent = text;
	return span;
}

/** "Expense #12, 42.00 USD: category Other → Fuel, business – → Paz". */
function change(c) {
	const fields = [];
	for (const name of ['category', 'business', 'account', 'notes']) {
		if ((c.before[name] || '') !== (c.after[name] || '')) {
			fields.push(`${name} ${c.before[name] || '–'} → ${c.after[name] || '–'}`);
		}
	}
	if (c.before.paid_by !== c.after.paid_by) fields.push('who paid');
	if (c.before.for_whom !== c.after.for_whom) fields.push('for whom');
	return `${c.kind === 'income' ? 'Income' : 'Expense'} #${c.id}, ${c.amount} ${c.currency || ''}: ${fields.join(', ')}`;
}

function closePreview() {
	applying = null;
	applyPanel.hidden = true;
}

async function preview(rule) {
	say('');
	closeForm();
	try {
		const result = (await api('POST', `/api/v1/rules/${rule.id}/preview`)).data;
		applying = { rule, version: result.rule_version, total: result.total };
		applyTitle.textContent = `Apply ${rule.name}`;
		const looked = result.limited ? `the newest ${result.scanned} entries` : `${result.scanned} entries`;
		applySummary.textContent = result.total === 0
			? `Nothing to change among ${looked}.`
			: `${result.total} of ${looked} would change${result.changes.length < result.total ? `; the first ${result.changes.length}:` : ':'}`;
		applyChanges.replaceChildren(...result.changes.map((c) => {
			const li = document.createElement('li');
			li.textContent = change(c);
			return li;
		}));
		applyConfirm.hidden = result.total === 0;
		applyConfirm.textContent = `Apply to ${result.total} ${result.total === 1 ? 'entry' : 'entries'}`;
		applyPanel.hidden = false;
		(result.total === 0 ? document.getElementById('rules-apply-cancel') : applyConfirm).focus();
	}
	catch (e) {
		say(e.message, true);
	}
}

applyConfirm.addEventListener('click', async () => {
	if (!applying) return;
	const { rule, version } = applying;
	try {
		const result = (await api('POST', `/api/v1/rules/${rule.id}/apply`, undefined, {
			headers: { 'If-Match': `"${version}"`, 'Idempotency-Key': crypto.randomUUID() },
		})).data;
		closePreview();
		const more = result.remaining > 0 ? ` ${result.remaining} more: apply again to change them.` : '';
		say(`${rule.name} changed ${result.changed} ${result.changed === 1 ? 'entry' : 'entries'}.${more}`);
		document.dispatchEvent(new CustomEvent('hb:rule-applied'));
	}
	catch (e) {
		closePreview();
		say(e.message, true);
	}
	await load();
	const again = list.querySelector(`[data-id="${rule.id}"] button[aria-label^="Apply"]`);
	if (again) again.focus();
});
document.getElementById('rules-apply-cancel').addEventListener('click', () => {
	const id = applying && applying.rule.id;
	closePreview();
	const back = id && list.querySelector(`[data-id="${id}"] button[aria-label^="Apply"]`);
	if (back) back.focus();
});

async function loadSuggestions() {
	try {
		const suggestions = (await api('GET', '/api/v1/rules/suggestions')).data;
		suggestionsList.replaceChildren(...suggestions.map((s) => {
			const li = document.createElement('li');
			li.className = 'rule-suggestion';
			const text = document.createElement('span');
			text.className = 'small';
			text.dir = 'auto';
			text.textContent = `${s.business} → ${s.category} (moved by hand ${s.entries} times)`;
			li.append(text, ' ', button('Make a rule', `Make a rule for ${s.business}`,
				() => openForm({ ...s.rule, enabled: true, stop: false }, true)));
			return li;
		}));
		suggestionsPanel.hidden = suggestions.length === 0;
	}
	catch (e) {
		// suggestions are a help, not the page: the rules are still shown
		suggestionsPanel.hidden = true;
	}
}

async function load() {
	try {
		rules = (await api('GET', '/api/v1/rules')).data;
		render();
		await loadSuggestions();
	}
	catch (e) {
		rules = [];
		list.replaceChildren();
		empty.hidden = true;
		say(e.message, true);
	}
}

async function move(index, by) {
	const ids = rules.map((r) => r.id);
	const [id] = ids.splice(index, 1);
	ids.splice(index + by, 0, id);
	const name = rules[index].name;
	try {
		rules = (await api('POST', '/api/v1/rules/order', { ids })).data;
		render();
		say(`${name} moved ${by < 0 ? 'up' : 'down'}`);
		const focus = list.querySelector(`[data-id="${id}"] button[aria-label^="Move ${CSS.escape(name)} ${by < 0 ? 'up' : 'down'}"]`)
			|| list.querySelector(`[data-id="${id}"] button`);
		if (focus) focus.focus();
	}
	catch (e) {
		say(e.message, true);
		await load();
	}
}

async function remove(rule) {
	try {
		await api('DELETE', `/api/v1/rules/${rule.id}`, undefined, { headers: { 'If-Match': `"${rule.version}"` } });
		say(`${rule.name} deleted`);
		if (editing && editing.id === rule.id) closeForm();
	}
	catch (e) {
		say(e.message, true);
	}
	await load();
}

function field(name) {
	return form.elements.namedItem(name);
}

/** Opens the form on a rule to edit, or a new one (blank, or filled in from a suggestion). */
function openForm(rule, suggested) {
	editing = suggested ? null : rule;
	closePreview();
	form.reset();
	form.hidden = false;
	addButton.hidden = true;
	formTitle.textContent = rule && !suggested ? `Edit ${rule.name}` : 'New rule';
	if (rule) {
		const c = rule.conditions;
		const a = rule.actions;
		field('name').value = rule.name;
		field('op').value = c.payee ? c.payee.op : 'contains';
		field('payee').value = c.payee ? c.payee.value : '';
		field('kind').value = c.kind || '';
		field('min').value = c.amount && c.amount.min != null ? c.amount.min : '';
		field('max').value = c.amount && c.amount.max != null ? c.amount.max : '';
		field('when-account').value = c.account || '';
		field('category').value = a.category || '';
		field('business').value = a.business || '';
		field('set-account').value = a.account || '';
		field('note').value = a.note || '';
		field('enabled').checked = rule.enabled;
		field('stop').checked = rule.stop;
		if (suggested) say(`A rule for ${rule.name}: check it, then save it.`);
	}
	field('name').focus();
}

function edit(rule) {
	say('');
	openForm(rule);
}

function closeForm() {
	editing = null;
	form.hidden = true;
	addButton.hidden = false;
}

function text(name) {
	const value = field(name).value.trim();
	return value === '' ? null : value;
}

function body() {
	const payee = text('payee');
	const min = text('min');
	const max = text('max');
	const rule = {
		name: text('name'),
		enabled: field('enabled').checked,
		stop: field('stop').checked,
		conditions: {
			kind: text('kind'),
			payee: payee === null ? null : { op: field('op').value, value: payee },
			amount: (min === null && max === null) ? null
				: { min: min && min.replace(/,/g, ''), max: max && max.replace(/,/g, '') },
			account: text('when-account'),
		},
		actions: {
			category: text('category'),
			business: text('business'),
			account: text('set-account'),
			note: text('note'),
		},
	};
	if (editing) {
		// who paid and for whom are kept as they were (set through the API)
		rule.actions.paid_by = editing.actions.paid_by;
		rule.actions.for_whom = editing.actions.for_whom;
	}
	return rule;
}

form.addEventListener('submit', async (event) => {
	event.preventDefault();
	const saving = body();
	try {
		if (editing) {
			await api('PUT', `/api/v1/rules/${editing.id}`, saving,
				{ headers: { 'If-Match': `"${editing.version}"` } });
		}
		else {
			await api('POST', '/api/v1/rules', saving, { headers: { 'Idempotency-Key': crypto.randomUUID() } });
		}
		say(`${saving.name} saved`);
		closeForm();
		await load();
		addButton.focus();
	}
	catch (e) {
		say(e.message, true);
	}
});
document.getElementById('rule-cancel').addEventListener('click', () => {
	closeForm();
	addButton.focus();
});
addButton.addEventListener('click', () => {
	say('');
	openForm(null);
});
/** Opens the page: schedules.js calls it on the header's Rules, fetching this module then. */
export async function open() {
	say('');
	closeForm();
	closePreview();
	await load();
	// the page behind stays put while the dialog is open (app.css): on a phone only the dialog scrolls
	document.documentElement.classList.add('rules-open');
	dialog.showModal();
}
dialog.addEventListener('close', () => document.documentElement.classList.remove('rules-open'));
document.getElementById('rules-close').addEventListener('click', () => dialog.close());
