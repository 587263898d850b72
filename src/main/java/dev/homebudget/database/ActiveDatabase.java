package dev.homebudget.database;

import java.nio.file.Path;

/**
 * The database this application uses.
 *
 * @param embedded whether it is the embedded server this application started
 * @param displayUrl {@code postgresql://user:password@host:port/database}, including the
 * password: mask it before showing it, never log it
 * @param dataDirectory the embedded server's data directory, {@code null} when external
 */
public record ActiveDatabase(boolean embedded, String displayUrl, Path dataDirectory) {

	@Override
	public String toString() {
		return "ActiveDatabase[embedded=" + this.embedded + ", dataDirectory=" + this.dataDirectory + "]";
	}

}
