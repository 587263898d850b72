package dev.homebudget.transition;

import java.nio.file.Files;
import java.util.Optional;

import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StorageProperties;
import dev.homebudget.ops.ReadinessCheck;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The JSON files can be written, in the phases that use them: the directory is there and
 * each file (and, in P1, the repair journal) can be written. In P0 and P1, where the
 * files are the truth, a failed write (a full disk) makes the app unready; the condition
 * is then checked anew on every call (a file as large as the one that did not fit is
 * written and removed, a line is added to the journal and cut back), so the app is ready
 * again as soon as there is room, not only after a write of that same file succeeded. In
 * P2 the failure is the mirror's, and the repair journal keeps it. The reason never names
 * a path.
 */
@Component
@Order(11)
class JsonStoreReadinessCheck implements ReadinessCheck {

	private final StorageMode mode;

	private final ObjectProvider<JsonStore> jsonStore;

	private final RepairJournal journal;

	JsonStoreReadinessCheck(StorageMode mode, ObjectProvider<JsonStore> jsonStore, RepairJournal journal) {
		this.mode = mode;
		this.jsonStore = jsonStore;
		this.journal = journal;
	}

	@Override
	public String name() {
		return "json_store";
	}

	@Override
	public Result check() {
		if (!this.mode.phase().usesJson()) {
			return Result.ok();
		}
		JsonStore store = this.jsonStore.getObject();
		if (!Files.isDirectory(store.directory().path())) {
			return Result.down("the JSON directory is missing");
		}
		if (this.mode.phase().primary() == StorageProperties.StorageBackend.JSON) {
			for (LedgerFile file : LedgerFile.values()) {
				Optional<JsonLedger<?>> ledger = store.existingLedger(file);
				if (ledger.isPresent() && !ledger.get().writable()) {
					return Result
						.down("the last write of " + file.fileName() + " failed and it still cannot be written");
				}
			}
			if (!this.journal.writable()) {
				return Result.down("the repair journal cannot be written");
			}
		}
		return Result.ok();
	}

}
