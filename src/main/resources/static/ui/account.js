// Sign-in mode: the signed-in user's name and a sign-out button in the header.
import { fromStart } from './bootstrap.js';
import { sendCsrfWith } from './csrf.js';

const box = document.getElementById('account');
fromStart('account', '/api/v1/account').then(({ data }) => {
	if (!data || !data.username) return;
	document.getElementById('account-name').textContent = data.username;
	sendCsrfWith(box, document.getElementById('sign-out-csrf'));
	// a request still loading when the session ends answers 401: it must not send the page to
	// /login instead of the sign-out's own page (api.js)
	box.addEventListener('submit', () => {
		document.body.dataset.signingOut = 'true';
	});
	box.hidden = false;
}).catch(() => {});
