package dev.homebudget.transition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Copies the primary store's current state of some records to the mirror: a record that
 * exists is written under its id, one that does not is deleted. Copying the current
 * state, rather than replaying the operation, makes a copy idempotent and independent of
 * order: two copies of the same id that run in either order, or a repair that runs a copy
 * again, all end with the mirror equal to the primary.
 */
@FunctionalInterface
public interface MirrorCopier {

	void copy(Collection<Integer> ids);

	/**
	 * A copier from a feature's repository methods.
	 * @param read the existing rows among the ids, from the primary
	 * @param id the id of a row
	 * @param put stores rows under their ids in the mirror
	 * @param delete deletes ids from the mirror
	 */
	static <T> MirrorCopier of(Function<Collection<Integer>, List<T>> read, ToIntFunction<T> id,
			Consumer<Collection<T>> put, Consumer<Collection<Integer>> delete) {
		return replacing(read, id, (present, absent) -> {
			if (!present.isEmpty()) {
				put.accept(present);
			}
			if (!absent.isEmpty()) {
				delete.accept(absent);
			}
		});
	}

	/**
	 * A copier that hands the present rows and the absent ids to the mirror in one call
	 * (the JSON mirror: one replacement of the file for both).
	 * @param read the existing rows among the ids, from the primary
	 * @param id the id of a row
	 * @param replace stores the present rows and deletes the absent ids in the mirror
	 */
	static <T> MirrorCopier replacing(Function<Collection<Integer>, List<T>> read, ToIntFunction<T> id,
			BiConsumer<Collection<T>, Collection<Integer>> replace) {
		return (ids) -> {
			List<T> present = read.apply(ids);
			Set<Integer> absent = new LinkedHashSet<>(ids);
			present.forEach((row) -> absent.remove(id.applyAsInt(row)));
			replace.accept(present, new ArrayList<>(absent));
		};
	}

}
