// Fast capture around the add forms (app.js): the N shortcut for a new expense, the gentle
// question on a negative expense, the new row highlighted in view, and toasts that never pile
// up over the table.

const MAX_TOASTS = 3;

/**
 * N (outside a text field, with no dialog open) starts a new expense: the add bar at the top
 * of the list on a wider screen, the sheet on a phone.
 */
export function wireNewEntryShortcut() {
	document.addEventListener('keydown', (e) => {
		if (e.key !== 'n' && e.key !== 'N') return;
		if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || e.isComposing) return;
		const target = e.target;
		if (target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"]')) return;
		if (document.querySelector('dialog[open]') || !document.getElementById('sheet-overlay').hidden) return;
		if (document.body.classList.contains('read-only')) return;
		e.preventDefault();
		startNewExpense();
	});
	// the first link of the page does the same (a few Tab presses, not a hundred)
	document.getElementById('skip-add').addEventListener('click', (e) => {
		e.preventDefault();
		startNewExpense();
	});
}

/** Opens the add bar (wider screens) or the add sheet (phones) on a new expense. */
export function startNewExpense() {
	const fab = document.getElementById('fab');
	if (getComputedStyle(fab).display !== 'none') {
		fab.click();
		return;
	}
	document.getElementById('add-expense-open').click();
}

/**
 * Asks under the form whether a negative expense is meant ("A refund?"). Resolves true when
 * it is to be saved as it is; false leaves the amount focused to be changed.
 */
export function askNegativeExpense(form, input) {
	form.querySelector('.capture-question')?.remove();
	return new Promise((resolve) => {
		const box = document.createElement('div');
		box.className = 'capture-question';
		box.setAttribute('role', 'group');
		box.setAttribute('aria-labelledby', `${form.id || 'sheet-form'}-negative-text`);
		const text = document.createElement('span');
		text.id = `${form.id || 'sheet-form'}-negative-text`;
		text.className = 'small';
		text.textContent = `A negative expense (${input.value.trim()}) lowers the month's spending: a refund? `
			+ 'An income may fit better.';
		const yes = document.createElement('button');
		yes.type = 'button';
		yes.className = 'btn btn-primary btn-sm';
		yes.textContent = 'Yes, a refund: save it';
		const no = document.createElement('button');
		no.type = 'button';
		no.className = 'btn btn-outline-secondary btn-sm';
		no.textContent = 'No, change the amount';
		box.append(text, yes, no);
		const done = (answer) => {
			box.remove();
			resolve(answer);
			if (!answer) input.focus();
		};
		yes.addEventListener('click', () => done(true));
		no.addEventListener('click', () => done(false));
		box.addEventListener('keydown', (e) => {
			if (e.key === 'Escape') {
				e.preventDefault();
				e.stopPropagation();
				done(false);
			}
		});
		const error = form.querySelector('.form-error');
		error.before(box);
		yes.focus();
	});
}

/** Marks a row just saved (for a few seconds) and scrolls it into view. */
export function highlightRow(section, id) {
	// the table's row, or on a phone its card (phone-list.js): the one shown
	const tr = [section.querySelector(`tbody tr[data-id="${id}"]`), section.querySelector(`[data-card-id="${id}"] > .entry-card`)]
		.find((el) => el && el.offsetParent);
	if (!tr) return;
	section.querySelectorAll('.row-new').forEach((row) => row.classList.remove('row-new'));
	tr.classList.add('row-new');
	tr.dataset.justAdded = 'true';
	const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	tr.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
	// the charts above the tables redraw with the new entry a moment later and may grow:
	// the row is brought back into view while it is still marked new
	const above = ['category-chart', 'trend-chart'].map((id) => document.getElementById(id)).filter(Boolean);
	const keep = new ResizeObserver(() => {
		if (tr.isConnected && tr.classList.contains('row-new')) tr.scrollIntoView({ block: 'nearest' });
	});
	above.forEach((chart) => keep.observe(chart));
	setTimeout(() => {
		tr.classList.remove('row-new');
		keep.disconnect();
	}, 4000);
}

/**
 * Toasts: the same message twice shows once (the newer), and at most three at a time (the
 * oldest go first).
 */
export function capToasts(area) {
	if (!area) return;
	new MutationObserver((records) => {
		for (const record of records) {
			for (const added of record.addedNodes) {
				if (!(added instanceof Element)) continue;
				for (const other of [...area.children]) {
					if (other !== added && other.textContent === added.textContent) other.remove();
				}
			}
		}
		const live = [...area.children];
		for (const old of live.slice(0, Math.max(0, live.length - MAX_TOASTS))) old.remove();
	}).observe(area, { childList: true });
}

wireNewEntryShortcut();
capToasts(document.getElementById('toasts'));
