// Sign-in mode: the "API tokens" dialog from the account menu. Lists the user's personal API
// tokens (never their secrets), creates one with the account's password and an expiry (its
// secret is shown this once, with a copy button) and revokes one after a confirmation.
// Single-user mode hides the account menu and so this.
import { api } from './api.js';

const dialog = document.getElementById('token-dialog');
const list = document.getElementById('token-list');
const message = document.getElementById('token-message');
const created = document.getElementById('token-created');
const secret = document.getElementById('token-secret');
const copy = document.getElementById('token-copy');
// the id of the token whose secret is on screen (hidden again once that token is revoked)
let shownTokenId = null;
const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const when = (value) => (value ? WHEN.format(new Date(value)) : 'Never');

function cell(text) {
	const td = document.createElement('td');
	td.textContent = text;
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

function row(token) {
	const tr = document.createElement('tr');
	const actions = document.createElement('td');
	actions.className = 'text-end';
	const revoke = button('Revoke', 'btn-outline-danger', `Revoke ${token.name}`);
	const confirm = document.createElement('span');
	confirm.className = 'token-confirm';
	confirm.hidden = true;
	const question = document.createElement('span');
	question.textContent = 'Scripts using it stop working. Revoke? ';
	const yes = button('Yes, revoke', 'btn-danger', `Yes, revoke ${token.name}`);
	const no = button('Cancel', 'btn-outline-secondary ms-1');
	confirm.append(question, yes, no);
	revoke.addEventListener('click', () => {
		revoke.hidden = true;
		confirm.hidden = false;
		confirm.closest('tr').hidden = false;
		yes.focus();
	});
	no.addEventListener('click', () => {
		confirm.hidden = true;
		confirm.closest('tr').hidden = true;
		revoke.hidden = false;
		revoke.focus();
	});
	yes.addEventListener('click', () => {
		yes.disabled = true;
		api('DELETE', `/api/v1/tokens/${token.id}`)
			.then(() => {
				// a revoked token's secret is worth nothing and must not stay on screen
				if (shownTokenId === token.id) hideSecret();
				return refresh();
			})
			.catch(fail);
	});
	actions.append(revoke);
	// the confirmation takes a row of its own, the table's whole width: it wraps inside the
	// dialog instead of running out of it
	const confirmRow = document.createElement('tr');
	confirmRow.className = 'token-confirm-row';
	const confirmCell = document.createElement('td');
	confirmCell.colSpan = 5;
	confirmCell.append(confirm);
	confirmRow.append(confirmCell);
	confirmRow.hidden = true;
	const expires = token.expires_at ? WHEN.format(new Date(token.expires_at)) : 'Never';
	const name = cell(token.name);
	name.dir = 'auto';
	tr.append(name, cell(when(token.created_at)), cell(when(token.last_used_at)), cell(expires), actions);
	return [tr, confirmRow];
}

function hideSecret() {
	created.hidden = true;
	secret.textContent = '';
	shownTokenId = null;
}

function fail(error) {
	message.textContent = error.message;
}

async function refresh() {
	const { data } = await api('GET', '/api/v1/tokens');
	const tokens = data || [];
	list.replaceChildren(...tokens.flatMap(row));
	document.getElementById('token-none').hidden = tokens.length > 0;
}

document.getElementById('tokens-open').addEventListener('click', () => {
	message.textContent = '';
	created.hidden = true;
	secret.textContent = '';
	dialog.showModal();
	refresh().catch(fail);
});
document.getElementById('token-close').addEventListener('click', () => dialog.close());
// Neither the secret nor the password may linger in the page once the dialog is gone.
dialog.addEventListener('close', () => {
	hideSecret();
	document.getElementById('token-password').value = '';
});

document.getElementById('token-form').addEventListener('submit', (event) => {
	event.preventDefault();
	const name = document.getElementById('token-name');
	const password = document.getElementById('token-password');
	const days = document.getElementById('token-expiry').value;
	message.textContent = '';
	api('POST', '/api/v1/tokens', {
		name: name.value.trim(),
		password: password.value,
		expires_in_days: days ? Number(days) : null,
	})
		.then(({ data }) => {
			secret.textContent = data.token;
			shownTokenId = data.id;
			copy.textContent = 'Copy';
			created.hidden = false;
			name.value = '';
			password.value = '';
			return refresh();
		})
		.catch((error) => {
			password.value = '';
			fail(error);
		});
});

copy.addEventListener('click', async () => {
	try {
		await navigator.clipboard.writeText(secret.textContent);
		copy.textContent = 'Copied';
	}
	catch (e) {
		// No clipboard access (an insecure origin, a denied permission): select it for Ctrl+C.
		window.getSelection().selectAllChildren(secret);
		copy.textContent = 'Selected: press Ctrl+C';
	}
});
