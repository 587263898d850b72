package dev.homebudget.transition;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.config.StorageMode;
import dev.homebudget.config.StoragePhase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only view of the storage phase: which store is the truth, which is mirrored, where
 * each switch came from, and how many writes wait for {@code ./hbw repair}. Paths are
 * left out (they belong in the log, not in a response).
 */
@RestController
@Tag(name = "ops")
class StorageController {

	private final StorageMirrors mirrors;

	StorageController(StorageMirrors mirrors) {
		this.mirrors = mirrors;
	}

	/** The body of {@code GET /api/v1/storage}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record StorageView(String phase, String description, String primary, String mirror,
			@JsonProperty("use_database_storage_from") String primarySource,
			@JsonProperty("dual_write_from") String dualWriteSource,
			@JsonProperty("open_repair_entries") Long openRepairEntries,
			@JsonProperty("shadow_reads") Map<String, ShadowView> shadowReads) {
	}

	/** The read experiment of one kind of entry (P2, when enabled). */
	record ShadowView(int percent, long matched, long mismatched, long inconclusive, long failed,
			@JsonProperty("last_mismatch_ids") List<Integer> lastMismatchIds) {

		static ShadowView of(ShadowReads.Snapshot snapshot) {
			return new ShadowView(snapshot.percent(), snapshot.matched(), snapshot.mismatched(),
					snapshot.inconclusive(), snapshot.failed(), snapshot.lastMismatchIds());
		}

	}

	@GetMapping(path = "/api/v1/storage", produces = "application/json")
	@Operation(operationId = "storage",
			summary = "The storage phase (P0 JSON only, P1 dual-write JSON primary, P2 PostgreSQL primary with JSON "
					+ "mirror, P3 PostgreSQL only) and the open repair journal entries")
	StorageView show() {
		StorageMode mode = this.mirrors.mode();
		StoragePhase phase = mode.phase();
		Long open = null;
		if (phase.hasMirror()) {
			try {
				open = this.mirrors.journal().openCount();
			}
			catch (RuntimeException ex) {
				// the journal's database is down: the phase is still worth showing
			}
		}
		Map<String, ShadowView> shadows = new TreeMap<>();
		this.mirrors.shadows().forEach((entity, shadow) -> {
			if (shadow.enabled()) {
				shadows.put(entity, ShadowView.of(shadow.snapshot()));
			}
		});
		return new StorageView(phase.name(), phase.description(), phase.primary().name().toLowerCase(Locale.ROOT),
				phase.hasMirror() ? phase.mirror().name().toLowerCase(Locale.ROOT) : null, mode.primarySource(),
				mode.dualWriteSource(), open, shadows.isEmpty() ? null : shadows);
	}

}
