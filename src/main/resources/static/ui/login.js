// The sign-in page: shows the outcome of the last attempt and sends the CSRF token with the form.
import { csrfToken } from './csrf.js';

const params = new URLSearchParams(window.location.search);
document.getElementById('sign-in-error').hidden = !params.has('error');
document.getElementById('signed-out').hidden = !params.has('signed-out');
document.getElementById('sign-in-form').addEventListener('submit', () => {
	document.getElementById('csrf').value = csrfToken();
});
document.body.dataset.ready = 'true';
