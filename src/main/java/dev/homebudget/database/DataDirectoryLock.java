package dev.homebudget.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on {@code <dataDir>.lock}, held for as long as a launcher owns the
 * cluster. The operating system drops it when the process dies, so a killed application
 * never leaves a lock behind.
 */
final class DataDirectoryLock implements AutoCloseable {

	/**
	 * Lock files held by this JVM. POSIX locks belong to the process, and closing any
	 * descriptor of the file would release them, so a second launcher in the same JVM
	 * must not even open the file.
	 */
	private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

	private final Path file;

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
		this.file = file;
		this.channel = channel;
		this.lock = lock;
	}

	static Path lockFileFor(Path dataDirectory) {
		return FileTree.sibling(dataDirectory, ".lock");
	}

	static DataDirectoryLock acquire(Path dataDirectory) {
		Path file = lockFileFor(dataDirectory);
		if (!HELD.add(file)) {
			throw inUse(dataDirectory, ProcessHandle.current().pid());
		}
		FileChannel channel = null;
		try {
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				throw inUse(dataDirectory, readPid(channel));
			}
			channel.truncate(0);
			channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
					0);
			channel.force(false);
			return new DataDirectoryLock(file, channel, lock);
		}
		catch (IOException | RuntimeException ex) {
			HELD.remove(file);
			closeQuietly(channel);
			if (ex instanceof EmbeddedPostgresException embedded) {
				throw embedded;
			}
			throw new EmbeddedPostgresException("Could not lock " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static EmbeddedPostgresException inUse(Path dataDirectory, Object pid) {
		return new EmbeddedPostgresException(
				"Data directory " + dataDirectory + " is in use by another Home Budget Web process (pid " + pid
						+ "). Stop it first or set BUDGET_DATA_DIR to another directory.");
	}

	private static String readPid(FileChannel channel) {
		try {
			ByteBuffer buffer = ByteBuffer.allocate(32);
			channel.read(buffer, 0);
			String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
			return text.matches("\\d+") ? text : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/**
	 * Releases the lock. The file stays: deleting it would let a process that already
	 * opened the old file and one that creates a new file both believe they own the
	 * cluster.
	 */
	@Override
	public void close() {
		try {
			if (this.lock.isValid()) {
				this.lock.release();
			}
		}
		catch (IOException ex) {
			// Closing the channel below releases the lock anyway.
		}
		finally {
			closeQuietly(this.channel);
			HELD.remove(this.file);
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// Nothing useful to do: the descriptor is gone either way.
			}
		}
	}

}
