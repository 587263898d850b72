// The month's entries on a phone (a viewport up to 576 px wide): cards grouped by day instead of
// the table, whose columns would be clipped there. A tap (or Enter/Space) on a card opens the edit
// sheet, which also has Delete; a swipe to the left deletes it, and the toast offers Undo where the
// server keeps a trash. In select mode ("Select") a tap ticks the card instead. app.js owns the
// rows and the actions; this module draws the cards and reads the gestures.
import { readOnly } from './households.js';
import { money } from './money.js';
import { memberName } from './split.js';

/** Phones get the cards; wider screens keep the table. */
export const phoneQuery = window.matchMedia('(max-width: 575.98px)');

/** How far (px) a card must travel to the left before letting go deletes it. */
const SWIPE_DELETE_PX = 96;
/** Movement (px) below which a press still counts as a tap. */
const TAP_SLOP_PX = 8;

const DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const DAY_YEAR = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function esc(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** "2026-12-07" → "Mon 7 Dec" (with the year when it is not this one). */
export function dayName(iso) {
	const [y, m, d] = iso.split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1, d));
	return (y === new Date().getFullYear() ? DAY : DAY_YEAR).format(date);
}

function cardHtml(kind, row, view) {
	const title = (kind === 'expense' && row.business) ? row.business : row.category;
	const detail = [kind === 'expense' && row.business ? row.category : '', row.account].filter((t) => t).map(esc);
	const paid = view.payers && kind === 'expense'
		? `<span class="entry-card-payer" dir="auto">${row.paid_by == null ? 'Payer unknown' : `Paid by ${esc(memberName(row.paid_by))}`}</span>` : '';
	const selected = view.selected.has(row.id);
	// a viewer's card shows the entry and does nothing: no button, no swipe
	const tag = view.readOnly ? 'div' : 'button type="button"';
	const end = view.readOnly ? 'div' : 'button';
	const pressed = view.selecting ? ` aria-pressed="${selected}"` : '';
	const describedBy = view.readOnly ? '' : ` aria-describedby="${view.selecting ? 'phone-card-select-hint' : 'phone-card-hint'}"`;
	return `<li class="entry-card-item" data-card-id="${row.id}">`
		+ `<${tag} class="entry-card${selected ? ' selected' : ''}" data-card="open"${pressed}${describedBy}>`
		+ (view.selecting ? `<span class="entry-card-check" aria-hidden="true">${selected ? '\u2713' : ''}</span>` : '')
		+ '<span class="entry-card-body">'
		+ `<span class="entry-card-title" dir="auto">${esc(title) || '<span class="text-body-secondary">(no category)</span>'}</span>`
		+ (detail.length ? `<span class="entry-card-detail small text-body-secondary">${detail.map((t) => `<span dir="auto">${t}</span>`).join(' \u00b7 ')}</span>` : '')
		+ (row.notes ? `<span class="entry-card-notes small text-body-secondary" dir="auto">${esc(row.notes)}</span>` : '')
		+ '</span>'
		+ '<span class="entry-card-end">'
		+ `<span class="entry-card-amount amount"><span class="entry-card-currency">${esc(row.currency)}</span>\u00a0${money(row.amount)}</span>`
		+ paid
		+ '</span>'
		+ `</${end}></li>`;
}

/**
 * Draws the rows (newest day first, as the list comes) as cards under one heading per day.
 * view: { one, selecting, selected (a Set of ids), payers }.
 */
export function renderCards(container, kind, rows, view) {
	if (!phoneQuery.matches) {
		// the table is what a wider screen shows: no second copy of the month
		container.replaceChildren();
		return;
	}
	const full = { ...view, readOnly: readOnly() };
	const days = new Map();
	for (const row of rows) {
		if (!days.has(row.date)) days.set(row.date, []);
		days.get(row.date).push(row);
	}
	container.innerHTML = [...days].map(([date, list]) => `<div class="entry-day">`
		+ `<h3 class="entry-day-heading h6" id="${kind}-day-${esc(date)}"><time datetime="${esc(date)}">${esc(dayName(date))}</time></h3>`
		+ `<ul class="entry-cards list-unstyled" aria-labelledby="${kind}-day-${esc(date)}">${list.map((r) => cardHtml(kind, r, full)).join('')}</ul></div>`).join('');
}

/**
 * Wires a container of cards. actions: open(id) the edit sheet, remove(id) (deletes, with Undo),
 * toggle(id) the selection; selecting() says whether select mode is on, undoable() whether a
 * delete can be undone (only then does a swipe delete); rerender() draws the cards again.
 */
export function wireCards(container, actions) {
	let press = null;
	let swallowClick = false;
	// the household's role can arrive after the first rows: a viewer's cards are drawn again
	let viewOnly = document.body.classList.contains('read-only');
	new MutationObserver(() => {
		if (document.body.classList.contains('read-only') === viewOnly) return;
		viewOnly = !viewOnly;
		actions.rerender();
	}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

	const reset = (card) => {
		card.style.transform = '';
		card.classList.remove('swiping', 'swipe-armed');
	};

	container.addEventListener('pointerdown', (e) => {
		const card = e.target.closest('button.entry-card');
		// a swipe deletes only where Undo can bring the entry back (the server keeps a trash)
		if (!card || readOnly() || actions.selecting() || !actions.undoable() || (e.pointerType === 'mouse' && e.button !== 0)) return;
		press = { card, id: Number(card.closest('[data-card-id]').dataset.cardId), x: e.clientX, y: e.clientY, dx: 0, swiping: false, pointer: e.pointerId };
	});
	container.addEventListener('pointermove', (e) => {
		if (!press || e.pointerId !== press.pointer) return;
		const dx = e.clientX - press.x;
		const dy = e.clientY - press.y;
		if (!press.swiping) {
			// a vertical move is a scroll: the card is left alone
			if (Math.abs(dy) > TAP_SLOP_PX && Math.abs(dy) > Math.abs(dx)) {
				press = null;
				return;
			}
			if (dx < -TAP_SLOP_PX && Math.abs(dx) > Math.abs(dy)) {
				press.swiping = true;
				press.card.classList.add('swiping');
				press.card.setPointerCapture?.(e.pointerId);
			}
		}
		if (press.swiping) {
			press.dx = Math.min(0, dx);
			press.card.style.transform = `translateX(${press.dx}px)`;
			press.card.classList.toggle('swipe-armed', press.dx <= -SWIPE_DELETE_PX);
		}
	});
	const end = (e, cancelled) => {
		if (!press || e.pointerId !== press.pointer) return;
		const { card, id, swiping, dx } = press;
		press = null;
		if (!swiping) return;
		// the click that follows the release is not a tap
		swallowClick = true;
		setTimeout(() => {
			swallowClick = false;
		}, 400);
		if (!cancelled && dx <= -SWIPE_DELETE_PX) {
			card.classList.add('swiped');
			card.style.transform = 'translateX(-110%)';
			actions.remove(id).finally(() => {
				if (card.isConnected) reset(card);
				card.classList.remove('swiped');
			});
		}
		else {
			reset(card);
		}
	};
	container.addEventListener('pointerup', (e) => end(e, false));
	container.addEventListener('pointercancel', (e) => end(e, true));
	container.addEventListener('click', (e) => {
		const card = e.target.closest('button.entry-card');
		if (!card) return;
		if (swallowClick) {
			swallowClick = false;
			return;
		}
		const id = Number(card.closest('[data-card-id]').dataset.cardId);
		if (!actions.selecting()) {
			actions.open(id);
			return;
		}
		// ticked in place: the focus stays on the card
		const on = actions.toggle(id);
		card.setAttribute('aria-pressed', String(on));
		card.classList.toggle('selected', on);
		const check = card.querySelector('.entry-card-check');
		if (check) check.textContent = on ? '\u2713' : '';
	});
}
