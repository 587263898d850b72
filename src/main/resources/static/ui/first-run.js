// First run: a household with no entry at all sees what to do first (add an expense, import a
// statement) instead of a page of zeros. Asked only when the period shown is empty and nothing
// is filtered (two one-row requests), so an ordinary page load costs nothing more; hidden again
// as soon as an entry exists. Viewers never see it (they cannot write).
import { api } from './api.js';
import { startNewExpense } from './capture.js';

const card = document.getElementById('first-run');
const importButton = document.getElementById('first-run-import');
let asking = 0;

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

document.addEventListener('hb:shown', (e) => check(e.detail && e.detail.filters));
document.getElementById('first-run-add').addEventListener('click', () => startNewExpense());
importButton.addEventListener('click', () => document.getElementById('import-open').click());
