package dev.homebudget.ops;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Just enough of the Prometheus text format to read sample lines and metric names. */
final class PrometheusText {

	private PrometheusText() {
	}

	static List<String> samples(String body) {
		return Arrays.stream(body.split("\n")).filter((line) -> !line.isBlank() && !line.startsWith("#")).toList();
	}

	static Set<String> names(String body) {
		Set<String> names = new TreeSet<>();
		for (String line : samples(body)) {
			names.add(line.split("[{ ]", 2)[0]);
		}
		return names;
	}

}
