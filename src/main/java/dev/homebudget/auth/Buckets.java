package dev.homebudget.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;

/**
 * Bucket4j buckets by key (a username, an address, a user id), held in memory. The map
 * forgets its least recently used keys beyond {@code capacity}, so that a caller making
 * up names cannot grow it without bound; a forgotten key starts with a full bucket.
 */
final class Buckets {

	private final Map<String, Bucket> buckets;

	private final Supplier<Bucket> factory;

	Buckets(int capacity, Supplier<Bucket> factory) {
		this.factory = factory;
		this.buckets = new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > capacity;
			}

		};
	}

	synchronized Bucket get(String key) {
		return this.buckets.computeIfAbsent(key, (k) -> this.factory.get());
	}

	synchronized Bucket peek(String key) {
		return this.buckets.get(key);
	}

}
