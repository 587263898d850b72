package dev.homebudget.database;

import java.util.Map;

/**
 * Transaction-local PostgreSQL settings every read-write transaction starts with (who
 * writes, from where, in which request), for triggers to read with
 * {@code current_setting(name, true)}. A port: the module that knows the caller (history)
 * implements it; infrastructure knows nothing of users.
 */
public interface TransactionSettings {

	/**
	 * The settings for a read-write transaction beginning on this thread; empty for none
	 * (then no statement is sent).
	 */
	Map<String, String> forWriteTransaction();

}
