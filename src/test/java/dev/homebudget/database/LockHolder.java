package dev.homebudget.database;

import java.nio.file.Path;

/**
 * Holds a data directory lock in a separate JVM until its standard input closes, to test
 * what a second process sees.
 */
final class LockHolder {

	private LockHolder() {
	}

	public static void main(String[] args) throws Exception {
		try (DataDirectoryLock lock = DataDirectoryLock.acquire(Path.of(args[0]))) {
			System.out.println("locked");
			System.out.flush();
			while (System.in.read() != -1) {
				// Wait for the test to let go.
			}
		}
	}

}
