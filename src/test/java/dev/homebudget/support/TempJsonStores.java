package dev.homebudget.support;

import java.nio.file.Path;

import dev.homebudget.transition.JsonStore;

/**
 * The JSON stores of one test: a new directory for each empty store, the same one when
 * reopened, and the open store closed before the next one opens.
 */
public final class TempJsonStores {

	private JsonStore store;

	private int opened;

	/** A store on a new, empty directory below {@code parent}. */
	public JsonStore fresh(Path parent) {
		close();
		this.store = JsonStore.open(parent.resolve("store-" + (++this.opened)));
		return this.store;
	}

	/** The current store's directory, read again. */
	public JsonStore reopen() {
		Path directory = this.store.directory().path();
		close();
		this.store = JsonStore.open(directory);
		return this.store;
	}

	public JsonStore current() {
		return this.store;
	}

	public void close() {
		if (this.store != null) {
			this.store.close();
			this.store = null;
		}
	}

}
