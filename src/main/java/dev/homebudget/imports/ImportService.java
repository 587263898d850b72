package dev.homebudget.imports;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.homebudget.auth.CurrentUser;
import dev.homebudget.auth.SignedInUser;
import dev.homebudget.config.StorageProperties.StorageBackend;
import dev.homebudget.config.StorageMode;
import dev.homebudget.expense.Expense;
import dev.homebudget.expense.ExpenseEntries;
import dev.homebudget.expense.ExpenseNotFoundException;
import dev.homebudget.expense.ExpenseService;
import dev.homebudget.household.CurrentHousehold;
import dev.homebudget.income.Income;
import dev.homebudget.income.IncomeNotFoundException;
import dev.homebudget.income.IncomeService;
import dev.homebudget.ledger.CsvImportProperties;
import dev.homebudget.ledger.EntryField;
import dev.homebudget.ledger.EntryValues;
import dev.homebudget.ledger.Households;
import dev.homebudget.schedule.ConfirmableOccurrences;
import dev.homebudget.settle.SplitRequest;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.IfMatch;
import dev.homebudget.web.PreconditionFailedException;
import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.ValidationIssue;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Statement import use cases: upload (parse, classify, stage), read, flip a decision,
 * commit (one transaction: every row to import becomes an expense or income through the
 * expense and income services, so every rule of a hand-made entry applies), discard, and
 * revert (exactly the batch's entries deleted through the normal delete path). PostgreSQL
 * as the primary store only (P2, P3; 409 before); a viewer reads only (403).
 */
@Service
class ImportService {

	/** Uploads parsed and classified at the same time; others wait, then get 503. */
	static final int AT_ONCE = 2;

	/** Occurrences waiting for Confirm that one upload is matched with at most. */
	static final int MAX_DUE_OCCURRENCES = 2000;

	private final ImportStore store;

	private final CurrentHousehold household;

	private final CurrentUser currentUser;

	private final StorageMode storage;

	private final ExpenseEntries expenseEntries;

	private final ExpenseService expenses;

	private final IncomeService incomes;

	private final TransactionTemplate transactions;

	/** A savepoint inside the caller's transaction. */
	private final TransactionTemplate nested;

	private final int maxRows;

	private final JsonMapper json;

	private final StatementRules rules;

	private final ConfirmableOccurrences occurrences;

	private final Semaphore running = new Semaphore(AT_ONCE, true);

	ImportService(ImportStore store, CurrentHousehold household, CurrentUser currentUser, StorageMode storage,
			ExpenseEntries expenseEntries, ExpenseService expenses, IncomeService incomes,
			PlatformTransactionManager transactionManager, CsvImportProperties limits, JsonMapper json,
			StatementRules rules, ConfirmableOccurrences occurrences) {
		this.occurrences = occurrences;
		this.json = json;
		this.rules = rules;
		this.store = store;
		this.household = household;
		this.currentUser = currentUser;
		this.storage = storage;
		this.expenseEntries = expenseEntries;
		this.expenses = expenses;
		this.incomes = incomes;
		this.transactions = new TransactionTemplate(transactionManager);
		this.nested = new TransactionTemplate(transactionManager);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.maxRows = limits.maxRows();
	}

	/**
	 * An uploaded file, with its mapping given inline, or a saved profile named, or
	 * neither (the profile whose header the file has is chosen); or, for a format that
	 * names its own fields, the hints given.
	 */
	record Upload(byte[] bytes, String fileName, ImportMapping mapping, String account, Integer profileId,
			StatementFormat format, StatementOptions options) {

	}

	/** A mapping and the profile it comes from (null: given inline). */
	private record Chosen(ImportMapping mapping, ImportStore.Profile profile) {

	}

	/**
	 * A file read into rows, with what the batch keeps of how: its format, its mapping
	 * (for OFX, QIF and CAMT.053: the hints given), its profile and its header.
	 */
	private record Read(CsvStatement.Parsed parsed, String format, String mapping, Integer profileId,
			String signature) {

	}

	/** A batch and one page of its rows; {@code nextAfter} is set when more follow. */
	record View(ImportStore.Batch batch, List<ImportStore.Row> rows, Integer nextAfter) {

	}

	/** Parses, classifies and stages a file; answers the batch's id. */
	int upload(Upload upload) {
		int household = writable();
		acquire();
		try {
			Read read = upload.format().selfDescribing() ? readSelfDescribing(upload) : readCsv(household, upload);
			if (read.parsed().rows().isEmpty()) {
				throw CsvStatement.unreadable("The file has no data rows");
			}
			StatementRules.Ruled ruled = this.rules.apply(household, read.parsed().rows());
			List<CsvStatement.ParsedRow> rows = ruled.rows();
			LocalDate first = null;
			LocalDate last = null;
			List<String> bankIds = new ArrayList<>();
			for (CsvStatement.ParsedRow row : rows) {
				if (row.date() != null) {
					first = (first == null || row.date().isBefore(first)) ? row.date() : first;
					last = (last == null || row.date().isAfter(last)) ? row.date() : last;
				}
				if (row.bankId() != null) {
					bankIds.add(row.bankId());
				}
			}
			LocalDate from = (first != null) ? first.minusDays(ImportDedup.MATCH_DAYS_BEFORE) : null;
			LocalDate to = (last != null) ? last.plusDays(ImportDedup.MATCH_DAYS_AFTER) : null;
			Integer createdBy = this.currentUser.get().map(SignedInUser::id).orElse(null);
			return this.transactions.execute((status) -> {
				List<ImportDedup.Existing> existing = (from != null) ? this.store.existing(household, from, to)
						: List.of();
				Map<String, ImportDedup.SeenBankId> seen = this.store.seenBankIds(household, bankIds);
				List<ConfirmableOccurrences.Due> due = (from != null)
						? this.occurrences.between(household, from, to, MAX_DUE_OCCURRENCES) : List.of();
				List<ImportDedup.Verdict> verdicts = ImportDedup.classify(rows, existing, seen, due);
				return this.store.insert(
						household, new ImportStore.NewBatch(createdBy, upload.fileName(), read.format(),
								read.profileId(), upload.account(), read.mapping(), read.signature()),
						rows, verdicts, ruled.applied());
			});
		}
		finally {
			this.running.release();
		}
	}

	/** A CSV or TSV file through its mapping or profile. */
	private Read readCsv(int household, Upload upload) {
		Chosen chosen = choose(household, upload);
		ImportMapping mapping = chosen.mapping();
		if (mapping.account() == null && upload.account() == null) {
			throw new RequestValidationException(new ValidationIssue("missing", List.of("body", "account"),
					"Field required: the mapping has no account column, so name the upload's account", null, null));
		}
		Charset fallback = mapping.encoding();
		StatementText.Decoded text = StatementText.decode(upload.bytes(), fallback)
			.orElseThrow(() -> CsvStatement.unreadable("The file is not valid UTF-8" + (fallback.name().equals("UTF-8")
					? "; name its encoding in the mapping (e.g. windows-1255)" : " nor " + fallback.name())));
		CsvStatement.Parsed parsed = CsvStatement.parse(text.text(), mapping, upload.account(), this.maxRows);
		return new Read(parsed, (mapping.delimiter() == '\t') ? "tsv" : "csv", mapping.toJson().toString(),
				(chosen.profile() != null) ? chosen.profile().id() : null, CsvStatement.signature(parsed.header()));
	}

	/**
	 * An OFX/QFX, QIF or CAMT.053 file: it names its own fields; the upload may give
	 * hints.
	 */
	private Read readSelfDescribing(Upload upload) {
		StatementOptions options = upload.options();
		CsvStatement.Parsed parsed = switch (upload.format()) {
			case OFX -> OfxStatement.parse(upload.bytes(), upload.account(), options, this.maxRows);
			case QIF -> QifStatement.parse(upload.bytes(), upload.account(), options, this.maxRows);
			case CAMT053, CAMT052, CAMT054 ->
				CamtStatement.parse(upload.bytes(), upload.format(), upload.account(), options, this.maxRows);
			case CSV -> throw new IllegalStateException("CSV is read through a mapping");
		};
		return new Read(parsed, upload.format().code(), options.toJson(upload.format()).toString(), null, "");
	}

	/**
	 * The mapping of an upload: inline, a named profile, or the one profile whose header
	 * the file starts with.
	 */
	private Chosen choose(int household, Upload upload) {
		if (upload.mapping() != null) {
			return new Chosen(upload.mapping(), null);
		}
		if (upload.profileId() != null) {
			ImportStore.Profile profile = this.store.profile(household, upload.profileId())
				.orElseThrow(() -> new RequestValidationException(
						new ValidationIssue("value_error", List.of("body", "profile"),
								"Value error, this household has no such profile", upload.profileId(), null)));
			return new Chosen(mapping(profile), profile);
		}
		List<ImportStore.Profile> matching = new ArrayList<>();
		List<String> header = List.of();
		for (ImportStore.Profile profile : this.store.profiles(household)) {
			ImportMapping mapping = mapping(profile);
			if (!mapping.header()) {
				continue;
			}
			List<String> first = StatementText.decode(upload.bytes(), mapping.encoding())
				.map((decoded) -> CsvStatement.firstRow(decoded.text(), mapping.delimiter()))
				.orElse(List.of());
			if (header.isEmpty()) {
				header = first;
			}
			if (!first.isEmpty() && CsvStatement.signature(first).equals(profile.headerSignature())) {
				matching.add(profile);
			}
		}
		if (matching.size() == 1) {
			return new Chosen(mapping(matching.get(0)), matching.get(0));
		}
		String message = matching.isEmpty()
				? "Field required: no saved profile matches this file's header; send a mapping, or name a profile"
				: "Value error, several saved profiles match this file's header ("
						+ String.join(", ", matching.stream().map(ImportStore.Profile::name).toList())
						+ "); name one as profile";
		throw new RequestValidationException(new ValidationIssue(matching.isEmpty() ? "missing" : "value_error",
				List.of("body", matching.isEmpty() ? "mapping" : "profile"), message, null, null));
	}

	private ImportMapping mapping(ImportStore.Profile profile) {
		List<ValidationIssue> issues = new ArrayList<>();
		ImportMapping mapping = ImportMapping.read(this.json.readTree(profile.mapping()),
				List.of("profile", profile.id()), issues);
		if (mapping == null) {
			throw new RequestValidationException(issues);
		}
		return mapping;
	}

	List<ImportStore.Profile> profiles() {
		return this.store.profiles(readable());
	}

	ImportStore.Profile profile(int id) {
		return this.store.profile(readable(), id).orElseThrow(ImportService::profileNotFound);
	}

	/**
	 * Saves a mapping under a name, with the header that chooses it: given, or the header
	 * of an import.
	 */
	ImportStore.Profile createProfile(String name, ImportMapping mapping, List<String> header, Integer fromImport) {
		int household = writable();
		return this.transactions.execute((status) -> {
			this.store.lockProfiles(household);
			String signature;
			ImportMapping saved = mapping;
			if (fromImport != null) {
				ImportStore.Batch batch = this.store.batch(household, fromImport)
					.orElseThrow(() -> new RequestValidationException(
							new ValidationIssue("value_error", List.of("body", "import_id"),
									"Value error, this household has no such import", fromImport, null)));
				signature = batch.headerSignature();
				if (!"csv".equals(batch.format()) && !"tsv".equals(batch.format())) {
					throw new RequestValidationException(new ValidationIssue("value_error",
							List.of("body", "import_id"),
							"Value error, import " + fromImport + " is " + batch.format().toUpperCase(Locale.ROOT)
									+ ", which names its own columns; profiles are for CSV and TSV files",
							fromImport, null));
				}
				if (saved == null) {
					List<ValidationIssue> issues = new ArrayList<>();
					saved = ImportMapping.read(this.json.readTree(batch.mapping()), List.of("body", "import_id"),
							issues);
				}
			}
			else {
				signature = CsvStatement.signature(header);
			}
			if (this.store.countProfiles(household) >= ImportStore.MAX_PROFILES) {
				throw new ApiException(HttpStatus.CONFLICT,
						"A household keeps at most " + ImportStore.MAX_PROFILES + " import profiles; delete one first");
			}
			int id = this.store.insertProfile(household, name, signature, saved.toJson().toString())
				.orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "There is already a profile named " + name));
			return this.store.profile(household, id).orElseThrow();
		});
	}

	ImportStore.Profile replaceProfile(int id, String name, ImportMapping mapping, List<String> header,
			IfMatch ifMatch) {
		int household = writable();
		return this.transactions.execute((status) -> {
			ImportStore.Profile current = this.store.profile(household, id).orElseThrow(ImportService::profileNotFound);
			if (this.store.nameTaken(household, name, id)) {
				throw new ApiException(HttpStatus.CONFLICT, "There is already a profile named " + name);
			}
			String signature = (header != null) ? CsvStatement.signature(header) : current.headerSignature();
			if (!this.store.updateProfile(household, id, name, signature, mapping.toJson().toString(),
					ifMatch.constrainsVersion() ? ifMatch.versions() : null)) {
				throw new PreconditionFailedException(current.version());
			}
			return this.store.profile(household, id).orElseThrow();
		});
	}

	void deleteProfile(int id, IfMatch ifMatch) {
		int household = writable();
		this.transactions.executeWithoutResult((status) -> {
			ImportStore.Profile current = this.store.profile(household, id).orElseThrow(ImportService::profileNotFound);
			if (!this.store.deleteProfile(household, id, ifMatch.constrainsVersion() ? ifMatch.versions() : null)) {
				throw new PreconditionFailedException(current.version());
			}
		});
	}

	static ApiException profileNotFound() {
		return new ApiException(HttpStatus.NOT_FOUND, "Profile not found");
	}

	View view(int id, int after, int limit) {
		int household = readable();
		return this.transactions.execute((status) -> {
			ImportStore.Batch batch = this.store.batch(household, id).orElseThrow(ImportService::notFound);
			List<ImportStore.Row> rows = this.store.rows(id, after, limit + 1);
			Integer next = null;
			if (rows.size() > limit) {
				rows = rows.subList(0, limit);
				next = rows.get(limit - 1).line();
			}
			return new View(batch, rows, next);
		});
	}

	List<ImportStore.Batch> list(int limit) {
		return this.store.batches(readable(), limit);
	}

	ImportStore.Row decide(int id, int line, String decision, IfMatch ifMatch) {
		int household = writable();
		return this.transactions.execute((status) -> {
			ImportStore.Batch batch = this.store.lock(household, id).orElseThrow(ImportService::notFound);
			requirePreview(batch, "changed");
			ImportStore.Row row = this.store.row(id, line)
				.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Row not found"));
			if ("error".equals(row.status()) && "import".equals(decision)) {
				throw new RequestValidationException(new ValidationIssue("value_error", List.of("body", "decision"),
						"Value error, line " + line + " cannot be imported: " + row.reason(), decision, null));
			}
			if ("confirm".equals(decision) && !row.matchesOccurrence()) {
				throw new RequestValidationException(new ValidationIssue("value_error", List.of("body", "decision"),
						"Value error, line " + line + " matches no scheduled occurrence to confirm", decision, null));
			}
			return this.store.decide(id, line, decision, ifMatch.constrainsVersion() ? ifMatch.versions() : null)
				.orElseThrow(() -> new PreconditionFailedException(row.version()));
		});
	}

	ImportStore.Batch commit(int id) {
		int household = writable();
		return this.transactions.execute((status) -> {
			ImportStore.Batch batch = this.store.lock(household, id).orElseThrow(ImportService::notFound);
			requirePreview(batch, "committed");
			List<ImportStore.Row> rows = this.store.withDecision(id, "import");
			List<Integer> lines = new ArrayList<>(rows.size());
			String[] kinds = new String[rows.size()];
			for (int i = 0; i < rows.size(); i++) {
				lines.add(rows.get(i).line());
				kinds[i] = rows.get(i).kind();
			}
			List<Integer> ids;
			try {
				// all rows at once, in a savepoint: a refused one rolls back to it and
				// the rows are created again one by one, which names its line
				ids = this.nested.execute((savepoint) -> createAll(rows));
			}
			catch (RequestValidationException ex) {
				ids = rows.stream().map(this::create).toList();
			}
			this.store.recordEntries(id, lines, kinds, ids);
			int confirmed = confirmOccurrences(id);
			this.store.setStatus(id, "committed", rows.size() + confirmed);
			return this.store.batch(household, id).orElseThrow();
		});
	}

	/**
	 * Confirms the occurrence each row whose decision is confirm matches, through the
	 * schedule's own confirmation (so the schedule counts it posted and never posts it
	 * again): the schedule's category, notes and who paid, the row's date and amount. An
	 * occurrence handled since the preview, or a schedule deleted since, is a 409 naming
	 * the line, and nothing of the commit is written.
	 * @return how many entries were posted
	 */
	private int confirmOccurrences(int batch) {
		List<ImportStore.Row> rows = this.store.withDecision(batch, "confirm");
		List<Integer> lines = new ArrayList<>(rows.size());
		String[] kinds = new String[rows.size()];
		List<Integer> ids = new ArrayList<>(rows.size());
		for (ImportStore.Row row : rows) {
			if (row.matchScheduleId() == null) {
				throw new ApiException(HttpStatus.CONFLICT,
						"Line " + row.line() + ": the schedule it matched was deleted; flip the row to import or skip");
			}
			ConfirmableOccurrences.Posted posted;
			try {
				posted = this.occurrences.confirm(row.matchScheduleId(), row.matchOccurrence(), row.date(),
						row.amount());
			}
			catch (ApiException ex) {
				throw new ApiException(HttpStatus.CONFLICT,
						"Line " + row.line() + ": " + ex.detail() + "; flip the row to import or skip");
			}
			catch (RequestValidationException ex) {
				throw onLine(row, ex);
			}
			lines.add(row.line());
			kinds[ids.size()] = posted.entryKind();
			ids.add(posted.entryId());
		}
		this.store.recordEntries(batch, lines, kinds, ids);
		return ids.size();
	}

	/**
	 * Creates the rows' entries with a few statements for all of them (see
	 * {@link #create} for one); their ids in the rows' order.
	 */
	private List<Integer> createAll(List<ImportStore.Row> rows) {
		List<Integer> expenseRows = new ArrayList<>();
		List<EntryValues> expenseValues = new ArrayList<>();
		List<SplitRequest> expenseSplits = new ArrayList<>();
		List<Integer> incomeRows = new ArrayList<>();
		List<EntryValues> incomeValues = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			ImportStore.Row row = rows.get(i);
			if ("expense".equals(row.kind())) {
				expenseRows.add(i);
				expenseValues.add(values(row).put(EntryField.BUSINESS, row.business()).build());
				expenseSplits.add(split(row));
			}
			else {
				incomeRows.add(i);
				incomeValues.add(values(row).build());
			}
		}
		Integer[] ids = new Integer[rows.size()];
		List<Expense> expenses = this.expenseEntries.createAll(expenseValues, expenseSplits);
		for (int i = 0; i < expenses.size(); i++) {
			ids[expenseRows.get(i)] = expenses.get(i).id();
		}
		List<Income> incomes = this.incomes.createEach(incomeValues);
		for (int i = 0; i < incomes.size(); i++) {
			ids[incomeRows.get(i)] = incomes.get(i).id();
		}
		return List.of(ids);
	}

	private static EntryValues.Builder values(ImportStore.Row row) {
		return EntryValues.builder()
			.put(EntryField.DATE, row.date())
			.put(EntryField.CATEGORY, row.category())
			.put(EntryField.AMOUNT, row.amount())
			.put(EntryField.ACCOUNT, row.account())
			.put(EntryField.CURRENCY, row.currency())
			.put(EntryField.NOTES, row.notes());
	}

	/** Who paid and for whom where a rule said so, else the API's defaults. */
	private static SplitRequest split(ImportStore.Row row) {
		return (row.paidBy() != null || row.forWhom() != null)
				? new SplitRequest(row.paidBy() != null, row.paidBy(), row.forWhom() != null, row.forWhom(), null)
				: SplitRequest.NONE;
	}

	private int create(ImportStore.Row row) {
		try {
			if ("expense".equals(row.kind())) {
				return this.expenseEntries
					.create(values(row).put(EntryField.BUSINESS, row.business()).build(), split(row))
					.id();
			}
			return this.incomes.create(values(row).build()).id();
		}
		catch (RequestValidationException ex) {
			throw onLine(row, ex);
		}
	}

	/** The refusal of a row's entry, naming the line it came from. */
	private static RequestValidationException onLine(ImportStore.Row row, RequestValidationException ex) {
		List<ValidationIssue> issues = new ArrayList<>();
		for (ValidationIssue issue : ex.issues()) {
			List<Object> loc = new ArrayList<>(List.of("rows", row.line()));
			loc.addAll(issue.loc().subList(Math.min(1, issue.loc().size()), issue.loc().size()));
			issues.add(new ValidationIssue(issue.type(), loc, "Line " + row.line() + ": " + issue.msg(), issue.input(),
					issue.ctx()));
		}
		return new RequestValidationException(issues);
	}

	void discard(int id) {
		int household = writable();
		this.transactions.executeWithoutResult((status) -> {
			ImportStore.Batch batch = this.store.lock(household, id).orElseThrow(ImportService::notFound);
			requirePreview(batch, "discarded");
			this.store.deleteBatch(id);
		});
	}

	ImportStore.Batch revert(int id) {
		int household = writable();
		return this.transactions.execute((status) -> {
			ImportStore.Batch batch = this.store.lock(household, id).orElseThrow(ImportService::notFound);
			if (!"committed".equals(batch.status())) {
				throw new ApiException(HttpStatus.CONFLICT,
						"Import " + id + " is " + batch.status() + "; only a committed import can be reverted");
			}
			for (ImportStore.Row row : this.store.created(id)) {
				if ("confirm".equals(row.decision())) {
					// a confirmed occurrence stays posted, with its entry: the schedule
					// counts it paid and would not post it again
					continue;
				}
				try {
					if ("expense".equals(row.entryKind())) {
						this.expenses.delete(row.entryId(), IfMatch.ABSENT);
					}
					else {
						this.incomes.delete(row.entryId(), IfMatch.ABSENT);
					}
				}
				catch (ExpenseNotFoundException | IncomeNotFoundException ex) {
					// deleted by hand since: nothing left to undo
				}
			}
			this.store.setStatus(id, "reverted", batch.created());
			return this.store.batch(household, id).orElseThrow();
		});
	}

	private static void requirePreview(ImportStore.Batch batch, String verb) {
		if (!Objects.equals(batch.status(), "preview")) {
			throw new ApiException(HttpStatus.CONFLICT,
					"Import " + batch.id() + " is " + batch.status() + "; only a preview can be " + verb);
		}
	}

	static ApiException notFound() {
		return new ApiException(HttpStatus.NOT_FOUND, "Import not found");
	}

	private void acquire() {
		boolean acquired;
		try {
			acquired = this.running.tryAcquire(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
					"Other statement uploads are being read; please retry in a minute");
		}
	}

	int readable() {
		requirePostgresPrimary();
		return this.household.forReading();
	}

	int writable() {
		requirePostgresPrimary();
		return this.household.forWriting();
	}

	private void requirePostgresPrimary() {
		if (this.storage.phase().primary() != StorageBackend.POSTGRES) {
			throw Households.needsPostgresPrimary("Statement imports");
		}
	}

}
