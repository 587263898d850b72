// The CSRF token of sign-in mode: the server sets it in the XSRF-TOKEN cookie, and every
// change must send it back (X-XSRF-TOKEN header or _csrf form field). Empty in single-user mode.
export function csrfToken() {
	const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
	return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : '';
}
