package dev.homebudget.schedule;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The household's default split: each member's weight, stored as a JSON object of user id
 * to weight.
 */
@Component
class SplitSettings {

	private final ScheduleStore store;

	private final JsonMapper json;

	SplitSettings(ScheduleStore store, JsonMapper json) {
		this.store = store;
		this.json = json;
	}

	/** Member id to weight; empty for equal shares. */
	Map<Integer, BigDecimal> weights(int household) {
		return parse(this.store.settings(household).weights());
	}

	Map<Integer, BigDecimal> parse(String stored) {
		Map<Integer, BigDecimal> weights = new TreeMap<>();
		if (stored == null) {
			return weights;
		}
		JsonNode node = this.json.readTree(stored);
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			weights.put(Integer.valueOf(field.getKey()), field.getValue().decimalValue());
		}
		return weights;
	}

	String format(Map<Integer, BigDecimal> weights) {
		if (weights == null || weights.isEmpty()) {
			return null;
		}
		ObjectNode node = this.json.createObjectNode();
		new TreeMap<>(weights).forEach((user, weight) -> node.put(String.valueOf(user), weight));
		return this.json.writeValueAsString(node);
	}

}
