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
 * An exclusive operating-system lock on a file, held by this process for as long as it
 * owns what the file guards (a database cluster, a JSON directory). The file records the
 * holder's pid. The operating system drops the lock when the process dies, so a killed
 * application never leaves a lock behind.
 */
public final class ProcessFileLock implements AutoCloseable {

	/**
	 * Lock files held by this JVM. POSIX locks belong to the process, and closing any
	 * descriptor of the file would release them, so a second owner in the same JVM must
	 * not even open the file.
	 */
	private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

	private final Path file;

	private final FileChannel channel;

	private final FileLock lock;

	private ProcessFileLock(Path file, FileChannel channel, FileLock lock) {
		this.file = file;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Takes the lock.
	 * @throws HeldElsewhere when another process (or another owner in this JVM) holds it
	 * @throws IOException when the file cannot be opened or locked
	 */
	public static ProcessFileLock acquire(Path file) throws IOException, HeldElsewhere {
		Path key = file.toAbsolutePath().normalize();
		if (!HELD.add(key)) {
			throw new HeldElsewhere(Long.toString(ProcessHandle.current().pid()));
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
				throw new HeldElsewhere(readPid(channel));
			}
			channel.truncate(0);
			channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
					0);
			channel.force(false);
			return new ProcessFileLock(key, channel, lock);
		}
		catch (IOException | HeldElsewhere | RuntimeException ex) {
			HELD.remove(key);
			closeQuietly(channel);
			throw ex;
		}
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
	 * opened the old file and one that creates a new file both believe they own it.
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

	/** The lock is held by another process; {@link #holderPid()} names it when known. */
	public static final class HeldElsewhere extends Exception {

		private final String holderPid;

		HeldElsewhere(String holderPid) {
			super("held by pid " + holderPid, null, false, false);
			this.holderPid = holderPid;
		}

		public String holderPid() {
			return this.holderPid;
		}

	}

}
