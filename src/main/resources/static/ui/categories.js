// The household's categories as the pickers and the categories page see them. With the
// JSON files as the primary store the API answers 409 and `available` stays false: the
// pickers are then the plain text fields with suggestions from past entries they always were.
import { api } from './api.js';
import { fromStart } from './bootstrap.js';

let list = [];
let available = false;
let loading = null;
// the first load comes with the page's start
let first = true;
const listeners = new Set();

/**
 * The name a category is matched by, as the server's name_key does it: accents (Latin
 * diacritics, Hebrew points), case and surrounding or repeated white space ignored.
 */
export function categoryKey(name) {
	return String(name ?? '')
		.normalize('NFD')
		.replace(/[\u0300-\u036f\u0591-\u05c7]/g, '')
		.replace(/[ \t\n\r\f\v\u00a0]+/g, ' ')
		.trim()
		.toLowerCase();
}

/** Loads (or reloads) every category; resolves to whether categories are managed here. */
export function loadCategories() {
	const fromTheStart = first;
	first = false;
	loading = (fromTheStart ? fromStart('categories', '/api/v1/categories') : api('GET', '/api/v1/categories'))
		.then(({ data }) => {
			list = Array.isArray(data) ? data : [];
			available = true;
		})
		.catch(() => {
			list = [];
			available = false;
		})
		.then(() => {
			listeners.forEach((listener) => listener());
			return available;
		});
	return loading;
}

/** Resolves once the first load is done. */
export function categoriesReady() {
	return loading || loadCategories();
}

export function categoriesAvailable() {
	return available;
}

/** Called after every (re)load. */
export function onCategories(listener) {
	listeners.add(listener);
}

/** The categories of a kind, in the API's order (each group, then its categories). */
export function categoriesOf(kind) {
	return list.filter((c) => c.kind === kind);
}

export function categoryById(id) {
	return list.find((c) => c.id === id) || null;
}

/** The category of a kind that a name would land in (any spelling), or null. */
export function categoryNamed(kind, name) {
	const key = categoryKey(name);
	if (!key) return null;
	const same = categoriesOf(kind).filter((c) => categoryKey(c.name) === key);
	return same.find((c) => !c.archived) || same[0] || null;
}

/** A category's colour by name (for the charts), or null. */
export function colourOf(kind, name) {
	const category = categoryNamed(kind, name);
	return category ? category.colour : null;
}

/**
 * The non-archived categories of a kind for a picker: [{group, items}], a group (a top-level
 * category) followed by its categories; a top-level category without categories is a group
 * of one.
 */
export function pickerGroups(kind) {
	const all = categoriesOf(kind);
	const groups = [];
	for (const top of all.filter((c) => c.parent_id == null)) {
		const children = all.filter((c) => c.parent_id === top.id && !c.archived);
		if (top.archived && children.length === 0) continue;
		groups.push({ group: top, items: top.archived ? children : [top, ...children] });
	}
	return groups;
}
