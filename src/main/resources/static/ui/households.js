// Sign-in mode: the household switcher in the header and the household dialog (members and
// roles for owners, invitations, joining with a code). Single-user mode shows none of it.
import { api } from './api.js';
import { fromStart } from './bootstrap.js';
import { loadDefaultSplit } from './default-split.js';
import { forgetInvitation, keepInvitationFromLink, pendingInvitation } from './invitation-link.js';

const box = document.getElementById('household-box');
const select = document.getElementById('household');
const dialog = document.getElementById('household-dialog');
const ownerPart = document.getElementById('household-owner');
const members = document.getElementById('household-members');
const message = document.getElementById('household-message');
let households = [];

const current = () => households.find((h) => h.current);

/**
 * Whether the current household is only viewed (role "viewer"): the one place that knows it.
 * It also sets the body class "read-only", which hides the write controls (app.css); app.js asks
 * here before opening an editor. Single-user mode and owners/members are never read-only.
 */
export function readOnly() {
	const household = current();
	return Boolean(household && household.role === 'viewer');
}

/**
 * Whether the user owns the current household: an owner changes the household's settings and
 * may settle up for any two members. Single-user mode (no household): always.
 */
export function isOwner() {
	const household = current();
	return !household || household.role === 'owner';
}

function applyRole() {
	const viewOnly = readOnly();
	document.body.classList.toggle('read-only', viewOnly);
	document.getElementById('household-view-only').hidden = !viewOnly;
}

function fail(error) {
	message.textContent = error.message;
}

// the first load comes with the page's start
let first = true;

async function load() {
	const fromTheStart = first;
	first = false;
	const get = (name, path) => (fromTheStart ? fromStart(name, path) : api('GET', path));
	const { data: account } = await get('account', '/api/v1/account');
	if (!account || !account.username) return;
	const { data } = await get('households', '/api/v1/households');
	households = data || [];
	select.replaceChildren(...households.map((h) => {
		const option = new Option(`${h.name} (${h.role})`, String(h.id));
		option.selected = h.current;
		return option;
	}));
	applyRole();
	box.hidden = false;
}

async function loadMembers() {
	const household = current();
	ownerPart.hidden = !household || household.role !== 'owner';
	if (ownerPart.hidden) return;
	const { data } = await api('GET', `/api/v1/households/${household.id}/members`);
	loadDefaultSplit(data).catch(fail);
	members.replaceChildren(...data.map((member) => {
		const item = document.createElement('li');
		item.className = 'd-flex align-items-center gap-2 mb-1';
		const name = document.createElement('span');
		name.textContent = member.username;
		const role = document.createElement('select');
		role.className = 'form-select form-select-sm w-auto';
		role.setAttribute('aria-label', `Role of ${member.username}`);
		for (const value of ['owner', 'member', 'viewer']) {
			const option = new Option(value, value);
			option.selected = value === member.role;
			role.append(option);
		}
		role.addEventListener('change', () => api('PATCH',
			`/api/v1/households/${household.id}/members/${member.user_id}`, { role: role.value })
			.then(loadMembers).catch((e) => { fail(e); loadMembers().catch(fail); }));
		const remove = document.createElement('button');
		remove.type = 'button';
		remove.className = 'btn btn-outline-danger btn-sm';
		remove.textContent = 'Remove';
		remove.setAttribute('aria-label', `Remove ${member.username}`);
		remove.addEventListener('click', () => api('DELETE',
			`/api/v1/households/${household.id}/members/${member.user_id}`).then(loadMembers).catch(fail));
		item.append(name, role, remove);
		return item;
	}));
}

select.addEventListener('change', () => {
	api('PUT', '/api/v1/account/household', { household_id: Number(select.value) })
		.then(() => window.location.reload())
		.catch((e) => { message.textContent = ''; window.alert(e.message); });
});

document.getElementById('household-manage').addEventListener('click', () => {
	message.textContent = '';
	document.getElementById('invite-result').hidden = true;
	dialog.showModal();
	loadMembers().catch(fail);
});
document.getElementById('household-close').addEventListener('click', () => dialog.close());

document.getElementById('invite-form').addEventListener('submit', (event) => {
	event.preventDefault();
	const household = current();
	api('POST', `/api/v1/households/${household.id}/invitations`,
		{ role: document.getElementById('invite-role').value, expires_in_hours: 72 })
		.then(({ data }) => {
			document.getElementById('invite-code').textContent = data.code;
			document.getElementById('invite-result').hidden = false;
		})
		.catch(fail);
});

document.getElementById('join-form').addEventListener('submit', (event) => {
	event.preventDefault();
	api('POST', '/api/v1/invitations/accept', { code: document.getElementById('join-code').value.trim() })
		.then(() => window.location.reload())
		.catch(fail);
});

// An invitation link (accept_url): /#invitation=CODE opens the dialog with the code filled in,
// also after signing in first (the code waits in sessionStorage, see invitation-link.js).
// Read at once: this module runs before app.js, which rewrites the URL without the fragment.
let linkCode = keepInvitationFromLink();

function offerInvitation() {
	const code = pendingInvitation() || linkCode;
	if (!code || box.hidden) return;
	document.getElementById('join-code').value = code;
	forgetInvitation();
	linkCode = null;
	message.textContent = '';
	if (!dialog.open) dialog.showModal();
	loadMembers().catch(fail);
}

window.addEventListener('hashchange', () => {
	linkCode = keepInvitationFromLink();
	if (linkCode) offerInvitation();
});

load().then(offerInvitation).catch(() => {});
