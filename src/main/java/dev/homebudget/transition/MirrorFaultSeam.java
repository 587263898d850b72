package dev.homebudget.transition;

import java.util.Collection;

/**
 * A test seam between the primary write and its mirror copy, where a crash is hardest to
 * notice. The application has no bean of this type; tests define one that throws (or
 * halts the JVM) to prove that such a crash leaves an open repair-journal entry.
 */
@FunctionalInterface
public interface MirrorFaultSeam {

	/** Called once the primary holds the write (P2: after commit) and before the copy. */
	void afterPrimaryWrite(String entity, String operation, Collection<Integer> ids);

}
