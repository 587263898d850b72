// The exchange-rates page (a dialog from the header's "Exchange rates"): the household's base
// currency (owners change it), its rates newest first, adding a rate by hand, deleting one,
// and importing a CSV file (the ECB's eurofxref-hist.csv, or date,currency,rate[,quote]) with
// the imported and rejected counts and the first rejected rows. A viewer sees the base
// currency and the rates only. Hidden where the API has no rates (the JSON files primary).
import { api, ApiError, humanMessage } from './api.js';
import { fromStart } from './bootstrap.js';
import { isOwner } from './households.js';
import { currencySymbol } from './money.js';

const dialog = document.getElementById('rates-dialog');
const openButton = document.getElementById('rates-open');
const message = document.getElementById('rates-message');
const status = document.getElementById('rates-status');
const list = document.getElementById('rate-list');
const baseForm = document.getElementById('base-form');
const rateForm = document.getElementById('rate-form');
const importForm = document.getElementById('rate-import');
const importResult = document.getElementById('rate-import-result');
const LIMIT = 100;
const RATE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
let base = 'ILS';

function say(text) {
	message.textContent = '';
	status.textContent = text;
}

function fail(error) {
	status.textContent = '';
	message.textContent = error instanceof ApiError ? error.message : String(error && error.message ? error.message : error);
}

function changed() {
	document.dispatchEvent(new CustomEvent('hb:money-changed'));
}

function today() {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function clearErrors(form) {
	form.querySelectorAll('.is-invalid').forEach((el) => {
		el.classList.remove('is-invalid');
		el.removeAttribute('aria-invalid');
	});
	form.querySelectorAll('.invalid-feedback').forEach((el) => {
		el.textContent = '';
	});
}

// The API's 422 messages next to the fields they name; anything else above the page.
function showErrors(form, error, fallbackField) {
	clearErrors(form);
	const fields = Object.entries(error.fields || {});
	if (!fields.length && error.status === 422 && fallbackField) fields.push([fallbackField, error.message]);
	let first = null;
	for (const [field, text] of fields) {
		const input = form.elements[field];
		const feedback = document.getElementById(`${form.id}-${field}-error`);
		if (!input || !feedback) continue;
		input.classList.add('is-invalid');
		input.setAttribute('aria-invalid', 'true');
		feedback.textContent = humanMessage(text);
		first = first || input;
	}
	if (first) first.focus();
	else fail(error);
}

function cell(text, className) {
	const td = document.createElement('td');
	td.textContent = text;
	if (className) td.className = className;
	return td;
}

function button(text, className, label) {
	const b = document.createElement('button');
	b.type = 'button';
	b.className = `btn btn-sm py-0 ${className}`;
	b.textContent = text;
	if (label) b.setAttribute('aria-label', label);
	return b;
}

function row(rate) {
	const tr = document.createElement('tr');
	const what = `1 ${rate.currency} = ${RATE.format(Number(rate.rate))} ${rate.quote}`;
	const actions = document.createElement('td');
	actions.className = 'text-end text-nowrap writes';
	const remove = button('Delete', 'btn-outline-danger', `Delete the rate ${what} of ${rate.date}`);
	const confirm = document.createElement('span');
	confirm.hidden = true;
	const yes = button('Yes, delete', 'btn-danger', `Yes, delete the rate ${what} of ${rate.date}`);
	const no = button('Cancel', 'btn-outline-secondary ms-1');
	confirm.append(yes, no);
	remove.addEventListener('click', () => {
		remove.hidden = true;
		confirm.hidden = false;
		yes.focus();
	});
	no.addEventListener('click', () => {
		confirm.hidden = true;
		remove.hidden = false;
		remove.focus();
	});
	yes.addEventListener('click', async () => {
		yes.disabled = true;
		try {
			await api('DELETE', `/api/v1/exchange-rates/${rate.id}`);
			say(`Deleted the rate ${what} of ${rate.date}.`);
			await refresh();
			changed();
			document.getElementById('rate-list-title').focus();
		}
		catch (e) {
			yes.disabled = false;
			fail(e);
		}
	});
	actions.append(remove, confirm);
	tr.append(cell(rate.date, 'text-nowrap'), cell(what, 'amount'), cell(rate.source === 'import' ? 'Imported' : 'By hand'), actions);
	return tr;
}

async function refresh() {
	const [{ data: settings }, { data: rates }] = await Promise.all([
		api('GET', '/api/v1/settings'), api('GET', `/api/v1/exchange-rates?limit=${LIMIT}`)]);
	base = settings.base_currency;
	const symbol = currencySymbol(base);
	document.getElementById('base-current').textContent = symbol === base ? base : `${base} (${symbol})`;
	// not over what someone is typing there while the page loads
	const baseInput = document.getElementById('base-currency');
	if (document.activeElement !== baseInput) baseInput.value = base;
	document.getElementById('rate-quote').placeholder = `${base} (base)`;
	baseForm.hidden = !isOwner();
	list.replaceChildren(...rates.map(row));
	document.getElementById('rate-none').hidden = rates.length > 0;
	document.getElementById('rate-more').hidden = rates.length < LIMIT;
}

baseForm.addEventListener('submit', async (e) => {
	e.preventDefault();
	const value = document.getElementById('base-currency').value.trim().toUpperCase();
	try {
		await api('PATCH', '/api/v1/settings', { base_currency: value });
		clearErrors(baseForm);
		await refresh();
		say(`Totals are converted into ${base} now.`);
		changed();
	}
	catch (error) {
		showErrors(baseForm, error, 'base_currency');
	}
});

rateForm.addEventListener('submit', async (e) => {
	e.preventDefault();
	const f = rateForm.elements;
	const body = { date: f.date.value, currency: f.currency.value.trim(), rate: f.rate.value.trim() };
	if (f.quote.value.trim()) body.quote = f.quote.value.trim();
	try {
		const { data } = await api('POST', '/api/v1/exchange-rates', body);
		clearErrors(rateForm);
		f.rate.value = '';
		await refresh();
		say(`Saved 1 ${data.currency} = ${RATE.format(Number(data.rate))} ${data.quote} on ${data.date}.`);
		changed();
		f.currency.focus();
	}
	catch (error) {
		showErrors(rateForm, error, null);
	}
});

function rejectedList(rejected) {
	const ul = document.createElement('ul');
	ul.className = 'small mb-0';
	ul.setAttribute('aria-label', 'Rejected rows');
	for (const r of rejected.slice(0, 10)) {
		const li = document.createElement('li');
		li.textContent = `Line ${r.line}: ${humanMessage(r.reason)}`;
		ul.append(li);
	}
	return ul;
}

importForm.addEventListener('submit', async (e) => {
	e.preventDefault();
	const file = importForm.elements.file.files[0];
	importResult.replaceChildren();
	if (!file) {
		showErrors(importForm, new ApiError('Choose a CSV file first', 422), 'file');
		return;
	}
	const submit = importForm.querySelector('button[type="submit"]');
	submit.disabled = true;
	try {
		const { data } = await api('POST', '/api/v1/exchange-rates/import', file, { contentType: 'text/csv' });
		clearErrors(importForm);
		const summary = document.createElement('p');
		summary.className = 'small mb-1';
		const rejected = Number(data.rejected_count);
		summary.textContent = `Imported ${data.imported === 1 ? '1 rate' : `${data.imported} rates`}; `
			+ `${rejected === 0 ? 'no rows rejected.' : rejected === 1 ? '1 row rejected:' : `${rejected} rows rejected`}`
			+ `${rejected > 1 ? (data.rejected.length < rejected ? `, the first ${Math.min(10, data.rejected.length)}:` : ':') : ''}`;
		importResult.append(summary);
		if (data.rejected.length) importResult.append(rejectedList(data.rejected));
		importForm.reset();
		await refresh();
		changed();
	}
	catch (error) {
		showErrors(importForm, error, 'file');
	}
	finally {
		submit.disabled = false;
	}
});

openButton.addEventListener('click', () => {
	message.textContent = '';
	status.textContent = '';
	importResult.replaceChildren();
	clearErrors(rateForm);
	clearErrors(importForm);
	if (!rateForm.elements.date.value) rateForm.elements.date.value = today();
	dialog.showModal();
	refresh().catch(fail);
});
dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());

// Other parts of the page open it too (the totals' "Exchange rates" link).
document.addEventListener('click', (e) => {
	const opener = e.target.closest('[data-open="rates-open"]');
	if (opener && !openButton.hidden) openButton.click();
});

// Shown where the household has settings and rates (PostgreSQL primary).
fromStart('settings', '/api/v1/settings').then(() => {
	openButton.hidden = false;
	document.body.dataset.rates = 'true';
}).catch(() => {});
