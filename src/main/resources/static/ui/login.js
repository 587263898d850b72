// The sign-in page: shows the outcome of the last attempt and sends the CSRF token with the form.
// An invitation link opened while signed out arrives here with its fragment: the code is kept
// for after the sign-in (invitation-link.js) and dropped from the address.
import { sendCsrfWith } from './csrf.js';
import { keepInvitationFromLink, pendingInvitation } from './invitation-link.js';

if (keepInvitationFromLink()) history.replaceState(null, '', window.location.pathname + window.location.search);
document.getElementById('invitation-hint').hidden = !pendingInvitation();

const params = new URLSearchParams(window.location.search);
document.getElementById('sign-in-error').hidden = !params.has('error');
document.getElementById('signed-out').hidden = !params.has('signed-out');
sendCsrfWith(document.getElementById('sign-in-form'), document.getElementById('csrf'));
document.body.dataset.ready = 'true';
