package dev.homebudget.shared;

/**
 * What every stored expense and income has: the id its store assigned.
 */
public interface StoredEntry {

	int id();

}
