package dev.homebudget.database;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An exclusive lock on {@code <dataDir>.lock}, held for as long as a launcher owns the
 * cluster.
 */
final class DataDirectoryLock implements AutoCloseable {

	private final ProcessFileLock lock;

	private DataDirectoryLock(ProcessFileLock lock) {
		this.lock = lock;
	}

	static Path lockFileFor(Path dataDirectory) {
		return FileTree.sibling(dataDirectory, ".lock");
	}

	static DataDirectoryLock acquire(Path dataDirectory) {
		Path file = lockFileFor(dataDirectory);
		try {
			return new DataDirectoryLock(ProcessFileLock.acquire(file));
		}
		catch (ProcessFileLock.HeldElsewhere ex) {
			throw new EmbeddedPostgresException(
					"Data directory " + dataDirectory + " is in use by another Home Budget Web process (pid "
							+ ex.holderPid() + "). Stop it first or set BUDGET_DATA_DIR to another directory.");
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresException("Could not lock " + file + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		this.lock.close();
	}

}
