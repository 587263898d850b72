// The category picker: a text field that is an ARIA combobox over the household's
// non-archived categories, listed under their groups and narrowed as you type. Arrow keys
// move through the list, Enter takes the highlighted category, Escape closes the list; a
// tap or click takes one too. Typing a name no category has is allowed: the form asks
// "Create category 'Xyz'?" before saving it (confirmNewCategory). Without managed
// categories (the JSON files primary: the API answers 409) the field stays the plain text
// field with suggestions from past entries (its datalist).
import { categoriesAvailable, categoryKey, categoryNamed, onCategories, pickerGroups } from './categories.js';

const pickers = new Set();
let serial = 0;

onCategories(() => {
	for (const picker of [...pickers]) {
		if (!picker.input.isConnected) pickers.delete(picker);
		else picker.sync();
	}
});

function esc(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

class Picker {
	constructor(input, kind) {
		this.input = input;
		this.kind = kind;
		this.datalist = input.getAttribute('list');
		this.active = -1;
		serial += 1;
		this.list = document.createElement('div');
		this.list.className = 'picker-list';
		this.list.id = `${input.id || 'picker'}-list-${serial}`;
		this.list.setAttribute('role', 'listbox');
		this.list.setAttribute('aria-label', `${kind === 'income' ? 'Income' : 'Expense'} categories`);
		this.list.hidden = true;
		input.after(this.list);
		input.parentElement.classList.add('picker');
		input.addEventListener('keydown', (e) => this.keydown(e));
		input.addEventListener('input', () => {
			if (this.enabled()) this.open();
		});
		// a click or tap shows the list (Escape, a choice or leaving the field closes it)
		input.addEventListener('click', () => {
			if (this.enabled() && this.list.hidden) this.open();
		});
		input.addEventListener('blur', () => this.close());
		// a press on the list keeps the focus in the field (a tap on a phone too)
		this.list.addEventListener('mousedown', (e) => e.preventDefault());
		this.list.addEventListener('click', (e) => {
			const option = e.target.closest('[role="option"]');
			if (option) this.pick(option.dataset.name);
		});
		this.sync();
	}

	enabled() {
		return categoriesAvailable();
	}

	/** A combobox with managed categories, the plain field with its datalist without. */
	sync() {
		const input = this.input;
		if (this.enabled()) {
			input.setAttribute('role', 'combobox');
			input.setAttribute('aria-autocomplete', 'list');
			input.setAttribute('aria-expanded', 'false');
			input.setAttribute('aria-controls', this.list.id);
			input.removeAttribute('list');
			if (!this.list.hidden) this.render();
		}
		else {
			this.close();
			for (const name of ['role', 'aria-autocomplete', 'aria-expanded', 'aria-controls', 'aria-activedescendant']) {
				input.removeAttribute(name);
			}
			if (this.datalist) input.setAttribute('list', this.datalist);
		}
	}

	options() {
		return [...this.list.querySelectorAll('[role="option"]')];
	}

	render() {
		const query = categoryKey(this.input.value);
		const current = categoryKey(this.input.value);
		const html = [];
		for (const { group, items } of pickerGroups(this.kind)) {
			const groupMatches = query && categoryKey(group.name).includes(query);
			const shown = items.filter((c) => !query || groupMatches || categoryKey(c.name).includes(query)
				|| categoryKey(c.name) === current);
			if (shown.length === 0) continue;
			const option = (c) => `<div role="option" id="${this.list.id}-${c.id}" class="picker-option${c.parent_id != null ? ' child' : ''}"`
				+ ` data-name="${esc(c.name)}" aria-selected="${categoryKey(c.name) === current}">`
				+ `<span class="swatch" aria-hidden="true"${c.colour ? ` style="background:${esc(c.colour)}"` : ''}></span>`
				+ `<span dir="auto">${esc(c.name)}</span></div>`;
			if (items.length === 1 && items[0] === group) {
				html.push(option(group));
				continue;
			}
			const heading = shown[0] === group ? '' : `<div class="picker-heading" aria-hidden="true" dir="auto">${esc(group.name)}</div>`;
			html.push(`<div role="group" aria-label="${esc(group.name)}">${heading}${shown.map(option).join('')}</div>`);
		}
		this.list.innerHTML = html.join('');
		this.active = -1;
		this.input.removeAttribute('aria-activedescendant');
		return html.length > 0;
	}

	open() {
		if (!this.render()) {
			this.close();
			return;
		}
		this.list.hidden = false;
		this.input.setAttribute('aria-expanded', 'true');
	}

	close() {
		if (this.list.hidden) return;
		this.list.hidden = true;
		this.active = -1;
		this.input.setAttribute('aria-expanded', 'false');
		this.input.removeAttribute('aria-activedescendant');
	}

	move(step) {
		const options = this.options();
		if (options.length === 0) return;
		if (this.active < 0) {
			const selected = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
			this.active = selected >= 0 ? selected : (step > 0 ? 0 : options.length - 1);
		}
		else {
			this.active = (this.active + step + options.length) % options.length;
		}
		options.forEach((o, i) => o.classList.toggle('active', i === this.active));
		const option = options[this.active];
		this.input.setAttribute('aria-activedescendant', option.id);
		option.scrollIntoView({ block: 'nearest' });
	}

	pick(name) {
		this.input.value = name;
		this.close();
		this.input.dispatchEvent(new Event('change', { bubbles: true }));
	}

	keydown(e) {
		if (!this.enabled()) return;
		const open = !this.list.hidden;
		let handled = true;
		if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
			if (!open) this.open();
			if (!this.list.hidden) this.move(e.key === 'ArrowDown' ? 1 : -1);
		}
		else if (e.key === 'Enter' && open && this.active >= 0) {
			this.pick(this.options()[this.active].dataset.name);
		}
		else if (e.key === 'Escape' && open) {
			this.close();
		}
		else {
			handled = false;
			if (e.key === 'Tab') this.close();
		}
		if (handled) {
			// the list's own key: not the form's (Enter saves, Escape closes or cancels)
			e.preventDefault();
			e.stopImmediatePropagation();
		}
	}
}

/**
 * Makes a category text field a picker over the categories of a kind. Attach it before any
 * other keydown listener of the field, so that the list's keys stay the list's.
 */
export function attachPicker(input, kind) {
	const picker = new Picker(input, kind);
	pickers.add(picker);
	return picker;
}

/** Whether saving this category text would create a new category (and so needs a yes). */
export function isNewCategory(kind, name) {
	return categoriesAvailable() && categoryKey(name) !== '' && !categoryNamed(kind, name);
}

/**
 * Asks under the field whether to create a category of that name: resolves true on
 * "Create", false on "Cancel" or Escape (the focus goes back to the field then).
 */
export function confirmNewCategory(input, name, focus = true) {
	const old = input.parentElement.querySelector('.picker-confirm');
	if (old) old.remove();
	serial += 1;
	const box = document.createElement('div');
	box.className = 'picker-confirm';
	box.setAttribute('role', 'group');
	box.setAttribute('aria-labelledby', `picker-confirm-${serial}`);
	const question = document.createElement('span');
	question.id = `picker-confirm-${serial}`;
	question.className = 'small';
	question.textContent = `Create category \u201c${name.trim()}\u201d?`;
	question.setAttribute('dir', 'auto');
	const yes = document.createElement('button');
	yes.type = 'button';
	yes.className = 'btn btn-primary btn-sm';
	yes.textContent = 'Create';
	const no = document.createElement('button');
	no.type = 'button';
	no.className = 'btn btn-outline-secondary btn-sm';
	no.textContent = 'Cancel';
	box.append(question, yes, no);
	(input.parentElement.querySelector('.picker-list') || input).after(box);
	if (focus) yes.focus();
	return new Promise((resolve) => {
		const done = (answer) => {
			box.remove();
			if (!answer) input.focus();
			resolve(answer);
		};
		yes.addEventListener('click', () => done(true));
		no.addEventListener('click', () => done(false));
		box.addEventListener('keydown', (e) => {
			if (e.key === 'Escape') {
				e.preventDefault();
				e.stopPropagation();
				done(false);
			}
		});
	});
}
