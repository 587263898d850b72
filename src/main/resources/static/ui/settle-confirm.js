// The Balance dialog's "Settle up" asks first: who pays whom how much, on which day (default
// today) and an optional note, the two fields the settlements API takes besides the transfer.

let counter = 0;

function today() {
	const now = new Date();
	return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Shows the confirmation inside item, under the button that opened it. record({ date, notes })
 * records the transfer and resolves, or rejects with an error whose message is shown there.
 */
export function confirmSettleUp(item, button, question, record) {
	item.querySelector('.settle-confirm')?.remove();
	counter += 1;
	const id = `settle-${counter}`;
	const form = document.createElement('form');
	form.className = 'settle-confirm';
	form.noValidate = true;
	form.setAttribute('aria-labelledby', `${id}-question`);
	form.innerHTML = `
		<p class="settle-question small fw-semibold m-0" id="${id}-question"></p>
		<div><label class="form-label small mb-0" for="${id}-date">Paid on</label>
			<input type="date" class="form-control form-control-sm" id="${id}-date" name="date" required></div>
		<div><label class="form-label small mb-0" for="${id}-notes">Note (optional)</label>
			<input class="form-control form-control-sm" id="${id}-notes" name="notes" maxlength="1000" dir="auto"></div>
		<p class="small text-danger m-0 settle-actions" role="alert"></p>
		<div class="d-flex gap-2 settle-actions">
			<button type="submit" class="btn btn-primary btn-sm">Record it</button>
			<button type="button" class="btn btn-outline-secondary btn-sm" data-cancel>Cancel</button>
		</div>`;
	form.querySelector('.settle-question').textContent = question;
	form.elements.date.value = today();
	const error = form.querySelector('[role="alert"]');
	const close = () => {
		form.remove();
		button.hidden = false;
		button.focus();
	};
	form.querySelector('[data-cancel]').addEventListener('click', close);
	form.addEventListener('keydown', (e) => {
		if (e.key === 'Escape') {
			e.preventDefault();
			e.stopPropagation();
			close();
		}
	});
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		const submit = form.querySelector('[type="submit"]');
		submit.disabled = true;
		error.textContent = '';
		const notes = form.elements.notes.value.trim();
		record({ date: form.elements.date.value || today(), notes: notes === '' ? null : notes })
			.catch((failure) => {
				submit.disabled = false;
				error.textContent = failure && failure.message ? failure.message : String(failure);
			});
	});
	button.hidden = true;
	item.append(form);
	form.elements.date.focus();
}
