// The Import page (a dialog from the header's "Import"): a bank or card statement is uploaded
// (dropped on the page or chosen), read with the saved profile whose header it has or, when no
// profile knows it, with a column mapping made here from the file's first lines (read in the
// browser for their samples) and optionally saved as a profile. Its preview lists every row with
// its classification and why; each row is imported or skipped (sent with the row's version,
// If-Match), then the batch is committed (one Idempotency-Key per attempt) or discarded. Past
// imports are listed with Revert, saved profiles with Edit (name, separators, which column holds
// what; PUT with the profile's version) and Delete. A row that pays a scheduled bill waiting for
// Confirm offers to confirm that bill, import a separate entry, or skip. The app's own CSV export
// goes back in through the older /api/v1/expense/import and /api/v1/income/import, offered at the
// end of the page. With the
// JSON files primary (P0, P1) the statement routes answer 409: the page shows that sentence
// instead of the wizard. A viewer reads previews and past imports and changes nothing.
import { api, ApiError } from './api.js';
import { readOnly } from './households.js';
import { amountIn, money } from './money.js';

const PATH = '/api/v1/imports';
const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_ROWS = 4;
const STATUS_NAMES = { new: 'New', duplicate: 'Duplicate', match: 'Match', error: 'Error' };
const STATUS_BADGES = { new: 'text-bg-success', duplicate: 'text-bg-secondary', match: 'text-bg-info', error: 'text-bg-danger' };
const BATCH_NAMES = { preview: 'Preview', committed: 'Imported', reverted: 'Reverted' };
const COLUMN_FIELDS = ['date', 'amount', 'debit', 'credit', 'payee', 'memo', 'category', 'account', 'currency', 'id'];
const COLUMN_LABELS = {
	date: 'Date', amount: 'Amount', debit: 'Money out (debit)', credit: 'Money in (credit)', payee: 'Payee (business)',
	memo: 'Memo (notes)', category: 'Category', account: 'Account', currency: 'Currency', id: "Bank's transaction id",
};
// header cells that name a field, in English and Hebrew (the banks the app was first made for)
const GUESSES = {
	date: /date|תאריך/i,
	debit: /debit|withdraw|money out|חובה/i,
	credit: /credit|deposit|money in|זכות/i,
	amount: /amount|sum|total|סכום/i,
	payee: /payee|business|merchant|description|בית העסק|תיאור|שם/i,
	memo: /memo|detail|note|פירוט|הערות/i,
	category: /categ|קטגוריה|ענף/i,
	account: /^account|card|חשבון|כרטיס/i,
	currency: /currency|מטבע/i,
	id: /^id$|reference|^ref|transaction id|אסמכתא/i,
};
const DATE_FORMATS = ['yyyy-MM-dd', 'dd/MM/yyyy', 'MM/dd/yyyy', 'dd.MM.yyyy', 'd/M/yy', 'dd/MM/yy', 'd.M.yyyy', 'yyyy/MM/dd'];
const ENCODINGS = ['UTF-8', 'windows-1255', 'windows-1252', 'ISO-8859-1', 'ISO-8859-8'];

const phone = window.matchMedia('(max-width: 767.98px)');

const page = {
	dialog: null,
	available: null,
	file: null,
	sample: null,
	profiles: [],
	batch: null,
	rows: [],
	next: null,
	commitKey: null,
	shownGuess: false,
};

function $(selector) {
	return page.dialog.querySelector(selector);
}

function esc(value) {
	return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function plural(n, one, many) {
	return `${n} ${n === 1 ? one : many}`;
}

// ---------- the page ----------

function dialogHtml() {
	const dialog = document.createElement('dialog');
	dialog.id = 'import-dialog';
	dialog.className = 'page-dialog import-page';
	dialog.setAttribute('aria-labelledby', 'import-title');
	const selectOptions = (values, chosen) => values.map((v) => `<option value="${esc(v)}"${v === chosen ? ' selected' : ''}>${esc(v)}</option>`).join('');
	dialog.innerHTML = `
	<div class="page-head">
		<h2 class="h5 m-0 me-auto" id="import-title">Import</h2>
		<button type="button" class="btn btn-outline-secondary btn-sm" data-close>Close</button>
	</div>
	<p class="small text-danger mb-1" role="alert" id="import-message"></p>
	<p class="small text-success-emphasis mb-1" role="status" id="import-status"></p>
	<div class="alert alert-secondary small" role="alert" id="import-unavailable" hidden></div>
	<div id="import-wizard" hidden>
	<section class="writes mb-3" id="import-upload" aria-labelledby="import-upload-title">
		<h3 class="h6" id="import-upload-title">Read a bank or card statement</h3>
		<form id="import-upload-form" novalidate autocomplete="off">
			<div class="import-drop" id="import-drop">
				<label for="import-file" class="import-drop-text">
					<strong>Drop a statement file here</strong> or <span class="import-browse">choose one</span>
					<span class="d-block small text-body-secondary" id="import-file-name">CSV, TSV, OFX, QFX, QIF or CAMT (ISO 20022) from your bank, up to 20 MB</span>
				</label>
				<input type="file" id="import-file" name="file" class="import-file-input" aria-describedby="import-file-name import-upload-file-error">
			</div>
			<div class="invalid-feedback" id="import-upload-file-error"></div>
			<div class="import-upload-row">
				<div class="import-field"><label for="import-account" class="form-label small mb-0">Account</label>
					<input id="import-account" name="account" class="form-control form-control-sm" dir="auto" maxlength="100" list="dl-any-account" placeholder="e.g. Visa" aria-describedby="import-account-hint import-upload-account-error">
					<div class="form-text small mt-0" id="import-account-hint">Every row's account, unless the file has an account column</div>
					<div class="invalid-feedback" id="import-upload-account-error"></div></div>
				<div class="import-field import-save"><button type="submit" class="btn btn-primary btn-sm" id="import-read">Read the file</button></div>
			</div>
		</form>
	</section>
	<section class="writes mb-3 import-mapping" id="import-mapping" aria-labelledby="import-mapping-title" hidden>
		<h3 class="h6" id="import-mapping-title">Which column holds what</h3>
		<p class="small mb-2" id="import-mapping-why"></p>
		<div class="import-profile-pick mb-2" id="import-profile-pick" hidden>
			<label for="import-profile" class="form-label small mb-0">Read it with a saved profile</label>
			<div class="d-flex flex-wrap gap-2">
				<select id="import-profile" class="form-select form-select-sm w-auto"></select>
				<button type="button" class="btn btn-outline-primary btn-sm" id="import-use-profile">Use this profile</button>
			</div>
		</div>
		<form id="import-mapping-form" novalidate autocomplete="off">
			<fieldset class="import-grid mb-2">
				<legend class="small fw-semibold mb-1">How the file is written</legend>
				<div class="import-field"><label for="import-map-delimiter" class="form-label small mb-0">Columns separated by</label>
					<select id="import-map-delimiter" name="delimiter" class="form-select form-select-sm" aria-describedby="import-map-delimiter-error">
						<option value=",">Comma ,</option><option value=";">Semicolon ;</option><option value="tab">Tab</option></select>
					<div class="invalid-feedback" id="import-map-delimiter-error"></div></div>
				<div class="import-field"><label for="import-map-encoding" class="form-label small mb-0">Encoding (if not UTF-8)</label>
					<select id="import-map-encoding" name="encoding" class="form-select form-select-sm" aria-describedby="import-map-encoding-error">${selectOptions(ENCODINGS, 'UTF-8')}</select>
					<div class="invalid-feedback" id="import-map-encoding-error"></div></div>
				<div class="import-field"><label for="import-map-date_format" class="form-label small mb-0">Date format</label>
					<input id="import-map-date_format" name="date_format" class="form-control form-control-sm" list="import-date-formats" value="yyyy-MM-dd" dir="ltr" aria-describedby="import-map-date_format-hint import-map-date_format-error">
					<datalist id="import-date-formats">${DATE_FORMATS.map((f) => `<option value="${f}"></option>`).join('')}</datalist>
					<div class="form-text small mt-0" id="import-map-date_format-hint">dd day, MM month, yyyy year</div>
					<div class="invalid-feedback" id="import-map-date_format-error"></div></div>
				<div class="import-field"><label for="import-map-decimal" class="form-label small mb-0">Decimal separator</label>
					<select id="import-map-decimal" name="decimal" class="form-select form-select-sm" aria-describedby="import-map-decimal-error">
						<option value=".">Point 12.50</option><option value=",">Comma 12,50</option></select>
					<div class="invalid-feedback" id="import-map-decimal-error"></div></div>
				<div class="import-field"><label for="import-map-thousands" class="form-label small mb-0">Thousands separator</label>
					<select id="import-map-thousands" name="thousands" class="form-select form-select-sm" aria-describedby="import-map-thousands-error">
						<option value="">None 1234</option><option value=",">Comma 1,234</option><option value=".">Point 1.234</option>
						<option value=" ">Space 1 234</option><option value="'">Apostrophe 1'234</option></select>
					<div class="invalid-feedback" id="import-map-thousands-error"></div></div>
				<div class="import-field import-check"><div class="form-check">
					<input type="checkbox" class="form-check-input" id="import-map-header" name="header" checked>
					<label class="form-check-label small" for="import-map-header">The first row names the columns</label></div></div>
			</fieldset>
			<div class="table-responsive import-samples mb-2" tabindex="0" role="region" aria-labelledby="import-samples-caption">
				<table class="table table-sm small align-middle mb-0">
					<caption class="caption-top small fw-semibold py-1" id="import-samples-caption">The file's columns and their first values</caption>
					<thead><tr><th scope="col">Column</th><th scope="col">Sample values</th></tr></thead>
					<tbody id="import-samples"></tbody>
				</table>
			</div>
			<fieldset class="import-grid mb-2" id="import-columns">
				<legend class="small fw-semibold mb-1">Columns</legend>
				<div class="import-field import-wide">
					<div class="form-check form-check-inline">
						<input class="form-check-input" type="radio" name="amount_mode" id="import-map-mode-amount" value="amount" checked>
						<label class="form-check-label small" for="import-map-mode-amount">One amount column</label></div>
					<div class="form-check form-check-inline">
						<input class="form-check-input" type="radio" name="amount_mode" id="import-map-mode-split" value="split">
						<label class="form-check-label small" for="import-map-mode-split">Money out and money in columns</label></div>
				</div>
				${COLUMN_FIELDS.map((f) => `<div class="import-field" data-column="${f}"><label for="import-map-${f}" class="form-label small mb-0">${COLUMN_LABELS[f]}${f === 'date' ? ' (required)' : ''}</label>
					<select id="import-map-${f}" name="${f}" class="form-select form-select-sm" aria-describedby="import-map-${f}-error"></select>
					<div class="invalid-feedback" id="import-map-${f}-error"></div></div>`).join('')}
				<div class="import-field" data-sign><label for="import-map-sign" class="form-label small mb-0">Expenses are</label>
					<select id="import-map-sign" name="sign" class="form-select form-select-sm" aria-describedby="import-map-sign-error">
						<option value="negative_is_expense">Negative amounts (bank statement)</option>
						<option value="positive_is_expense">Positive amounts (card statement)</option></select>
					<div class="invalid-feedback" id="import-map-sign-error"></div></div>
				<div class="import-field"><label for="import-map-default_currency" class="form-label small mb-0">Currency of rows without one</label>
					<input id="import-map-default_currency" name="default_currency" class="form-control form-control-sm" value="ILS" maxlength="3" autocapitalize="characters" aria-describedby="import-map-default_currency-error">
					<div class="invalid-feedback" id="import-map-default_currency-error"></div></div>
				<div class="import-field"><label for="import-map-default_category" class="form-label small mb-0">Category of rows without one</label>
					<input id="import-map-default_category" name="default_category" class="form-control form-control-sm" dir="auto" value="Uncategorized" maxlength="100" aria-describedby="import-map-default_category-error">
					<div class="invalid-feedback" id="import-map-default_category-error"></div></div>
			</fieldset>
			<div class="import-grid mb-2">
				<div class="import-field import-check"><div class="form-check">
					<input type="checkbox" class="form-check-input" id="import-save-profile" name="save_profile">
					<label class="form-check-label small" for="import-save-profile">Save as a profile: next time a file with these columns is read without asking</label></div></div>
				<div class="import-field" id="import-profile-name-field" hidden><label for="import-profile-name" class="form-label small mb-0">Profile name</label>
					<input id="import-profile-name" name="name" class="form-control form-control-sm" dir="auto" maxlength="100" placeholder="e.g. Visa Cal" aria-describedby="import-profile-name-error">
					<div class="invalid-feedback" id="import-profile-name-error"></div></div>
			</div>
			<div class="d-flex flex-wrap gap-2">
				<button type="submit" class="btn btn-primary btn-sm" id="import-read-mapped">Read with these columns</button>
				<button type="button" class="btn btn-outline-secondary btn-sm" id="import-mapping-cancel">Cancel</button>
			</div>
		</form>
	</section>
	<section class="mb-3 import-preview" id="import-preview" aria-labelledby="import-preview-title" hidden>
		<div class="d-flex flex-wrap align-items-baseline gap-2">
			<h3 class="h6 m-0 me-auto" id="import-preview-title" tabindex="-1"></h3>
			<button type="button" class="btn btn-outline-secondary btn-sm" id="import-another">Read another file</button>
		</div>
		<p class="small text-body-secondary mb-1" id="import-preview-about"></p>
		<dl class="import-counts" id="import-counts" aria-label="Rows"></dl>
		<div id="import-rows"></div>
		<button type="button" class="btn btn-link btn-sm" id="import-more" hidden>Show more rows</button>
		<div class="import-actions writes" id="import-actions">
			<button type="button" class="btn btn-primary" id="import-commit"></button>
			<button type="button" class="btn btn-outline-danger" id="import-discard">Discard</button>
			<span class="import-confirm" id="import-discard-confirm" hidden><span class="small">Discard this preview? Nothing was imported from it.</span>
				<button type="button" class="btn btn-danger btn-sm" id="import-discard-yes">Yes, discard</button>
				<button type="button" class="btn btn-outline-secondary btn-sm" id="import-discard-no">No</button></span>
		</div>
	</section>
	<section class="mb-3" aria-labelledby="import-past-title">
		<h3 class="h6" id="import-past-title">Past imports</h3>
		<ul class="list-unstyled import-past" id="import-past"></ul>
		<p class="small text-body-secondary" id="import-past-none" hidden>Nothing imported yet.</p>
	</section>
	<section class="mb-3" aria-labelledby="import-profiles-title">
		<h3 class="h6" id="import-profiles-title" tabindex="-1">Saved profiles</h3>
		<p class="small text-body-secondary mb-1">A file whose columns a profile knows is read with it, without asking.</p>
		<ul class="list-unstyled import-profiles" id="import-profiles"></ul>
		<p class="small text-body-secondary" id="import-profiles-none" hidden>No saved profiles yet: tick "Save as a profile" when you say which column holds what.</p>
	</section>
	</div>
	<section class="writes mb-3" aria-labelledby="import-own-title">
		<h3 class="h6" id="import-own-title">Restore a Home Budget CSV export</h3>
		<p class="small text-body-secondary mb-1">A file made by "Export CSV" (columns date, category, amount, account, and
			business, currency, notes): its rows are added as they are, without a preview.</p>
		<form id="import-own-form" class="import-grid" novalidate autocomplete="off" aria-labelledby="import-own-title">
			<div class="import-field"><label for="import-own-kind" class="form-label small mb-0">The file holds</label>
				<select id="import-own-kind" name="kind" class="form-select form-select-sm"><option value="expense">Expenses</option><option value="income">Incomes</option></select></div>
			<div class="import-field import-file-field"><label for="import-own-file" class="form-label small mb-0">CSV file</label>
				<input type="file" id="import-own-file" name="file" class="form-control form-control-sm" accept=".csv,text/csv" aria-describedby="import-own-file-error">
				<div class="invalid-feedback" id="import-own-file-error"></div></div>
			<div class="import-field import-check"><div class="form-check">
				<input type="checkbox" class="form-check-input" id="import-own-partial" name="partial">
				<label class="form-check-label small" for="import-own-partial">Add the good rows and list the bad ones (otherwise one bad row adds nothing)</label></div></div>
			<div class="import-field import-save"><button type="submit" class="btn btn-primary btn-sm">Add the rows</button></div>
		</form>
		<div class="small mt-1" id="import-own-result" role="status"></div>
	</section>`;
	document.body.append(dialog);
	return dialog;
}

function say(text) {
	$('#import-message').textContent = text || '';
	if (text) $('#import-status').textContent = '';
}

function done(text) {
	$('#import-status').textContent = text || '';
	if (text) $('#import-message').textContent = '';
}

function fieldError(id, text) {
	const feedback = $(`#${id}-error`);
	const control = page.dialog.querySelector(`[aria-describedby~="${id}-error"]`);
	if (feedback) feedback.textContent = text || '';
	if (control) {
		control.classList.toggle('is-invalid', Boolean(text));
		if (text) control.setAttribute('aria-invalid', 'true');
		else control.removeAttribute('aria-invalid');
	}
}

function clearFieldErrors(root) {
	root.querySelectorAll('.invalid-feedback').forEach((el) => {
		el.textContent = '';
	});
	root.querySelectorAll('.is-invalid').forEach((el) => {
		el.classList.remove('is-invalid');
		el.removeAttribute('aria-invalid');
	});
}

function show(step) {
	$('#import-upload').hidden = step === 'preview';
	$('#import-mapping').hidden = step !== 'mapping';
	$('#import-preview').hidden = step !== 'preview';
}

// ---------- reading the file's first lines (for the mapping's samples) ----------

function decodeSample(bytes, encoding) {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), utf8: true };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), utf8: true };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), utf8: true };
	try {
		// stream: a character cut at the end of the sample is not an error
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true }), utf8: true };
	}
	catch (e) {
		let decoder;
		try {
			decoder = new TextDecoder(encoding === 'UTF-8' ? 'windows-1255' : encoding);
		}
		catch (unknown) {
			decoder = new TextDecoder('windows-1252');
		}
		return { text: decoder.decode(bytes), utf8: false };
	}
}

/** The first records of a CSV text (RFC 4180 quotes, CR/LF or LF, blank lines skipped). */
function parseRecords(text, delimiter, limit) {
	const records = [];
	let record = [];
	let cell = '';
	let quoted = false;
	let i = 0;
	const endRecord = () => {
		record.push(cell);
		if (record.length > 1 || record[0].trim() !== '') records.push(record);
		record = [];
		cell = '';
	};
	while (i < text.length && records.length < limit) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i += 1;
			}
			else if (c === '"') quoted = false;
			else cell += c;
		}
		else if (c === '"' && cell === '') quoted = true;
		else if (c === delimiter) {
			record.push(cell);
			cell = '';
		}
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i += 1;
			endRecord();
		}
		else cell += c;
		i += 1;
	}
	if (records.length < limit && (cell !== '' || record.length)) endRecord();
	return records.map((r) => r.map((v) => v.trim()));
}

function guessDelimiter(text) {
	const first = text.split(/\r?\n/).find((line) => line.trim() !== '') || '';
	const outside = first.replace(/"[^"]*"/g, '');
	const counts = [[',', outside.split(',').length], [';', outside.split(';').length], ['\t', outside.split('\t').length]];
	counts.sort((a, b) => b[1] - a[1]);
	return counts[0][1] > 1 ? counts[0][0] : ',';
}

function guessDateFormat(values) {
	const samples = values.filter((v) => v);
	if (!samples.length) return null;
	const all = (re) => samples.every((v) => re.test(v));
	if (all(/^\d{4}-\d{2}-\d{2}$/)) return 'yyyy-MM-dd';
	if (all(/^\d{4}\/\d{2}\/\d{2}$/)) return 'yyyy/MM/dd';
	if (all(/^\d{2}\.\d{2}\.\d{4}$/)) return 'dd.MM.yyyy';
	if (all(/^\d{2}\/\d{2}\/\d{4}$/)) {
		const monthFirst = samples.some((v) => Number(v.slice(3, 5)) > 12);
		return monthFirst ? 'MM/dd/yyyy' : 'dd/MM/yyyy';
	}
	if (all(/^\d{2}\/\d{2}\/\d{2}$/)) return 'dd/MM/yy';
	if (all(/^\d{1,2}\/\d{1,2}\/\d{2}$/)) return 'd/M/yy';
	return null;
}

async function readSample() {
	const bytes = new Uint8Array(await page.file.slice(0, SAMPLE_BYTES).arrayBuffer());
	const decoded = decodeSample(bytes, $('#import-map-encoding').value);
	page.sample = { text: decoded.text, utf8: decoded.utf8 };
}

/** The columns of the sample as the mapping's selects offer them. */
function sampleColumns() {
	const delimiter = $('#import-map-delimiter').value === 'tab' ? '\t' : $('#import-map-delimiter').value;
	const header = $('#import-map-header').checked;
	const records = parseRecords(page.sample.text, delimiter, SAMPLE_ROWS + 1);
	const width = Math.max(0, ...records.map((r) => r.length));
	const data = header ? records.slice(1) : records;
	const columns = [];
	for (let i = 0; i < width; i += 1) {
		const name = header ? (records[0][i] || '') : '';
		columns.push({
			value: header ? name : String(i + 1),
			label: header ? (name || `Column ${i + 1} (no name)`) : `Column ${i + 1}`,
			samples: data.map((r) => r[i] ?? '').filter((v) => v !== ''),
			usable: !header || name !== '',
		});
	}
	return columns;
}

function renderColumns(guess) {
	const columns = sampleColumns();
	$('#import-samples').innerHTML = columns.map((c) => `<tr><th scope="row" dir="auto">${esc(c.label)}</th>`
		+ `<td>${c.samples.slice(0, 3).map((v) => `<span class="import-sample" dir="auto">${esc(v)}</span>`).join(' ')}</td></tr>`).join('')
		|| '<tr><td colspan="2">No rows could be read: check the separator and the encoding.</td></tr>';
	const used = new Set();
	for (const field of COLUMN_FIELDS) {
		const select = $(`#import-map-${field}`);
		const before = select.value;
		select.replaceChildren(new Option(field === 'date' ? 'Choose a column' : 'None', ''),
			...columns.filter((c) => c.usable).map((c) => new Option(c.label, c.value)));
		let chosen = before && columns.some((c) => c.value === before) ? before : '';
		if (guess && $('#import-map-header').checked) {
			const found = columns.find((c) => c.usable && !used.has(c.value) && GUESSES[field].test(c.label));
			chosen = found ? found.value : '';
		}
		select.value = chosen;
		if (chosen) used.add(chosen);
	}
	if (guess) {
		const split = !$('#import-map-amount').value && $('#import-map-debit').value && $('#import-map-credit').value;
		$(split ? '#import-map-mode-split' : '#import-map-mode-amount').checked = true;
		if (!split) {
			$('#import-map-debit').value = '';
			$('#import-map-credit').value = '';
		}
		const dateColumn = columns.find((c) => c.value === $('#import-map-date').value);
		const format = dateColumn && guessDateFormat(dateColumn.samples);
		if (format) $('#import-map-date_format').value = format;
		const amountColumn = columns.find((c) => c.value === ($('#import-map-amount').value || $('#import-map-debit').value));
		if (amountColumn && amountColumn.samples.some((v) => /\d,\d{2}\)?-?$/.test(v)) && !amountColumn.samples.some((v) => /\d\.\d{2}\)?-?$/.test(v))) {
			$('#import-map-decimal').value = ',';
			$('#import-map-thousands').value = amountColumn.samples.some((v) => /\d\.\d{3}/.test(v)) ? '.' : '';
		}
	}
	amountMode();
}

function amountMode() {
	const split = $('#import-map-mode-split').checked;
	page.dialog.querySelector('[data-column="amount"]').hidden = split;
	page.dialog.querySelector('[data-sign]').hidden = split;
	page.dialog.querySelector('[data-column="debit"]').hidden = !split;
	page.dialog.querySelector('[data-column="credit"]').hidden = !split;
}

async function openMapping(error) {
	clearFieldErrors($('#import-mapping-form'));
	const several = Boolean(error && error.fields.profile);
	$('#import-mapping-why').textContent = several
		? `${error.fields.profile}. Choose one, or say which column holds what.`
		: 'No saved profile knows the columns of this file yet. Say which column holds what; the table shows the file\'s first values.';
	try {
		page.profiles = (await api('GET', `${PATH}/profiles`)).data || [];
	}
	catch (e) {
		page.profiles = [];
	}
	$('#import-profile').replaceChildren(...page.profiles.map((p) => new Option(p.name, String(p.id))));
	$('#import-profile-pick').hidden = page.profiles.length === 0;
	await readSample();
	const delimiter = guessDelimiter(page.sample.text);
	$('#import-map-delimiter').value = delimiter === '\t' ? 'tab' : delimiter;
	if (!page.sample.utf8 && $('#import-map-encoding').value === 'UTF-8') $('#import-map-encoding').value = 'windows-1255';
	renderColumns(true);
	show('mapping');
	$('#import-mapping-title').scrollIntoView({ block: 'nearest' });
	$('#import-map-date').focus();
}

function mappingFromForm() {
	const form = $('#import-mapping-form');
	const header = $('#import-map-header').checked;
	const column = (field) => {
		const value = $(`#import-map-${field}`).value;
		if (!value) return undefined;
		return header ? value : Number(value);
	};
	const mapping = {
		date: column('date'),
		date_format: form.elements.date_format.value.trim() || 'yyyy-MM-dd',
		decimal: form.elements.decimal.value,
		thousands: form.elements.thousands.value,
		delimiter: form.elements.delimiter.value,
		header,
		encoding: form.elements.encoding.value,
		default_currency: form.elements.default_currency.value.trim() || 'ILS',
		default_category: form.elements.default_category.value.trim() || 'Uncategorized',
	};
	if ($('#import-map-mode-split').checked) {
		mapping.debit = column('debit');
		mapping.credit = column('credit');
	}
	else {
		mapping.amount = column('amount');
		mapping.sign = form.elements.sign.value;
	}
	for (const field of ['payee', 'memo', 'category', 'account', 'currency', 'id']) mapping[field] = column(field);
	return Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== undefined));
}

// ---------- uploading ----------

function uploadBody(extra) {
	const body = new FormData();
	body.append('file', page.file, page.file.name);
	const account = $('#import-account').value.trim();
	if (account) body.append('account', account);
	if (extra.mapping) body.append('mapping', JSON.stringify(extra.mapping));
	if (extra.profile) body.append('profile', String(extra.profile));
	return body;
}

function busy(button, text) {
	const before = button.innerHTML;
	button.disabled = true;
	button.innerHTML = `<span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span>${esc(text)}`;
	return () => {
		button.disabled = false;
		button.innerHTML = before;
	};
}

/** The upload's problems next to their fields; true when one was placed. */
function placeUploadErrors(error) {
	let placed = false;
	for (const field of ['file', 'account']) {
		if (error.fields && error.fields[field]) {
			fieldError(`import-upload-${field}`, error.fields[field]);
			placed = true;
		}
	}
	return placed;
}

async function readFile(event) {
	event.preventDefault();
	clearFieldErrors($('#import-upload-form'));
	say('');
	done('');
	page.file = $('#import-file').files[0] || null;
	if (!page.file) {
		fieldError('import-upload-file', 'Choose a statement file first');
		$('#import-file').focus();
		return;
	}
	const restore = busy($('#import-read'), 'Reading\u2026');
	try {
		const { data } = await api('POST', PATH, uploadBody({}));
		await showImport(data, 'read');
	}
	catch (e) {
		if (e instanceof ApiError && e.status === 422 && (e.fields.mapping || e.fields.profile) && !e.fields.file) {
			await openMapping(e);
		}
		else if (!(e instanceof ApiError && e.status === 422 && placeUploadErrors(e))) {
			say(e.message);
		}
	}
	finally {
		restore();
	}
}

async function readMapped(event) {
	event.preventDefault();
	const form = $('#import-mapping-form');
	clearFieldErrors(form);
	clearFieldErrors($('#import-upload-form'));
	say('');
	const saveAs = $('#import-save-profile').checked ? $('#import-profile-name').value.trim() : null;
	if (saveAs === '') {
		fieldError('import-profile-name', 'Give the profile a name, or untick "Save as a profile"');
		$('#import-profile-name').focus();
		return;
	}
	const restore = busy($('#import-read-mapped'), 'Reading\u2026');
	let data;
	try {
		data = (await api('POST', PATH, uploadBody({ mapping: mappingFromForm() }))).data;
	}
	catch (e) {
		restore();
		placeMappingErrors(e);
		return;
	}
	restore();
	let saved = null;
	if (saveAs) {
		try {
			saved = (await api('POST', `${PATH}/profiles`, { name: saveAs, import_id: data.id })).data;
			await loadProfiles();
		}
		catch (e) {
			say(`The file was read, but the profile was not saved: ${e.message}`);
		}
	}
	await showImport(data, saved ? `read; its columns are saved as the profile "${saved.name}"` : 'read');
}

function placeMappingErrors(error) {
	if (!(error instanceof ApiError) || error.status !== 422) {
		say(error.message);
		return;
	}
	const general = [];
	for (const issue of error.issues) {
		const [where, field] = issue.path.split('.');
		if (where === 'mapping' && field && $(`#import-map-${field}-error`)) {
			fieldError(`import-map-${field}`, issue.message);
		}
		else if (where === 'mapping' && field === 'amount') {
			fieldError('import-map-amount', issue.message);
		}
		else if ((where === 'file' || where === 'account') && !field) {
			fieldError(`import-upload-${where}`, issue.message);
		}
		else general.push(issue.message);
	}
	if (general.length) say(general.join('. '));
	const first = page.dialog.querySelector('.is-invalid');
	if (first) first.focus();
}

async function useProfile() {
	clearFieldErrors($('#import-upload-form'));
	say('');
	const restore = busy($('#import-use-profile'), 'Reading\u2026');
	try {
		const { data } = await api('POST', PATH, uploadBody({ profile: $('#import-profile').value }));
		await showImport(data, 'read');
	}
	catch (e) {
		if (!(e instanceof ApiError && e.status === 422 && placeUploadErrors(e))) say(e.message);
	}
	finally {
		restore();
	}
}

// ---------- the preview ----------

async function showImport(batch, what) {
	page.batch = batch;
	page.rows = batch.rows || [];
	page.next = batch.next || null;
	page.commitKey = null;
	if (!batch.rows) {
		const { data } = await api('GET', `${PATH}/${batch.id}`);
		page.batch = data;
		page.rows = data.rows || [];
		page.next = data.next || null;
	}
	show('preview');
	renderPreview();
	$('#import-discard-confirm').hidden = true;
	if (what) done(`${page.batch.file_name || 'The file'} ${what}: ${plural(page.batch.counts.total, 'row', 'rows')}.`);
	$('#import-preview-title').focus();
	loadPast();
}

function renderPreview() {
	renderSummary();
	renderRows();
	$('#import-more').hidden = !page.next;
}

/** The preview's title, counts and buttons (the rows are drawn by renderRows). */
function renderSummary() {
	const b = page.batch;
	const name = b.file_name || `Import ${b.id}`;
	$('#import-preview-title').textContent = b.status === 'preview' ? `Preview of ${name}` : `${name}: ${BATCH_NAMES[b.status] || b.status}`;
	$('#import-preview-title').setAttribute('dir', 'auto');
	const about = [];
	if (b.profile) about.push(`read with the profile \u201c${b.profile}\u201d`);
	if (b.account) about.push(`account ${b.account}`);
	if (b.format) about.push(b.format.toUpperCase());
	const text = about.join(', ');
	$('#import-preview-about').textContent = text ? `${text[0].toUpperCase()}${text.slice(1)}.` : '';
	const c = b.counts;
	const counts = [['New', c.new], ['Duplicates', c.duplicate], ['Matches', c.match], ['Errors', c.error]];
	counts.push(b.status === 'preview' ? ['To import', c.to_import] : ['Created', c.created]);
	$('#import-counts').innerHTML = counts.map(([label, n]) => `<div class="import-count"><dt>${label}</dt><dd>${n}</dd></div>`).join('');
	const writable = b.status === 'preview' && !readOnly();
	$('#import-actions').hidden = !writable;
	const commit = $('#import-commit');
	commit.textContent = c.to_import === 0 ? 'Nothing to import' : `Import ${plural(c.to_import, 'entry', 'entries')}`;
	commit.disabled = c.to_import === 0;
	$('#import-another').hidden = readOnly();
}

function fieldsText(row) {
	return {
		what: row.kind === 'income' ? 'Income' : row.kind === 'expense' ? 'Expense' : '',
		amount: row.amount == null ? '' : amountIn(row.amount, row.currency),
	};
}

function reasonText(row) {
	if (row.created) return `Created ${row.created.kind} #${row.created.id}`;
	return row.reason || '';
}

/** What a row's decision does, in words. */
const DECISION_NAMES = { import: 'Import', skip: 'Skip', confirm: 'Confirm the bill' };

function toggleHtml(row) {
	const b = page.batch;
	const label = `Import line ${row.line}`;
	if (b.status !== 'preview' || readOnly()) {
		return `<span class="small">${DECISION_NAMES[row.decision] || esc(row.decision)}</span>`;
	}
	if (row.schedule) {
		// a row that pays a scheduled bill: confirm that bill, import a separate entry, or skip
		const options = [['confirm', 'Confirm the bill'], ['import', 'Import as new'], ['skip', 'Skip']]
			.map(([value, text]) => `<option value="${value}"${row.decision === value ? ' selected' : ''}>${text}</option>`).join('');
		return `<select class="form-select form-select-sm import-choice" data-line="${row.line}" aria-label="Line ${row.line}: what to do">${options}</select>`;
	}
	const disabled = row.status === 'error' ? ' disabled' : '';
	return `<label class="import-toggle form-check form-switch m-0"><input class="form-check-input" type="checkbox" role="switch" data-line="${row.line}"`
		+ ` aria-label="${label}"${row.decision === 'import' ? ' checked' : ''}${disabled}><span class="small" aria-hidden="true">${row.decision === 'import' ? 'Import' : 'Skip'}</span></label>`;
}

function rowHtml(row) {
	const f = fieldsText(row);
	return `<tr data-line="${row.line}" class="import-${row.status}${row.decision === 'skip' ? ' import-skipped' : ''}">`
		+ `<td class="text-end">${row.line}</td>`
		+ `<td><span class="badge ${STATUS_BADGES[row.status]}">${STATUS_NAMES[row.status] || esc(row.status)}</span>`
		+ `<span class="d-block small import-reason" dir="auto">${esc(reasonText(row))}</span></td>`
		+ `<td class="text-nowrap">${esc(row.date || '')}</td>`
		+ `<td dir="auto">${esc(row.business || '')}</td>`
		+ `<td class="text-end text-nowrap"><span class="d-block small text-body-secondary">${f.what}</span>${esc(f.amount)}</td>`
		+ `<td dir="auto">${esc(row.category || '')}</td>`
		+ `<td dir="auto">${esc(row.account || '')}</td>`
		+ `<td dir="auto" class="import-notes">${esc(row.notes || '')}</td>`
		+ `<td>${toggleHtml(row)}</td></tr>`;
}

function cardHtml(row) {
	const f = fieldsText(row);
	const more = [row.category, row.account, row.notes].filter((v) => v).map((v) => `<span dir="auto">${esc(v)}</span>`).join(' \u00b7 ');
	return `<li data-line="${row.line}" class="import-card import-${row.status}${row.decision === 'skip' ? ' import-skipped' : ''}">`
		+ '<div class="import-card-head">'
		+ `<span class="small text-body-secondary">Line ${row.line}</span> <span class="badge ${STATUS_BADGES[row.status]}">${STATUS_NAMES[row.status] || esc(row.status)}</span>`
		+ `<span class="ms-auto">${toggleHtml(row)}</span></div>`
		+ '<div class="import-card-main">'
		+ `<span class="text-nowrap small">${esc(row.date || '')}</span> <strong dir="auto" class="import-card-payee">${esc(row.business || f.what)}</strong>`
		+ `<span class="ms-auto text-nowrap">${f.what && row.business ? `<span class="small text-body-secondary">${f.what} </span>` : ''}${esc(f.amount)}</span></div>`
		+ (more ? `<div class="small text-body-secondary">${more}</div>` : '')
		+ (reasonText(row) ? `<div class="small import-reason" dir="auto">${esc(reasonText(row))}</div>` : '')
		+ '</li>';
}

function renderRows() {
	const box = $('#import-rows');
	if (!page.rows.length) {
		box.innerHTML = '<p class="small text-body-secondary">No rows.</p>';
		return;
	}
	if (phone.matches) {
		box.innerHTML = `<ul class="list-unstyled import-cards" aria-label="Rows of the file">${page.rows.map(cardHtml).join('')}</ul>`;
		return;
	}
	box.innerHTML = '<div class="table-responsive"><table class="table table-sm small align-middle import-table mb-1" aria-label="Rows of the file">'
		+ '<thead><tr><th scope="col" class="text-end">Line</th><th scope="col">Status</th><th scope="col">Date</th><th scope="col">Payee</th>'
		+ '<th scope="col" class="text-end">Amount</th><th scope="col">Category</th><th scope="col">Account</th><th scope="col">Notes</th>'
		+ `<th scope="col">Import</th></tr></thead><tbody>${page.rows.map(rowHtml).join('')}</tbody></table></div>`;
}

function replaceRow(row) {
	const i = page.rows.findIndex((r) => r.line === row.line);
	if (i >= 0) page.rows[i] = row;
	const el = $(`#import-rows [data-line="${row.line}"]:is(tr, li)`);
	if (el) el.outerHTML = phone.matches ? cardHtml(row) : rowHtml(row);
}

async function loadRow(line) {
	const { data } = await api('GET', `${PATH}/${page.batch.id}?after=${line - 1}&limit=1`);
	page.batch.counts = data.counts;
	page.batch.status = data.status;
	const row = (data.rows || []).find((r) => r.line === line);
	if (row) replaceRow(row);
	renderSummary();
}

async function decide(input) {
	const line = Number(input.dataset.line);
	const row = page.rows.find((r) => r.line === line);
	const choice = input.tagName === 'SELECT';
	const decision = choice ? input.value : input.checked ? 'import' : 'skip';
	// puts the control back to the row's decision after a refusal
	const undo = () => {
		if (choice) input.value = row.decision;
		else input.checked = !input.checked;
		input.disabled = false;
	};
	input.disabled = true;
	say('');
	try {
		const { data } = await api('PATCH', `${PATH}/${page.batch.id}/rows/${line}`, { decision },
			{ headers: { 'If-Match': `"${row.version}"` } });
		const writes = (d) => (d === 'skip' ? 0 : 1);
		page.batch.counts.to_import += writes(data.decision) - writes(row.decision);
		replaceRow(data);
		renderSummary();
		const outcome = { import: 'will be imported', skip: 'skipped', confirm: 'will confirm the scheduled bill' };
		done(`Line ${line}: ${outcome[data.decision] || data.decision}`);
	}
	catch (e) {
		if (e instanceof ApiError && (e.status === 412 || e.status === 409)) {
			try {
				if (e.status === 409) await showImport({ id: page.batch.id }, null);
				else await loadRow(line);
			}
			catch (reload) {
				// the message below says what happened; the row stays as it was
				undo();
			}
			say(e.status === 412
				? `Line ${line} was changed meanwhile (in another window?); it now shows its current decision. Change it again if you still want to.`
				: e.message);
		}
		else {
			undo();
			say(`Line ${line} could not be changed: ${e.message}`);
		}
	}
	focusToggle(line);
}

function focusToggle(line) {
	const toggle = $(`#import-rows :is(input, select)[data-line="${line}"]`);
	if (toggle && !toggle.disabled) toggle.focus();
}

async function more() {
	try {
		const { data } = await api('GET', page.next);
		page.rows = page.rows.concat(data.rows || []);
		page.next = data.next || null;
		renderRows();
		$('#import-more').hidden = !page.next;
	}
	catch (e) {
		say(`Could not load more rows: ${e.message}`);
	}
}

/** A new key for one commit attempt (kept while the answer is unknown: a retry then replays it). */
function newKey() {
	if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function commit() {
	const button = $('#import-commit');
	if (!page.commitKey) page.commitKey = newKey();
	const preview = $('#import-preview');
	preview.setAttribute('aria-busy', 'true');
	$('#import-discard').disabled = true;
	say('');
	done(`Importing ${plural(page.batch.counts.to_import, 'entry', 'entries')}\u2026`);
	const restore = busy(button, 'Importing\u2026');
	try {
		const { data } = await api('POST', `${PATH}/${page.batch.id}/commit`, undefined,
			{ headers: { 'Idempotency-Key': page.commitKey } });
		page.commitKey = null;
		restore();
		await showImport({ id: data.id }, null);
		done(`Imported: ${plural(data.counts.created, 'entry', 'entries')} created. Revert undoes them all.`);
		document.dispatchEvent(new CustomEvent('hb:imported', { detail: { id: data.id } }));
	}
	catch (e) {
		restore();
		// no answer (or the server was busy): the same key replays the first commit on a retry
		if (!(e instanceof ApiError) || (e.status !== 0 && e.status !== 503)) page.commitKey = null;
		say(`Nothing was imported: ${e.message}`);
		if (e instanceof ApiError && e.status === 409) await showImport({ id: page.batch.id }, null).catch(() => {});
	}
	finally {
		preview.removeAttribute('aria-busy');
		$('#import-discard').disabled = false;
	}
}

async function discard() {
	$('#import-discard-confirm').hidden = true;
	try {
		await api('DELETE', `${PATH}/${page.batch.id}`);
		const name = page.batch.file_name || `Import ${page.batch.id}`;
		restart();
		done(`${name} discarded; nothing was imported.`);
	}
	catch (e) {
		say(e.message);
	}
	loadPast();
}

function restart() {
	page.batch = null;
	page.rows = [];
	page.next = null;
	page.file = null;
	$('#import-upload-form').reset();
	$('#import-file-name').textContent = 'CSV, TSV, OFX, QFX, QIF or CAMT (ISO 20022) from your bank, up to 20 MB';
	clearFieldErrors(page.dialog);
	say('');
	done('');
	show('upload');
}

// ---------- past imports ----------

const WHEN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

function pastItem(b) {
	const li = document.createElement('li');
	li.className = 'import-past-item';
	li.dataset.id = b.id;
	const name = b.file_name || `Import ${b.id}`;
	const title = document.createElement('div');
	title.className = 'import-past-title';
	const strong = document.createElement('strong');
	strong.textContent = name;
	strong.setAttribute('dir', 'auto');
	const badge = document.createElement('span');
	badge.className = `badge ms-2 ${b.status === 'committed' ? 'text-bg-success' : b.status === 'preview' ? 'text-bg-warning' : 'text-bg-secondary'}`;
	badge.textContent = BATCH_NAMES[b.status] || b.status;
	title.append(strong, badge);
	const details = document.createElement('div');
	details.className = 'small text-body-secondary';
	const c = b.counts;
	const when = b.status === 'committed' ? b.committed_at : b.status === 'reverted' ? b.reverted_at : b.created_at;
	details.textContent = [when ? WHEN.format(new Date(when)) : '', plural(c.total, 'row', 'rows'),
		b.status === 'preview' ? `${c.to_import} to import` : `${plural(c.created, 'entry', 'entries')} created`,
		b.account ? `account ${b.account}` : '', b.profile ? `profile ${b.profile}` : ''].filter((v) => v).join(' \u00b7 ');
	const actions = document.createElement('div');
	actions.className = 'import-past-actions';
	actions.append(button(b.status === 'preview' && !readOnly() ? 'Continue' : 'Show rows', `${b.status === 'preview' && !readOnly() ? 'Continue' : 'Show the rows of'} ${name}`,
		'btn-outline-secondary', () => showImport({ id: b.id }, null).catch((e) => say(e.message))));
	if (b.status === 'committed' && !readOnly()) {
		const revert = button('Revert', `Revert the import of ${name}`, 'btn-outline-danger', null);
		const confirm = document.createElement('span');
		confirm.className = 'import-confirm';
		confirm.hidden = true;
		const question = document.createElement('span');
		question.className = 'small';
		question.textContent = `Delete the ${plural(c.created, 'entry', 'entries')} this import created?`;
		const yes = button('Yes, revert', `Yes, revert the import of ${name}`, 'btn-danger', () => revertImport(b, yes));
		const no = button('No', 'No, keep them', 'btn-outline-secondary', () => {
			confirm.hidden = true;
			revert.hidden = false;
			revert.focus();
		});
		confirm.append(question, yes, no);
		revert.addEventListener('click', () => {
			confirm.hidden = false;
			revert.hidden = true;
			no.focus();
		});
		actions.append(revert, confirm);
	}
	li.append(title, details, actions);
	return li;
}

function button(text, label, style, onClick) {
	const b = document.createElement('button');
	b.type = 'button';
	b.className = `btn btn-sm ${style}`;
	b.textContent = text;
	if (label !== text) b.setAttribute('aria-label', label);
	if (onClick) b.addEventListener('click', onClick);
	return b;
}

async function revertImport(batch, yes) {
	yes.disabled = true;
	try {
		const { data } = await api('POST', `${PATH}/${batch.id}/revert`);
		done(`${batch.file_name || `Import ${batch.id}`} reverted: the ${plural(data.counts.created, 'entry', 'entries')} it created are deleted.`);
		document.dispatchEvent(new CustomEvent('hb:imported', { detail: { id: batch.id } }));
		if (page.batch && page.batch.id === batch.id) await showImport({ id: batch.id }, null);
	}
	catch (e) {
		say(e.message);
	}
	await loadPast();
	const heading = $('#import-past-title');
	if (document.activeElement === document.body || !page.dialog.contains(document.activeElement)) {
		heading.tabIndex = -1;
		heading.focus();
	}
}

async function loadPast() {
	const { data } = await api('GET', PATH);
	$('#import-past').replaceChildren(...data.map(pastItem));
	$('#import-past-none').hidden = data.length > 0;
	return data;
}

// ---------- saved profiles (GET, PUT and DELETE /api/v1/imports/profiles/{id}) ----------

const PROFILE_SELECTS = {
	delimiter: [[',', 'Comma ,'], [';', 'Semicolon ;'], ['tab', 'Tab']],
	decimal: [['.', 'Point 12.50'], [',', 'Comma 12,50']],
	sign: [['negative_is_expense', 'Negative amounts (bank statement)'], ['positive_is_expense', 'Positive amounts (card statement)']],
};
const PROFILE_SELECT_LABELS = { delimiter: 'Columns separated by', decimal: 'Decimal separator', sign: 'Expenses are' };
const PROFILE_DEFAULTS = { delimiter: ',', decimal: '.', sign: 'negative_is_expense' };

/** "Date: Transaction date · Amount: Amount": which column holds what. */
function profileSummary(profile) {
	const m = profile.mapping || {};
	return COLUMN_FIELDS.filter((f) => m[f] != null && m[f] !== '')
		.map((f) => `${COLUMN_LABELS[f]}: ${m[f]}`).join(' \u00b7 ');
}

function profileItem(profile) {
	const li = document.createElement('li');
	li.className = 'import-profile-item';
	li.dataset.id = profile.id;
	const title = document.createElement('strong');
	title.className = 'import-past-title d-block';
	title.setAttribute('dir', 'auto');
	title.textContent = profile.name;
	const summary = document.createElement('div');
	summary.className = 'small text-body-secondary import-profile-summary';
	summary.setAttribute('dir', 'auto');
	summary.textContent = profileSummary(profile);
	li.append(title, summary);
	if (!readOnly()) {
		const actions = document.createElement('div');
		actions.className = 'import-past-actions';
		const edit = button('Edit', `Edit the profile ${profile.name}`, 'btn-outline-secondary', () => editProfile(li, profile, edit));
		const remove = button('Delete', `Delete the profile ${profile.name}`, 'btn-outline-danger', null);
		const confirm = document.createElement('span');
		confirm.className = 'import-confirm';
		confirm.hidden = true;
		const question = document.createElement('span');
		question.className = 'small';
		question.textContent = `Delete the profile \u201c${profile.name}\u201d? Files with its columns will ask which column holds what again.`;
		const yes = button('Yes, delete', `Yes, delete the profile ${profile.name}`, 'btn-danger', () => deleteProfile(profile, yes));
		const no = button('No', 'No, keep it', 'btn-outline-secondary', () => {
			confirm.hidden = true;
			remove.hidden = false;
			remove.focus();
		});
		confirm.append(question, yes, no);
		remove.addEventListener('click', () => {
			confirm.hidden = false;
			remove.hidden = true;
			no.focus();
		});
		actions.append(edit, remove, confirm);
		li.append(actions);
	}
	return li;
}

/** The edit form of a profile, in its item: its name and which column holds what. */
function editProfile(li, profile, edit) {
	if (li.querySelector('form')) return;
	const m = profile.mapping || {};
	const id = `import-pf-${profile.id}`;
	const textField = (name, label, value, extra = '') => `<div class="import-field"><label for="${id}-${name}" class="form-label small mb-0">${esc(label)}</label>
		<input id="${id}-${name}" name="${name}" class="form-control form-control-sm" dir="auto" value="${esc(value ?? '')}" aria-describedby="${id}-${name}-error"${extra}>
		<div class="invalid-feedback" id="${id}-${name}-error"></div></div>`;
	const selectField = (name) => `<div class="import-field"><label for="${id}-${name}" class="form-label small mb-0">${PROFILE_SELECT_LABELS[name]}</label>
		<select id="${id}-${name}" name="${name}" class="form-select form-select-sm" aria-describedby="${id}-${name}-error">${PROFILE_SELECTS[name]
		.map(([value, text]) => `<option value="${esc(value)}"${(m[name] ?? PROFILE_DEFAULTS[name]) === value ? ' selected' : ''}>${esc(text)}</option>`).join('')}</select>
		<div class="invalid-feedback" id="${id}-${name}-error"></div></div>`;
	const form = document.createElement('form');
	form.className = 'import-profile-form';
	form.noValidate = true;
	form.autocomplete = 'off';
	form.setAttribute('aria-label', `Edit the profile ${profile.name}`);
	form.innerHTML = `<div class="import-grid mb-2">
		${textField('name', 'Profile name', profile.name, ' maxlength="100" required')}
		${textField('date_format', 'Date format', m.date_format || 'yyyy-MM-dd', ` list="import-date-formats" dir="ltr"`)}
		${selectField('delimiter')}${selectField('decimal')}${selectField('sign')}</div>
		<fieldset class="import-grid mb-2"><legend class="small fw-semibold mb-1">${m.header === false ? 'Column numbers (1 is the first)' : 'Column names (as in the file\'s first row)'}</legend>
		${COLUMN_FIELDS.map((f) => textField(f, COLUMN_LABELS[f], m[f])).join('')}</fieldset>
		<div class="d-flex flex-wrap gap-2 mb-2"><button type="submit" class="btn btn-primary btn-sm">Save the profile</button>
		<button type="button" class="btn btn-outline-secondary btn-sm" data-cancel>Cancel</button></div>`;
	form.querySelector('[data-cancel]').addEventListener('click', () => {
		form.remove();
		edit.hidden = false;
		edit.focus();
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		saveProfile(form, profile, id);
	});
	edit.hidden = true;
	li.append(form);
	form.querySelector(`#${id}-name`).focus();
}

async function saveProfile(form, profile, id) {
	clearFieldErrors(form);
	say('');
	const value = (name) => form.querySelector(`[name="${name}"]`).value.trim();
	const name = value('name');
	if (!name) {
		fieldError(`${id}-name`, 'Give the profile a name');
		form.querySelector(`#${id}-name`).focus();
		return;
	}
	// fields the form does not show (header, encoding, thousands, defaults) are kept
	const mapping = { ...profile.mapping };
	for (const f of [...COLUMN_FIELDS, 'date_format']) {
		const v = value(f);
		if (!v) delete mapping[f];
		else mapping[f] = mapping.header === false && /^\d+$/.test(v) && f !== 'date_format' ? Number(v) : v;
	}
	for (const f of Object.keys(PROFILE_SELECTS)) mapping[f] = value(f);
	const restore = busy(form.querySelector('button[type="submit"]'), 'Saving\u2026');
	try {
		const { data } = await api('PUT', `${PATH}/profiles/${profile.id}`, { name, mapping },
			{ headers: { 'If-Match': `"${profile.version}"` } });
		await loadProfiles();
		done(`The profile \u201c${data.name}\u201d is saved.`);
		focusProfile(data.id);
	}
	catch (e) {
		restore();
		if (e instanceof ApiError && (e.status === 412 || e.status === 404)) {
			await loadProfiles().catch(() => {});
			say(e.status === 412
				? `The profile \u201c${profile.name}\u201d was changed meanwhile (in another window?); it now shows what it holds. Edit it again if you still want to.`
				: `The profile \u201c${profile.name}\u201d was deleted meanwhile.`);
			focusProfile(profile.id);
			return;
		}
		let placed = false;
		if (e instanceof ApiError && e.status === 409) {
			fieldError(`${id}-name`, e.message);
			placed = true;
		}
		for (const issue of (e instanceof ApiError && e.issues) || []) {
			const field = issue.path === 'name' ? 'name' : issue.path.startsWith('mapping.') ? issue.path.slice(8) : null;
			if (field && form.querySelector(`#${id}-${field}`)) {
				fieldError(`${id}-${field}`, issue.message);
				placed = true;
			}
		}
		say(placed ? 'The profile was not saved: see the fields marked.' : `The profile was not saved: ${e.message}`);
		const invalid = form.querySelector('.is-invalid');
		if (invalid) invalid.focus();
	}
}

async function deleteProfile(profile, yes) {
	yes.disabled = true;
	try {
		await api('DELETE', `${PATH}/profiles/${profile.id}`, undefined, { headers: { 'If-Match': `"${profile.version}"` } });
		done(`The profile \u201c${profile.name}\u201d is deleted.`);
	}
	catch (e) {
		say(e instanceof ApiError && e.status === 412
			? `The profile \u201c${profile.name}\u201d was changed meanwhile (in another window?); it now shows what it holds. Delete it again if you still want to.`
			: `The profile was not deleted: ${e.message}`);
	}
	await loadProfiles().catch((e) => say(e.message));
	if (!focusProfile(profile.id)) $('#import-profiles-title').focus();
}

/** Focuses a profile's Edit button; false when the profile is not listed. */
function focusProfile(id) {
	const edit = $(`#import-profiles [data-id="${id}"] .import-past-actions button`);
	if (edit) edit.focus();
	return Boolean(edit);
}

async function loadProfiles() {
	const { data } = await api('GET', `${PATH}/profiles`);
	page.profiles = data || [];
	$('#import-profiles').replaceChildren(...page.profiles.map(profileItem));
	$('#import-profiles-none').hidden = page.profiles.length > 0;
}

// ---------- the app's own CSV (POST /api/v1/expense/import, /income/import) ----------

async function importOwn(event) {
	event.preventDefault();
	const form = $('#import-own-form');
	const result = $('#import-own-result');
	clearFieldErrors(form);
	result.textContent = '';
	const file = $('#import-own-file').files[0];
	if (!file) {
		fieldError('import-own-file', 'Choose a CSV file first');
		$('#import-own-file').focus();
		return;
	}
	const kind = $('#import-own-kind').value;
	const partial = $('#import-own-partial').checked;
	const restore = busy(form.querySelector('button[type="submit"]'), 'Adding\u2026');
	try {
		const { data } = await api('POST', `/api/v1/${kind}/import${partial ? '?mode=partial' : ''}`, file, { contentType: 'text/csv' });
		const noun = kind === 'expense' ? ['expense', 'expenses'] : ['income', 'incomes'];
		const rejected = (data.rejected || []).slice(0, 10).map((r) => `line ${r.line}: ${r.reason || r.msg || ''}`);
		result.className = 'small mt-1 text-success-emphasis';
		result.textContent = `Added ${plural(data.inserted ?? 0, noun[0], noun[1])}.`
			+ (data.rejected_rows ? ` ${plural(data.rejected_rows, 'row was', 'rows were')} not added (${rejected.join('; ')}).` : '');
		form.reset();
		document.dispatchEvent(new CustomEvent('hb:imported', { detail: {} }));
	}
	catch (e) {
		result.className = 'small mt-1 text-danger';
		result.textContent = `Nothing was added: ${e.message}`;
	}
	finally {
		restore();
	}
}

// ---------- opening ----------

async function open() {
	if (!page.dialog) wire();
	say('');
	page.dialog.showModal();
	try {
		await loadPast();
		await loadProfiles();
		page.available = true;
		$('#import-unavailable').hidden = true;
		$('#import-wizard').hidden = false;
		if (!page.batch) show('upload');
	}
	catch (e) {
		if (e instanceof ApiError && e.status === 409) {
			page.available = false;
			$('#import-unavailable').textContent = e.message;
			$('#import-unavailable').hidden = false;
			$('#import-wizard').hidden = true;
		}
		else {
			say(e.message);
		}
	}
	page.dialog.dataset.ready = 'true';
}

function wire() {
	page.dialog = dialogHtml();
	const dialog = page.dialog;
	dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());
	dialog.addEventListener('close', () => {
		delete dialog.dataset.ready;
	});
	const fileInput = $('#import-file');
	const drop = $('#import-drop');
	fileInput.addEventListener('change', () => {
		const file = fileInput.files[0];
		$('#import-file-name').textContent = file ? `Chosen: ${file.name}` : 'CSV, TSV, OFX, QFX, QIF or CAMT (ISO 20022) from your bank, up to 20 MB';
		fieldError('import-upload-file', '');
		show('upload');
	});
	for (const type of ['dragenter', 'dragover']) drop.addEventListener(type, () => drop.classList.add('import-drag'));
	for (const type of ['dragleave', 'drop']) drop.addEventListener(type, () => drop.classList.remove('import-drag'));
	$('#import-upload-form').addEventListener('submit', readFile);
	$('#import-mapping-form').addEventListener('submit', readMapped);
	$('#import-mapping-cancel').addEventListener('click', () => {
		show('upload');
		$('#import-file').focus();
	});
	$('#import-use-profile').addEventListener('click', useProfile);
	for (const id of ['#import-map-delimiter', '#import-map-header']) {
		$(id).addEventListener('change', () => renderColumns(true));
	}
	$('#import-map-encoding').addEventListener('change', async () => {
		const bytes = new Uint8Array(await page.file.slice(0, SAMPLE_BYTES).arrayBuffer());
		page.sample = decodeSample(bytes, $('#import-map-encoding').value);
		renderColumns(false);
	});
	dialog.querySelectorAll('input[name="amount_mode"]').forEach((radio) => radio.addEventListener('change', amountMode));
	$('#import-save-profile').addEventListener('change', () => {
		$('#import-profile-name-field').hidden = !$('#import-save-profile').checked;
		if ($('#import-save-profile').checked) $('#import-profile-name').focus();
	});
	$('#import-rows').addEventListener('change', (e) => {
		if (e.target.matches('input[data-line], select[data-line]')) decide(e.target);
	});
	$('#import-more').addEventListener('click', more);
	$('#import-commit').addEventListener('click', commit);
	$('#import-discard').addEventListener('click', () => {
		$('#import-discard-confirm').hidden = false;
		$('#import-discard-no').focus();
	});
	$('#import-discard-no').addEventListener('click', () => {
		$('#import-discard-confirm').hidden = true;
		$('#import-discard').focus();
	});
	$('#import-discard-yes').addEventListener('click', discard);
	$('#import-another').addEventListener('click', () => {
		restart();
		$('#import-file').focus();
	});
	$('#import-own-form').addEventListener('submit', importOwn);
	phone.addEventListener('change', () => {
		if (page.batch) renderRows();
	});
}

document.getElementById('import-open').addEventListener('click', open);
