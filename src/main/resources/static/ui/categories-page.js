// The categories page (a dialog from the header's "Categories"): the household's expense or
// income categories, each group followed by its categories in their order, with entry counts
// and colours. Create; rename, regroup and recolour (a row's "Edit"); reorder with the arrow
// buttons; archive and unarchive; delete an empty category; merge one into another after a
// preview of how many entries move; and the API's "possible duplicates", each pair with an
// offer to merge. A viewer sees the same lists without any of the controls that write.
// Hidden where categories are not managed (the JSON files primary: the API answers 409).
import { api, ApiError, humanMessage } from './api.js';
import { categoriesOf, categoriesReady, categoryById, loadCategories } from './categories.js';
import { isOwner, readOnly } from './households.js';

const dialog = document.getElementById('categories-dialog');
const openButton = document.getElementById('categories-open');
const listEl = document.getElementById('category-list');
const message = document.getElementById('categories-message');
const status = document.getElementById('categories-status');
const createForm = document.getElementById('category-create');
const duplicatesBox = document.getElementById('category-duplicates');

const COLOURS = [
	['', 'No colour'], ['#dc3545', 'Red'], ['#fd7e14', 'Orange'], ['#ffc107', 'Yellow'], ['#198754', 'Green'],
	['#20c997', 'Teal'], ['#0d6efd', 'Blue'], ['#6f42c1', 'Purple'], ['#d63384', 'Pink'], ['#6c757d', 'Grey'],
];

const page = {
	kind: 'expense',
	open: null, // the id of the row whose edit panel is open (one at a time)
	confirm: null, // { id, type: 'merge'|'delete', into }
	mergeInto: new Map(), // the merge target chosen in a row (kept across a cancelled preview)
	duplicates: [],
	dupConfirm: null, // { index, from, into }
};

function esc(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

const q = (name) => `\u201c${name}\u201d`;
const entriesText = (n) => (n === 0 ? 'no entries' : n === 1 ? '1 entry' : `${n} entries`);

function say(text) {
	message.textContent = '';
	status.textContent = text;
}

function fail(error) {
	status.textContent = '';
	message.textContent = error instanceof ApiError ? error.message : String(error && error.message ? error.message : error);
}

function all() {
	return categoriesOf(page.kind);
}

function childrenOf(id) {
	return all().filter((c) => c.parent_id === id);
}

function siblingsOf(category) {
	return all().filter((c) => (c.parent_id ?? null) === (category.parent_id ?? null));
}

function pathOf(category) {
	const group = category.parent_id != null ? categoryById(category.parent_id) : null;
	return group ? `${group.name} \u203a ${category.name}` : category.name;
}

function groupOptions(category, selected) {
	const groups = all().filter((c) => c.parent_id == null && (!category || c.id !== category.id));
	return `<option value="">No group</option>${groups.map((g) => `<option value="${g.id}"${g.id === selected ? ' selected' : ''}>${esc(g.name)}</option>`).join('')}`;
}

function colourOptions(colour) {
	const known = COLOURS.some(([value]) => value === (colour || ''));
	const custom = known ? '' : `<option value="${esc(colour)}" selected>Custom ${esc(colour)}</option>`;
	return custom + COLOURS.map(([value, label]) => `<option value="${value}"${value === (colour || '') ? ' selected' : ''}>${label}</option>`).join('');
}

// Where a category may be merged: any other category of its kind; a group's categories can
// only move into another group, so a group only into a top-level category.
function mergeTargets(category) {
	const group = childrenOf(category.id).length > 0;
	return all().filter((c) => c.id !== category.id && (!group || c.parent_id == null));
}

function mergeQuestion(from, into) {
	const children = childrenOf(from.id).length;
	const n = from.entries;
	const moving = n === 1 ? '1 entry' : `${n} entries`;
	return `Move ${moving} from ${q(from.name)} into ${q(into.name)}?`
		+ (children ? ` Its ${children === 1 ? 'category moves' : `${children} categories move`} there too.` : '')
		+ ` ${q(from.name)} then leads to ${q(into.name)}.`;
}

function confirmHtml(key, question, yes, yesClass) {
	return `<div class="cat-confirm" role="group" aria-labelledby="${key}-question">`
		+ `<p class="small mb-2" id="${key}-question" dir="auto">${esc(question)}</p>`
		+ `<div class="d-flex gap-2"><button type="button" class="btn ${yesClass} btn-sm" data-act="confirm-yes" data-key="${key}:yes">${esc(yes)}</button>`
		+ `<button type="button" class="btn btn-outline-secondary btn-sm" data-act="confirm-no" data-key="${key}:no">Cancel</button></div></div>`;
}

function panelHtml(c) {
	const isGroup = childrenOf(c.id).length > 0;
	const id = `cat-${c.id}`;
	const targets = mergeTargets(c);
	const mergeSelect = targets.length
		? `<div class="cat-field"><label for="${id}-merge" class="form-label small mb-0">Merge into</label>`
			+ `<div class="d-flex gap-2"><select id="${id}-merge" class="form-select form-select-sm" data-key="${c.id}:merge-into">${targets.map((t) => `<option value="${t.id}"${page.mergeInto.get(c.id) === t.id ? ' selected' : ''}>${esc(pathOf(t))}</option>`).join('')}</select>`
			+ `<button type="button" class="btn btn-outline-primary btn-sm text-nowrap" data-act="merge" data-key="${c.id}:merge">Merge\u2026</button></div></div>`
		: '';
	const deletable = c.entries === 0 && !isGroup;
	let confirm = '';
	if (page.confirm && page.confirm.id === c.id) {
		if (page.confirm.type === 'merge') {
			confirm = confirmHtml(`${id}-merge-confirm`, mergeQuestion(c, categoryById(page.confirm.into)), 'Merge', 'btn-primary');
		}
		else {
			confirm = confirmHtml(`${id}-delete-confirm`, `Delete ${q(c.name)}?`, 'Yes, delete', 'btn-danger');
		}
	}
	return `<div class="cat-panel" id="${id}-panel">
		<form class="cat-edit" data-id="${c.id}" novalidate autocomplete="off">
			<div class="cat-field"><label for="${id}-name" class="form-label small mb-0">Name</label>
				<input id="${id}-name" name="name" class="form-control form-control-sm" dir="auto" maxlength="100" required value="${esc(c.name)}" aria-describedby="${id}-name-error" data-key="${c.id}:name">
				<div class="invalid-feedback" id="${id}-name-error"></div></div>
			<div class="cat-field"><label for="${id}-group" class="form-label small mb-0">Group</label>
				<select id="${id}-group" name="parent_id" class="form-select form-select-sm"${isGroup ? ' disabled aria-describedby="' + id + '-group-note"' : ''}>${groupOptions(c, c.parent_id)}</select>
				${isGroup ? `<div class="form-text small mt-0" id="${id}-group-note">A group with categories stays at the top.</div>` : ''}
				<div class="invalid-feedback" id="${id}-parent_id-error"></div></div>
			<div class="cat-field"><label for="${id}-colour" class="form-label small mb-0">Colour</label>
				<select id="${id}-colour" name="colour" class="form-select form-select-sm">${colourOptions(c.colour)}</select></div>
			<div class="cat-field cat-save"><button type="submit" class="btn btn-primary btn-sm" data-key="${c.id}:save">Save</button></div>
		</form>
		<div class="cat-more">
			<button type="button" class="btn btn-outline-secondary btn-sm" data-act="archive" data-key="${c.id}:archive">${c.archived ? 'Unarchive' : 'Archive'}</button>
			${mergeSelect}
			${deletable ? `<button type="button" class="btn btn-outline-danger btn-sm" data-act="delete" data-key="${c.id}:delete">Delete</button>` : ''}
		</div>
		${confirm}
	</div>`;
}

function rowHtml(c, index, siblings) {
	const open = page.open === c.id;
	const name = esc(c.name);
	const children = c.parent_id == null ? childrenOf(c.id) : [];
	return `<li class="cat-item${c.parent_id != null ? ' cat-child' : ''}${c.archived ? ' cat-archived' : ''}" data-id="${c.id}">
		<div class="cat-line">
			<span class="swatch" aria-hidden="true"${c.colour ? ` style="background:${esc(c.colour)}"` : ''}></span>
			<span class="cat-name" dir="auto">${name}</span>
			${c.archived ? '<span class="badge text-bg-secondary">Archived</span>' : ''}
			<span class="cat-count small text-body-secondary">${entriesText(c.entries)}</span>
			<span class="cat-actions writes">
				<button type="button" class="btn btn-outline-secondary btn-sm cat-move" data-act="up" data-key="${c.id}:up" aria-label="Move ${name} up"${index === 0 ? ' disabled' : ''}><span aria-hidden="true">\u2191</span></button>
				<button type="button" class="btn btn-outline-secondary btn-sm cat-move" data-act="down" data-key="${c.id}:down" aria-label="Move ${name} down"${index === siblings.length - 1 ? ' disabled' : ''}><span aria-hidden="true">\u2193</span></button>
				<button type="button" class="btn btn-outline-primary btn-sm" data-act="toggle" data-key="${c.id}:toggle" aria-expanded="${open}" aria-controls="cat-${c.id}-panel">Edit<span class="visually-hidden"> ${name}</span></button>
			</span>
		</div>
		${open && !readOnly() ? panelHtml(c) : ''}
		${children.length ? `<ul class="list-unstyled cat-children" aria-label="Categories in ${name}">${children.map((child, i) => rowHtml(child, i, children)).join('')}</ul>` : ''}
	</li>`;
}

function duplicatesHtml() {
	const pairs = page.duplicates.filter((p) => p.first.kind === page.kind);
	duplicatesBox.hidden = pairs.length === 0;
	if (!pairs.length) return '';
	return pairs.map((p, index) => {
		// the one with fewer entries first: it is offered to go into the other
		const [a, b] = p.first.entries <= p.second.entries ? [p.first, p.second] : [p.second, p.first];
		const [less, more] = [a, b];
		const offer = (from, into, cls) => `<button type="button" class="btn ${cls} btn-sm" data-act="dup-merge" data-index="${index}" data-from="${from.id}" data-into="${into.id}" data-key="dup-${from.id}-${into.id}">Merge into ${esc(q(into.name))}</button>`;
		const confirm = page.dupConfirm && page.dupConfirm.index === index
			? confirmHtml(`dup-${index}-confirm`, mergeQuestion(categoryById(page.dupConfirm.from) || less, categoryById(page.dupConfirm.into) || more), 'Merge', 'btn-primary')
			: '';
		return `<li class="dup-item" data-index="${index}"><p class="small mb-1"><span dir="auto">${esc(q(pathOf(a)))}</span> (${entriesText(a.entries)}) and `
			+ `<span dir="auto">${esc(q(pathOf(b)))}</span> (${entriesText(b.entries)}): ${esc(p.reason)}</p>`
			+ `<div class="d-flex flex-wrap gap-2 writes">${offer(less, more, 'btn-primary')}${offer(more, less, 'btn-outline-secondary')}</div>${confirm}</li>`;
	}).join('');
}

function render(focusKey) {
	const before = focusKey || (document.activeElement && dialog.contains(document.activeElement) ? document.activeElement.dataset.key : null);
	const tops = all().filter((c) => c.parent_id == null);
	listEl.setAttribute('aria-label', page.kind === 'expense' ? 'Expense categories' : 'Income categories');
	listEl.innerHTML = tops.length ? tops.map((c, i) => rowHtml(c, i, tops)).join('')
		: `<li class="small text-body-secondary">No ${page.kind} categories yet.</li>`;
	document.getElementById('category-duplicate-list').innerHTML = duplicatesHtml();
	document.getElementById('category-new-group').innerHTML = groupOptions(null, null);
	if (before) {
		let target = dialog.querySelector(`[data-key="${CSS.escape(before)}"]`);
		if (target && target.disabled) {
			const [id, act] = before.split(':');
			target = dialog.querySelector(`[data-key="${CSS.escape(`${id}:${act === 'up' ? 'down' : 'up'}`)}"]`);
		}
		if (target && !target.disabled) target.focus();
	}
}

async function reload(focusKey, changed) {
	await loadCategories();
	try {
		page.duplicates = (await api('GET', '/api/v1/categories/duplicates')).data || [];
	}
	catch (e) {
		page.duplicates = [];
	}
	render(focusKey);
	if (changed) document.dispatchEvent(new CustomEvent('hb:categories-changed'));
}

const ifMatch = (c) => ({ headers: { 'If-Match': `"${c.version}"` } });

async function patch(c, body) {
	return api('PATCH', `/api/v1/categories/${c.id}`, body, ifMatch(c));
}

// Up or down among its siblings: the siblings are numbered anew in their new order.
async function move(c, step) {
	const siblings = siblingsOf(c);
	const i = siblings.findIndex((s) => s.id === c.id);
	const j = i + step;
	if (j < 0 || j >= siblings.length) return;
	[siblings[i], siblings[j]] = [siblings[j], siblings[i]];
	for (let position = 0; position < siblings.length; position += 1) {
		if (siblings[position].position !== position) await patch(siblings[position], { position });
	}
	say(`Moved ${q(c.name)} ${step < 0 ? 'up' : 'down'}.`);
	await reload(`${c.id}:${step < 0 ? 'up' : 'down'}`, true);
}

function showFieldErrors(form, error, prefix) {
	form.querySelectorAll('.is-invalid').forEach((el) => el.classList.remove('is-invalid'));
	form.querySelectorAll('.invalid-feedback').forEach((el) => {
		el.textContent = '';
	});
	const fields = Object.entries(error.fields || {});
	if (!fields.length && error.status === 409) fields.push(['name', error.message]);
	let shown = false;
	for (const [field, text] of fields) {
		const input = form.elements[field];
		const feedback = document.getElementById(`${prefix}-${field}-error`);
		if (input && feedback) {
			input.classList.add('is-invalid');
			input.setAttribute('aria-invalid', 'true');
			feedback.textContent = humanMessage(text);
			if (!shown) input.focus();
			shown = true;
		}
	}
	if (!shown) fail(error);
}

async function save(form) {
	const c = categoryById(Number(form.dataset.id));
	if (!c) return;
	const body = {};
	const name = form.elements.name.value.trim();
	if (name !== c.name) body.name = name;
	const group = form.elements.parent_id;
	if (!group.disabled) {
		const parent = group.value === '' ? null : Number(group.value);
		if (parent !== (c.parent_id ?? null)) body.parent_id = parent;
	}
	const colour = form.elements.colour.value || null;
	if (colour !== (c.colour ?? null)) body.colour = colour;
	if (Object.keys(body).length === 0) {
		page.open = null;
		await reload(`${c.id}:toggle`);
		return;
	}
	try {
		await patch(c, body);
		page.open = null;
		say(body.name ? `Renamed ${q(c.name)} to ${q(body.name)}.` : `Saved ${q(c.name)}.`);
		await reload(`${c.id}:toggle`, true);
	}
	catch (e) {
		if (e.status === 412) {
			fail(new Error('Someone changed this category meanwhile: it is shown as it is now. Make your change again.'));
			await reload();
			return;
		}
		showFieldErrors(form, e, `cat-${c.id}`);
	}
}

async function merge(fromId, intoId) {
	const from = categoryById(fromId);
	const into = categoryById(intoId);
	const { data } = await api('POST', `/api/v1/categories/${fromId}/merge`, { into: intoId });
	page.confirm = null;
	page.dupConfirm = null;
	if (page.open === fromId) page.open = null;
	say(`Merged ${q(from ? from.name : '')} into ${q(into ? into.name : data.into.name)}: ${data.moved === 1 ? '1 entry' : `${data.moved} entries`} moved.`);
	await reload(`${intoId}:toggle`, true);
}

listEl.addEventListener('click', async (e) => {
	const button = e.target.closest('[data-act]');
	if (!button) return;
	const item = button.closest('.cat-item');
	const c = item ? categoryById(Number(item.dataset.id)) : null;
	if (!c) return;
	message.textContent = '';
	try {
		switch (button.dataset.act) {
			case 'toggle':
				page.open = page.open === c.id ? null : c.id;
				page.confirm = null;
				render(page.open === c.id ? `${c.id}:name` : `${c.id}:toggle`);
				return;
			case 'up':
			case 'down':
				await move(c, button.dataset.act === 'up' ? -1 : 1);
				return;
			case 'archive':
				await patch(c, { archived: !c.archived });
				say(`${c.archived ? 'Unarchived' : 'Archived'} ${q(c.name)}.`);
				await reload(`${c.id}:archive`, true);
				return;
			case 'merge': {
				const into = Number(document.getElementById(`cat-${c.id}-merge`).value);
				page.mergeInto.set(c.id, into);
				page.confirm = { id: c.id, type: 'merge', into };
				render(`cat-${c.id}-merge-confirm:yes`);
				return;
			}
			case 'delete':
				page.confirm = { id: c.id, type: 'delete' };
				render(`cat-${c.id}-delete-confirm:yes`);
				return;
			case 'confirm-no': {
				const type = page.confirm && page.confirm.type;
				page.confirm = null;
				render(`${c.id}:${type || 'toggle'}`);
				return;
			}
			case 'confirm-yes':
				button.disabled = true;
				if (page.confirm.type === 'merge') {
					await merge(c.id, page.confirm.into);
				}
				else {
					await api('DELETE', `/api/v1/categories/${c.id}`, undefined, ifMatch(c));
					page.confirm = null;
					page.open = null;
					say(`Deleted ${q(c.name)}.`);
					await reload(null, true);
					document.getElementById('category-new-name').focus();
				}
				return;
			default:
		}
	}
	catch (error) {
		button.disabled = false;
		fail(error);
		if (error.status === 412 || error.status === 404 || error.status === 409) await reload();
	}
});

listEl.addEventListener('change', (e) => {
	if (e.target.matches('select[id$="-merge"]')) {
		page.mergeInto.set(Number(e.target.closest('.cat-item').dataset.id), Number(e.target.value));
	}
});

listEl.addEventListener('submit', (e) => {
	e.preventDefault();
	save(e.target);
});

// Escape in a row's edit panel closes the panel, not the page.
listEl.addEventListener('keydown', (e) => {
	if (e.key !== 'Escape') return;
	const item = e.target.closest('.cat-item');
	if (!item || !e.target.closest('.cat-panel')) return;
	e.preventDefault();
	e.stopPropagation();
	const id = Number(item.dataset.id);
	if (page.confirm && page.confirm.id === id) page.confirm = null;
	else page.open = null;
	render(`${id}:toggle`);
});

document.getElementById('category-duplicate-list').addEventListener('click', async (e) => {
	const button = e.target.closest('[data-act]');
	if (!button) return;
	const item = button.closest('.dup-item');
	const index = Number(item.dataset.index);
	message.textContent = '';
	try {
		if (button.dataset.act === 'dup-merge') {
			page.dupConfirm = { index, from: Number(button.dataset.from), into: Number(button.dataset.into) };
			render(`dup-${index}-confirm:yes`);
		}
		else if (button.dataset.act === 'confirm-no') {
			const { from, into } = page.dupConfirm;
			page.dupConfirm = null;
			render(`dup-${from}-${into}`);
		}
		else if (button.dataset.act === 'confirm-yes') {
			button.disabled = true;
			await merge(page.dupConfirm.from, page.dupConfirm.into);
		}
	}
	catch (error) {
		button.disabled = false;
		fail(error);
		await reload();
	}
});

document.getElementById('category-duplicate-list').addEventListener('keydown', (e) => {
	if (e.key === 'Escape' && page.dupConfirm) {
		e.preventDefault();
		e.stopPropagation();
		const { from, into } = page.dupConfirm;
		page.dupConfirm = null;
		render(`dup-${from}-${into}`);
	}
});

createForm.addEventListener('submit', async (e) => {
	e.preventDefault();
	const name = document.getElementById('category-new-name');
	const group = document.getElementById('category-new-group');
	const body = { name: name.value.trim(), kind: page.kind };
	if (group.value) body.parent_id = Number(group.value);
	try {
		const { data } = await api('POST', '/api/v1/categories', body);
		name.value = '';
		showFieldErrors(createForm, { fields: {} }, 'category-new');
		say(`Added ${q(data.name)}.`);
		await reload(null, true);
		name.focus();
	}
	catch (error) {
		showFieldErrors(createForm, error, 'category-new');
	}
});

dialog.querySelectorAll('input[name="category-kind"]').forEach((radio) => radio.addEventListener('change', () => {
	page.kind = radio.value;
	page.open = null;
	page.confirm = null;
	page.dupConfirm = null;
	say('');
	render();
}));

// Strict categories: a household setting only its owners change (PATCH /api/v1/settings).
const strictBox = document.getElementById('category-strict-box');
const strictSwitch = document.getElementById('category-strict');

async function loadStrict() {
	const { data } = await api('GET', '/api/v1/settings');
	strictSwitch.checked = Boolean(data.strict_categories);
	strictSwitch.disabled = !isOwner() || readOnly();
	strictBox.hidden = false;
}

strictSwitch.addEventListener('change', async () => {
	const wanted = strictSwitch.checked;
	strictSwitch.disabled = true;
	message.textContent = '';
	try {
		const { data } = await api('PATCH', '/api/v1/settings', { strict_categories: wanted });
		strictSwitch.checked = Boolean(data.strict_categories);
		say(strictSwitch.checked ? 'Only categories from this list can be used now.'
			: 'A new category name adds the category again.');
	}
	catch (error) {
		strictSwitch.checked = !wanted;
		fail(error);
	}
	finally {
		strictSwitch.disabled = !isOwner() || readOnly();
	}
});

openButton.addEventListener('click', () => {
	message.textContent = '';
	status.textContent = '';
	dialog.showModal();
	reload().catch(fail);
	loadStrict().catch(fail);
});
dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());

// Shown where categories are managed (PostgreSQL primary).
categoriesReady().then((available) => {
	openButton.hidden = !available;
});
