// A phone's header (up to 576 px wide) is one short row: the title, the month and a Menu button
// that opens the pages (Budget, Schedules, Import...), the household and the account (API tokens,
// sign out) as a panel under it. Wider screens show them in the header itself (phone-list.css).
const toggle = document.getElementById('header-menu-toggle');
const menu = document.getElementById('header-menu');

function isOpen() {
	return menu.classList.contains('open');
}

function setOpen(open, returnFocus) {
	menu.classList.toggle('open', open);
	toggle.setAttribute('aria-expanded', String(open));
	if (open) {
		const first = [...menu.querySelectorAll('button, select')].find((el) => el.offsetParent && !el.disabled);
		if (first) first.focus();
	}
	else if (returnFocus) {
		toggle.focus();
	}
}

toggle.addEventListener('click', () => setOpen(!isOpen(), false));
document.addEventListener('keydown', (e) => {
	if (e.key !== 'Escape' || !isOpen()) return;
	if (menu.contains(document.activeElement) || document.activeElement === toggle) setOpen(false, true);
});
// a tap elsewhere closes it, and so does choosing an item (its page or dialog opens)
document.addEventListener('click', (e) => {
	if (isOpen() && !menu.contains(e.target) && !toggle.contains(e.target)) setOpen(false, false);
});
let chosen = null;
menu.addEventListener('click', (e) => {
	const item = e.target.closest('button');
	if (!item || !isOpen()) return;
	chosen = item;
	setOpen(false, false);
});
// The page a menu item opened is closed: the item itself is hidden in the closed menu, so the
// focus goes back to the Menu button instead of being lost. (A dialog's close event does not
// bubble: it is caught on its way down.)
document.addEventListener('close', () => {
	if (!chosen) return;
	setTimeout(() => {
		const lost = !document.activeElement || document.activeElement === document.body || document.activeElement === chosen;
		if (lost && !chosen.offsetParent && toggle.offsetParent) toggle.focus();
		chosen = null;
	}, 0);
}, true);
