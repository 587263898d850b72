// An invitation link (accept_url) is /#invitation=CODE. A signed-out visitor goes through /login
// first, and the sign-in form's POST and its redirect back to the UI lose the fragment. So the
// code waits in sessionStorage (this tab only, never sent to the server, so in no request log;
// not a query string, which the saved-request redirect would keep but proxies would log) until
// the signed-in UI offers it in the household dialog.
const KEY = 'hbw.invitation';
const LINK = /^#invitation=([A-Za-z0-9_-]+)$/;

/** Keeps the code of an invitation link in the address (if any) and returns it. */
export function keepInvitationFromLink() {
	const match = LINK.exec(window.location.hash);
	if (!match) return null;
	try {
		sessionStorage.setItem(KEY, match[1]);
	}
	catch (e) {
		// storage disabled: the link still works for a visitor who is signed in already
	}
	return match[1];
}

/** The code of an invitation link opened in this tab and not offered yet. */
export function pendingInvitation() {
	try {
		return sessionStorage.getItem(KEY);
	}
	catch (e) {
		return null;
	}
}

export function forgetInvitation() {
	try {
		sessionStorage.removeItem(KEY);
	}
	catch (e) {
		// nothing kept
	}
}
