// The CSRF token of sign-in mode. The server keeps it in the session (no cookie a page on
// another port or a sibling name could plant) and hands it out at GET /api/v1/csrf; every
// change sends it back in the X-XSRF-TOKEN header (API) or the _csrf field (sign-in and
// sign-out forms). Empty in single-user mode. Fetched once per page, again after forget().
let pending = null;

export function csrfToken() {
	if (!pending) {
		pending = fetch('/api/v1/csrf', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
			.then((response) => (response.ok ? response.json() : null))
			.then((body) => (body && body.token) || '')
			.catch(() => {
				pending = null;
				return '';
			});
	}
	return pending;
}

/** The token as the page's start brought it (bootstrap.js): no request of its own then. */
export function primeCsrfToken(token) {
	if (!pending) pending = Promise.resolve(token);
}

// The session's token changed (a 403 "CSRF token missing or invalid"): ask again next time.
export function forgetCsrfToken() {
	pending = null;
}

// A form that posts to the server (sign-in, sign-out) carries the token in its _csrf field:
// filled as soon as the token is known, and a submit before then waits for it.
export function sendCsrfWith(form, field) {
	csrfToken().then((token) => {
		field.value = token;
	});
	form.addEventListener('submit', (event) => {
		if (field.value) return;
		event.preventDefault();
		csrfToken().then((token) => {
			field.value = token;
			form.submit();
		});
	});
}
