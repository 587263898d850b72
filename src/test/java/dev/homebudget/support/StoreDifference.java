package dev.homebudget.support;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.homebudget.transition.JsonEntry;

/** The ids whose record differs between two stores (missing on one side, or changed). */
public record StoreDifference(int compared, Set<Integer> ids) {

	public static StoreDifference of(Map<Integer, JsonEntry> left, Map<Integer, JsonEntry> right) {
		Set<Integer> all = new TreeSet<>(left.keySet());
		all.addAll(right.keySet());
		Set<Integer> differing = new TreeSet<>();
		for (Integer id : all) {
			if (!Objects.equals(left.get(id), right.get(id))) {
				differing.add(id);
			}
		}
		return new StoreDifference(all.size(), differing);
	}

	@Override
	public String toString() {
		return this.ids.size() + " mismatches over " + this.compared + (this.ids.isEmpty() ? "" : ": " + this.ids);
	}

}
