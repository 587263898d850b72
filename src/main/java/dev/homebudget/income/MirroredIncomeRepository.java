package dev.homebudget.income;

import dev.homebudget.transition.EntryMirror;
import dev.homebudget.transition.MirroredEntries;
import dev.homebudget.transition.ShadowReads;

/**
 * P2 for incomes: PostgreSQL primary, JSON file mirror (see {@link MirroredEntries}).
 */
class MirroredIncomeRepository extends MirroredEntries<Income, IncomeDraft> implements IncomeRepository {

	MirroredIncomeRepository(IncomeRepository primary, EntryMirror mirror, JsonFileIncomeRepository mirrorReads,
			ShadowReads shadow) {
		super(primary, mirror, mirrorReads, shadow, JsonFileIncomeRepository.MAPPING);
	}

}
