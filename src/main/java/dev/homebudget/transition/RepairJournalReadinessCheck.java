package dev.homebudget.transition;

import dev.homebudget.ops.ReadinessCheck;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reports open repair journal entries (writes not confirmed in the mirror). They do not
 * make the app unready, since every request is answered from the primary, which holds
 * them; the count tells the operator to run {@code ./hbw repair}. A journal that cannot
 * be read does make it unready.
 */
@Component
@Order(10)
class RepairJournalReadinessCheck implements ReadinessCheck {

	private final StorageMirrors mirrors;

	RepairJournalReadinessCheck(StorageMirrors mirrors) {
		this.mirrors = mirrors;
	}

	@Override
	public String name() {
		return "repair_journal";
	}

	@Override
	public Result check() {
		if (!this.mirrors.mode().phase().hasMirror()) {
			return Result.ok();
		}
		long open = this.mirrors.journal().openCount();
		return (open == 0) ? Result.ok() : new Result(true, open + " open entries; run ./hbw repair");
	}

}
