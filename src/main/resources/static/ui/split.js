// Sign-in mode with more than one member: who paid and for whom on the expense add forms
// (default "me" / "shared") and on the edit sheet (the row's own values; opened by tapping a row
// on a phone, by a row's "Edit" button on a wider screen, see app.js), and the Balance dialog
// (who owes whom, with a settle-up button per transfer). Single-user mode, and a household of
// one, show none of it.
import { api } from './api.js';
import { fromStart } from './bootstrap.js';
import { historyAvailable, undoToast } from './history.js';
import { isOwner } from './households.js';
import { amountIn, currencyCode, currencySymbol } from './money.js';
import { confirmSettleUp } from './settle-confirm.js';

const box = document.getElementById('household-box');
const dialog = document.getElementById('balance-dialog');
const membersList = document.getElementById('balance-members');
const transfersList = document.getElementById('balance-transfers');
const message = document.getElementById('balance-message');
let myName = null;
let people = [];
// The household's default split among its current members (GET /api/v1/schedules/settings), as
// [{ user_id, weight }] with weights in hundredths; null when there is none or it is equal.
let householdSplit = null;

const money = (value) => Number(value).toFixed(2);
const nameOf = (id) => (people.find((p) => p.user_id === id) || { username: `#${id}` }).username;

function option(value, label, selected) {
	const o = new Option(label, value);
	o.selected = selected;
	return o;
}

// A member the list no longer has (removed from the household) still shows as what is stored.
function ensureOption(select, value) {
	if (![...select.options].some((o) => o.value === value)) select.append(option(value, nameOf(Number(value)), false));
}

function controls(prefix, row) {
	const wrap = document.createElement('div');
	wrap.className = 'split-controls d-flex flex-wrap gap-2';
	const paid = document.createElement('select');
	paid.name = 'paid_by';
	paid.id = `${prefix}-paid_by`;
	paid.className = 'form-select form-select-sm w-auto';
	const forWhom = document.createElement('select');
	forWhom.name = 'for_whom';
	forWhom.id = `${prefix}-for_whom`;
	forWhom.className = 'form-select form-select-sm w-auto';
	if (row && row.paid_by == null) paid.append(option('', 'Unknown', false));
	if (!row && householdSplit) forWhom.append(option('household', householdSplitLabel(), true));
	forWhom.append(option('shared', householdSplit && !row ? 'Shared equally' : 'Shared', !(householdSplit && !row)));
	for (const person of people) {
		const mine = person.username === myName;
		const label = mine ? `Me (${person.username})` : person.username;
		paid.append(option(String(person.user_id), label, mine && !row));
		forWhom.append(option(String(person.user_id), label, false));
	}
	if (row) preset(paid, forWhom, row);
	for (const [select, text] of [[paid, 'Paid by'], [forWhom, 'For whom']]) {
		const field = document.createElement('div');
		field.className = 'field';
		const label = document.createElement('label');
		label.className = 'form-label small mb-0';
		label.htmlFor = select.id;
		label.textContent = text;
		field.append(label, select);
		wrap.append(field);
	}
	return wrap;
}

// Equal shares in cents as the server makes them: the odd cents one each to the lowest ids.
function isEqualSplit(shares, amount) {
	const ids = shares.map((s) => s.user_id).sort((x, y) => x - y);
	const total = Math.round(Number(amount) * 100);
	const base = Math.floor(total / ids.length);
	const remainder = ((total % ids.length) + ids.length) % ids.length;
	return ids.every((id, i) => {
		const share = shares.find((s) => s.user_id === id);
		return Math.round(Number(share.amount) * 100) === base + (i < remainder ? 1 : 0);
	});
}

// The row's stored payer and beneficiary. data-initial remembers them, so that saving sends only
// what the user changed: an untouched row keeps its payer (even an unknown one) and its shares.
function preset(paid, forWhom, row) {
	const payer = row.paid_by == null ? '' : String(row.paid_by);
	if (payer) ensureOption(paid, payer);
	paid.value = payer;
	const shares = row.shares || [];
	let beneficiary = 'shared';
	if (row.for_whom != null) {
		beneficiary = String(row.for_whom);
		ensureOption(forWhom, beneficiary);
	}
	else if (shares.length > 0 && !isEqualSplit(shares, row.amount)) {
		beneficiary = 'custom';
		forWhom.append(option('custom', 'Custom split', false));
	}
	forWhom.value = beneficiary;
	paid.dataset.initial = payer;
	forWhom.dataset.initial = beneficiary;
}

// Weights as whole hundredths (a weight has at most two decimals), so shares are computed
// exactly.
function hundredths(value) {
	const text = String(value).trim();
	if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
	const [whole, fraction = ''] = text.split('.');
	return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

function householdSplitOf(defaultSplit) {
	if (!defaultSplit) return null;
	const members = new Set(people.map((p) => p.user_id));
	const weights = Object.entries(defaultSplit)
		.map(([id, weight]) => ({ user_id: Number(id), weight: hundredths(weight) }))
		.filter((w) => members.has(w.user_id) && w.weight != null && w.weight > 0n)
		.sort((a, b) => a.user_id - b.user_id);
	if (weights.length === 0) return null;
	// equal weights among every member are what "Shared" does already
	if (weights.length === people.length && weights.every((w) => w.weight === weights[0].weight)) return null;
	return weights;
}

function householdSplitLabel() {
	const sum = householdSplit.reduce((total, w) => total + w.weight, 0n);
	const parts = householdSplit.map((w) => `${nameOf(w.user_id)} ${Math.round(Number(w.weight * 1000n / sum) / 10)}%`);
	return `Household split (${parts.join(', ')})`;
}

/**
 * The shares of the household's default split for an amount typed in a form, the way the
 * server splits a scheduled expense: whole cents by the largest remainder (ties to the lower
 * member id), summing to the amount exactly, no zero share. Null for an amount that is not
 * a plain number with at most two decimals (the server then answers about the amount).
 */
export function householdShares(amountText) {
	if (!householdSplit) return null;
	const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(String(amountText).trim());
	if (!match) return null;
	const cents = BigInt(match[2]) * 100n + BigInt((match[3] || '').padEnd(2, '0'));
	const sum = householdSplit.reduce((total, w) => total + w.weight, 0n);
	const parts = householdSplit.map((w, index) => ({ index, user_id: w.user_id, cents: (cents * w.weight) / sum,
		remainder: (cents * w.weight) % sum }));
	let given = parts.reduce((total, p) => total + p.cents, 0n);
	const byRemainder = [...parts].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index
		: (a.remainder > b.remainder ? -1 : 1)));
	for (let i = 0; given < cents; i += 1) {
		byRemainder[i % byRemainder.length].cents += 1n;
		given += 1n;
	}
	const sign = match[1] ? '-' : '';
	const text = (c) => `${sign}${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
	return parts.filter((p) => p.cents > 0n).map((p) => ({ user_id: p.user_id, amount: text(p.cents) }));
}

function addControls(form, prefix, row) {
	if (people.length < 2 || !form || form.querySelector('.split-controls')) return;
	const anchor = form.querySelector('.add-grid') || form.querySelector('.form-error');
	if (anchor.classList.contains('add-grid')) anchor.after(controls(prefix, row));
	else anchor.before(controls(prefix, row));
}

/** The edit sheet of an expense: "Paid by" and "For whom" pre-filled from the row. */
export function addEditControls(form, row) {
	addControls(form, 'sheet', row);
}

/** A member's username by user id (a removed member as "#id"). */
export function memberName(id) {
	return nameOf(id);
}

/**
 * The members of a balance: its (converted) members, or with several currencies and a
 * currency without a rate, those of one currency's balance (every currency lists everyone).
 */
export function balanceMembers(balance) {
	if (!balance) return [];
	if (Array.isArray(balance.members)) return balance.members;
	const first = (balance.by_currency || [])[0];
	return first ? first.members : [];
}

function memberItems(members, code) {
	return members.map((m) => {
		const item = document.createElement('li');
		const net = Number(m.net);
		const amount = (value) => (code ? amountIn(value, code) : money(value));
		item.textContent = `${m.username}: paid ${amount(m.paid)}, share ${amount(m.share)}, `
			+ (net > 0 ? `is owed ${amount(net)}` : net < 0 ? `owes ${amount(-net)}` : 'settled');
		return item;
	});
}

// A transfer in a currency (null: the v1 balance, in the household's one currency), with its
// "Settle up" button, which records it in that currency.
function transferItem(t, code, single) {
	const item = document.createElement('li');
	item.className = 'd-flex flex-wrap align-items-center gap-2 mb-1';
	const text = document.createElement('span');
	const amount = code ? amountIn(t.amount, code) : money(t.amount);
	text.textContent = `${nameOf(t.from_user)} owes ${nameOf(t.to_user)} ${amount}`;
	// a settle-up is recorded by one of the two members, or by an owner
	const mine = nameOf(t.from_user) === myName || nameOf(t.to_user) === myName;
	if (!mine && !isOwner()) {
		item.append(text);
		return item;
	}
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'btn btn-primary btn-sm settle-up';
	button.textContent = 'Settle up';
	button.setAttribute('aria-label', `Settle up: ${nameOf(t.from_user)} pays ${nameOf(t.to_user)} ${code || !single ? amount : amountIn(t.amount, single)}`);
	const body = { from_user: t.from_user, to_user: t.to_user, amount: String(t.amount) };
	if (code || single) body.currency = code || single;
	// asks first (settle-confirm.js): the day it was paid and a note go with it
	button.addEventListener('click', () => confirmSettleUp(item, button, `Record that ${nameOf(t.from_user)} paid ${nameOf(t.to_user)} ${amount}?`,
		({ date, notes }) => api('POST', '/api/v1/settlements', { ...body, date, ...(notes ? { notes } : {}) })
			.then(({ data }) => {
				// a settle-up is undone by deleting it (it goes to the trash)
				historyAvailable().then((yes) => {
					if (yes && data) {
						undoToast(`Settled up: ${nameOf(t.from_user)} paid ${nameOf(t.to_user)} ${amount}`, () => api('DELETE', `/api/v1/settlements/${data.id}`), refresh);
					}
				});
				return refresh().catch((e) => {
					message.textContent = e.message;
				});
			})));
	item.append(text, button);
	return item;
}

function settledItem() {
	const item = document.createElement('li');
	item.textContent = 'Everyone is settled up.';
	return item;
}

function heading(text) {
	const h = document.createElement('h3');
	h.className = 'h6 mt-3 mb-1';
	h.textContent = text;
	return h;
}

function list(label, items) {
	const ul = document.createElement('ul');
	ul.className = 'list-unstyled small mb-1';
	ul.setAttribute('aria-label', label);
	ul.append(...items);
	return ul;
}

// With several currencies: each currency's balance and transfers (a debt in dollars is
// settled in dollars), then the whole converted into the base currency at today's rates, when
// every currency has one.
function renderCurrencies(balance) {
	const box = document.getElementById('balance-currencies');
	const parts = [];
	for (const c of balance.by_currency) {
		const label = `${c.currency} (${currencySymbol(c.currency)})`;
		parts.push(heading(`In ${c.currency === currencySymbol(c.currency) ? c.currency : label}`));
		parts.push(list(`Members, ${c.currency}`, memberItems(c.members, c.currency)));
		parts.push(list(`Who owes whom, ${c.currency}`,
			c.transfers.length ? c.transfers.map((t) => transferItem(t, c.currency)) : [settledItem()]));
	}
	const total = document.createElement('p');
	total.className = 'small mt-2 mb-0';
	if (balance.complete && Array.isArray(balance.members)) {
		parts.push(heading(`Everything in ${balance.currency}, at today's rates`));
		parts.push(list(`Members, converted into ${balance.currency}`, memberItems(balance.members, balance.currency)));
		total.textContent = 'Settle each currency above in its own currency.';
	}
	else {
		total.className += ' text-warning-emphasis';
		total.textContent = `No total in ${balance.currency}: a currency has no exchange rate yet.`;
	}
	parts.push(total);
	box.replaceChildren(...parts);
}

// The one currency of a balance given as a v1 body: that of the expenses someone paid (or of
// the settlements), or the base currency when there is no money yet.
async function singleCurrency(balance) {
	for (const m of balance.members.filter((member) => Number(member.paid) !== 0)) {
		const { data } = await api('GET', `/api/v1/expense?paid_by=${m.user_id}&limit=1`);
		if (data && data[0] && currencyCode(data[0].currency)) return currencyCode(data[0].currency);
	}
	const { data: settlements } = await api('GET', '/api/v1/settlements');
	if (settlements && settlements[0]) return settlements[0].currency;
	const { data: settings } = await api('GET', '/api/v1/settings');
	return settings.base_currency;
}

function renderBalance(balance, single) {
	people = balanceMembers(balance).map((m) => ({ user_id: m.user_id, username: m.username }));
	const several = Array.isArray(balance.by_currency);
	document.getElementById('balance-single').hidden = several;
	document.getElementById('balance-currencies').hidden = !several;
	if (several) {
		membersList.replaceChildren();
		transfersList.replaceChildren();
		renderCurrencies(balance);
		return;
	}
	document.getElementById('balance-currencies').replaceChildren();
	document.getElementById('balance-currency').textContent = single
		? `Amounts in ${currencySymbol(single)}${currencySymbol(single) === single ? '' : ` (${single})`}.` : '';
	membersList.replaceChildren(...memberItems(balance.members, null));
	transfersList.replaceChildren(...(balance.transfers.length ? balance.transfers.map((t) => transferItem(t, null, single)) : [settledItem()]));
}

async function refresh() {
	message.textContent = '';
	const { data } = await api('GET', '/api/v1/balance');
	let single = null;
	if (!Array.isArray(data.by_currency)) {
		try {
			single = await singleCurrency(data);
		}
		catch (e) {
			single = null; // the settle-up then takes the base currency, as the API does
		}
	}
	renderBalance(data, single);
}

async function load() {
	const { data: account } = await fromStart('account', '/api/v1/account');
	if (!account || !account.username) return false;
	myName = account.username;
	try {
		const { data } = await fromStart('balance', '/api/v1/balance');
		people = balanceMembers(data).map((m) => ({ user_id: m.user_id, username: m.username }));
	}
	catch (e) {
		return false; // a JSON-era phase (409): no balances there
	}
	document.getElementById('balance-open').hidden = false;
	try {
		const { data: settings } = await fromStart('schedule_settings', '/api/v1/schedules/settings');
		householdSplit = householdSplitOf(settings && settings.default_split);
	}
	catch (e) {
		householdSplit = null; // no default split to offer: "Shared" splits equally
	}
	addControls(document.querySelector('#expense-section .add-form'), 'add');
	new MutationObserver(() => {
		const form = document.getElementById('sheet-form');
		const type = form.elements.type;
		if (type && !type.disabled && type.value === 'expense') addControls(form, 'sheet');
	}).observe(document.getElementById('sheet-form'), { childList: true });
	return people.length >= 2;
}

document.getElementById('balance-open').addEventListener('click', () => {
	refresh().catch((e) => { message.textContent = e.message; });
	dialog.showModal();
});
document.getElementById('balance-close').addEventListener('click', () => dialog.close());

/** Resolves to whether the payer controls are shown (sign-in mode, more than one member). */
export const payerControlsShown = load().catch(() => false);
