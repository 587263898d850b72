// First run: a household with no entry at all sees what to do first (add an expense, import a
// statement, load demo data) instead of a page of zeros. Asked only when the period shown is empty and nothing
// is filtered (two one-row requests), so an ordinary page load costs nothing more; hidden again
// as soon as an entry exists. Viewers never see it (they cannot write).
//
// Demo data (POST /api/v1/demo-data) fills the household with three months of made-up rows; while
// they are there a banner says so, with one button that removes exactly them (DELETE). Whether demo
// data is loaded comes with the page's start (its "demo" part), so the banner costs no request.
import { api } from './api.js';
import { fromStart } from './bootstrap.js';
import { startNewExpense } from './capture.js';

const card = document.getElementById('first-run');
const importButton = document.getElementById('first-run-import');
const demoButton = document.getElementById('first-run-demo');
const cardMessage = document.getElementById('first-run-message');
const banner = document.getElementById('demo-banner');
const removeButton = document.getElementById('demo-remove');
const bannerMessage = document.getElementById('demo-message');
let asking = 0;
// after a removal the welcome, once shown again, takes the focus (the banner's button is gone)
let focusWelcome = false;

function tableEmpty(kind) {
	const section = document.getElementById(`${kind}-section`);
	return Boolean(section) && section.querySelectorAll('tbody tr[data-id]').length === 0;
}

async function householdEmpty() {
	const [expenses, incomes] = await Promise.all(['expense', 'income'].map((kind) => api('GET', `/api/v1/${kind}?limit=1`)));
	return expenses.data.length === 0 && incomes.data.length === 0;
}

/** Shows or hides the welcome; data-state says which, once the household was asked. */
function show(welcome) {
	card.hidden = !welcome;
	card.dataset.state = welcome ? 'shown' : 'hidden';
	if (welcome && focusWelcome) {
		focusWelcome = false;
		document.getElementById('first-run-add').focus();
	}
}

async function check(filters) {
	const mine = ++asking;
	const filtered = Object.values(filters || {}).some((v) => String(v).trim() !== '');
	if (filtered || !tableEmpty('expense') || !tableEmpty('income')) {
		show(false);
		return;
	}
	try {
		const empty = await householdEmpty();
		if (mine !== asking) return;
		const importOpen = document.getElementById('import-open');
		importButton.hidden = !importOpen || importOpen.hidden || getComputedStyle(importOpen).display === 'none';
		show(empty);
	}
	catch (e) {
		// a help, not the page: without an answer it stays as it was
	}
}

/** The banner while demo rows are in the household; data-state says which once known. */
function showBanner(loaded) {
	banner.hidden = !loaded;
	banner.dataset.state = loaded ? 'shown' : 'hidden';
	bannerMessage.hidden = true;
}

function say(element, text) {
	element.textContent = text;
	element.hidden = !text;
}

/** The month, totals, charts, categories and suggestions show what the change did. */
function refresh() {
	document.dispatchEvent(new CustomEvent('hb:demo-changed'));
}

async function loadDemo() {
	demoButton.disabled = true;
	const label = demoButton.textContent;
	demoButton.textContent = 'Loading demo data\u2026';
	say(cardMessage, '');
	try {
		// one key per click: a retry of the same request (a lost answer) does not load twice
		await api('POST', '/api/v1/demo-data', undefined, { headers: { 'Idempotency-Key': crypto.randomUUID() } });
		showBanner(true);
		banner.focus();
		refresh();
	}
	catch (e) {
		say(cardMessage, `Could not load demo data: ${e.message}`);
	}
	finally {
		demoButton.disabled = false;
		demoButton.textContent = label;
	}
}

async function removeDemo() {
	removeButton.disabled = true;
	say(bannerMessage, '');
	try {
		await api('DELETE', '/api/v1/demo-data');
		showBanner(false);
		focusWelcome = true;
		refresh();
	}
	catch (e) {
		if (e.status === 404) {
			// removed already (another tab, another member): nothing is left to show
			showBanner(false);
			refresh();
		}
		else {
			say(bannerMessage, `Could not remove demo data: ${e.message}`);
		}
	}
	finally {
		removeButton.disabled = false;
	}
}

document.addEventListener('hb:shown', (e) => check(e.detail && e.detail.filters));
document.getElementById('first-run-add').addEventListener('click', () => startNewExpense());
importButton.addEventListener('click', () => document.getElementById('import-open').click());
demoButton.addEventListener('click', loadDemo);
removeButton.addEventListener('click', removeDemo);
fromStart('demo', '/api/v1/demo-data').then(({ data }) => showBanner(Boolean(data && data.loaded)), () => {
	// where demo data cannot be kept (the JSON files primary) there is none to show
	banner.dataset.state = 'hidden';
});
