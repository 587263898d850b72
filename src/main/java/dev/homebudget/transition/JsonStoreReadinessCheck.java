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
 * the latest write of each file succeeded. In P0 and P1, where the files are the truth, a
 * failed write (a full disk) makes the app unready until a write succeeds again; in P2
 * the failure is the mirror's, and the repair journal keeps it. The reason never names a
 * path.
 */
@Component
@Order(11)
class JsonStoreReadinessCheck implements ReadinessCheck {

	private final StorageMode mode;

	private final ObjectProvider<JsonStore> jsonStore;

	JsonStoreReadinessCheck(StorageMode mode, ObjectProvider<JsonStore> jsonStore) {
		this.mode = mode;
		this.jsonStore = jsonStore;
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
				if (ledger.isPresent() && ledger.get().lastWriteFailure() != null) {
					return Result.down("the last write of " + file.fileName() + " failed");
				}
			}
		}
		return Result.ok();
	}

}
