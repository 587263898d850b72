// The household's default split of shared expenses, in the Household dialog (owners): a weight
// per member (60 and 40, or each one's income), saved with PUT /api/v1/schedules/settings and the
// setting's version as If-Match. New shared expenses (the add form's "Household split", see
// split.js) and scheduled expenses are split this way; no weights at all means equal shares.
import { api } from './api.js';

const form = document.getElementById('default-split-form');
const membersBox = document.getElementById('default-split-members');
const errorText = document.getElementById('default-split-error');
const statusText = document.getElementById('default-split-status');
let version = null;
let shown = [];

function field(member, weight) {
	const wrap = document.createElement('div');
	wrap.className = 'field';
	const label = document.createElement('label');
	label.className = 'form-label small mb-0';
	label.htmlFor = `default-split-${member.user_id}`;
	label.textContent = `Weight of ${member.username}`;
	const input = document.createElement('input');
	input.type = 'text';
	input.inputMode = 'decimal';
	input.id = `default-split-${member.user_id}`;
	input.className = 'form-control form-control-sm';
	input.size = 8;
	input.dataset.user = String(member.user_id);
	input.value = weight == null ? '' : String(weight);
	wrap.append(label, input);
	return wrap;
}

/** Shows the members' weights (the dialog's owner part calls it with the member list). */
export async function loadDefaultSplit(members) {
	errorText.textContent = '';
	statusText.textContent = '';
	let weights = {};
	try {
		const { data, headers } = await api('GET', '/api/v1/schedules/settings');
		weights = (data && data.default_split) || {};
		version = headers.get('ETag');
		form.hidden = false;
	}
	catch (e) {
		form.hidden = true; // the JSON files are primary: no schedules, no default split
		return;
	}
	shown = members;
	membersBox.replaceChildren(...members.map((m) => field(m, weights[String(m.user_id)])));
}

async function save(body, done) {
	errorText.textContent = '';
	statusText.textContent = '';
	try {
		const { headers } = await api('PUT', '/api/v1/schedules/settings', body,
			{ headers: version ? { 'If-Match': version } : {} });
		version = headers.get('ETag');
		statusText.textContent = done;
	}
	catch (error) {
		if (error.status === 412) {
			await loadDefaultSplit(shown);
			errorText.textContent = 'Someone changed the split meanwhile; it is shown as it is now.';
			return;
		}
		errorText.textContent = error.issues && error.issues.length
			? error.issues.map((i) => i.message).join('. ') : error.message;
	}
}

form.addEventListener('submit', (event) => {
	event.preventDefault();
	const weights = {};
	let missing = false;
	for (const input of membersBox.querySelectorAll('input')) {
		const text = input.value.trim().replace(',', '.');
		if (text === '') missing = true;
		else weights[input.dataset.user] = text;
	}
	if (Object.keys(weights).length === 0) {
		save({ default_split: null }, 'Shared expenses are split equally.');
		return;
	}
	if (missing) {
		errorText.textContent = 'Give every member a weight, or leave them all empty for equal shares.';
		return;
	}
	save({ default_split: weights }, 'Saved: new shared expenses are split by these weights.');
});

document.getElementById('default-split-equal').addEventListener('click', async () => {
	membersBox.querySelectorAll('input').forEach((input) => { input.value = ''; });
	await save({ default_split: null }, 'Shared expenses are split equally.');
});
