package dev.homebudget.transition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.homebudget.database.ProcessFileLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory holding the original's JSON files, owned by one process at a time.
 * <p>
 * A file is replaced atomically: the new content goes to a temporary file in the same
 * directory, is flushed to disk, renamed over the target, and the directory entry is
 * flushed too. A crash at any moment leaves either the old or the new file, never a
 * truncated one; a temporary file left by a crash is removed when the directory is next
 * opened.
 */
public final class JsonDirectory implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(JsonDirectory.class);

	static final String LOCK_FILE = ".home-budget-web.lock";

	private static final String TEMP_SUFFIX = ".tmp";

	private static final String DIRECTORY_ACTION = "Set budget.storage.json-directory (BUDGET_STORAGE_JSON_DIRECTORY) "
			+ "to a directory this process can write, holding expenses.json and incomes.json.";

	private final Path directory;

	private final ProcessFileLock lock;

	private JsonDirectory(Path directory, ProcessFileLock lock) {
		this.directory = directory;
		this.lock = lock;
	}

	/**
	 * Takes the directory (creating it when missing) and removes temporary files a crash
	 * left behind.
	 * @throws JsonStoreException when another process holds it or it cannot be used
	 */
	public static JsonDirectory open(Path directory) {
		Path absolute = directory.toAbsolutePath().normalize();
		try {
			Files.createDirectories(absolute);
		}
		catch (IOException ex) {
			throw new JsonStoreException(absolute, "cannot create the JSON directory (" + describe(ex) + ")",
					DIRECTORY_ACTION, ex);
		}
		ProcessFileLock lock;
		try {
			lock = ProcessFileLock.acquire(absolute.resolve(LOCK_FILE));
		}
		catch (ProcessFileLock.HeldElsewhere ex) {
			throw new JsonStoreException(absolute,
					"the JSON directory is in use by another Home Budget Web process (pid " + ex.holderPid()
							+ "); stop it first",
					"Stop the other process (a running app, or a command such as ./hbw repair) and try again; two "
							+ "processes writing the same JSON files would overwrite each other's changes.",
					null);
		}
		catch (IOException ex) {
			throw new JsonStoreException(absolute, "cannot lock the JSON directory (" + describe(ex) + ")",
					DIRECTORY_ACTION, ex);
		}
		JsonDirectory opened = new JsonDirectory(absolute, lock);
		opened.removeLeftoverTempFiles();
		return opened;
	}

	public Path path() {
		return this.directory;
	}

	public Path fileOf(LedgerFile ledger) {
		return this.directory.resolve(ledger.fileName());
	}

	/** The file's bytes, or empty when the file does not exist. */
	public Optional<byte[]> read(LedgerFile ledger) {
		return readFile(fileOf(ledger));
	}

	/**
	 * The file's bytes without taking the directory, for readers that must work while an
	 * app owns it (the reconciler during dual-write). Every write replaces the file by an
	 * atomic rename, so the bytes are always one complete version of it. Empty when the
	 * file does not exist.
	 */
	public static Optional<byte[]> readSnapshot(Path directory, LedgerFile ledger) {
		return readFile(directory.toAbsolutePath().normalize().resolve(ledger.fileName()));
	}

	private static Optional<byte[]> readFile(Path file) {
		try {
			return Optional.of(Files.readAllBytes(file));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new JsonStoreException(file, "cannot be read (" + describe(ex) + ")", ex);
		}
	}

	/** Replaces the file's content atomically and durably. */
	public void replace(LedgerFile ledger, byte[] content) {
		replaceNamed(ledger.fileName(), content);
	}

	/**
	 * Makes the JSON stores opened on this directory load their rows above this version
	 * (see {@link VersionFloor}): for files written from another store, whose ETags
	 * clients may hold.
	 */
	public void keepVersionsAbove(int version) {
		VersionFloor.open(this).reserve(version);
	}

	/** A file of the app's own in the directory (not one of the original's), if any. */
	Optional<byte[]> readNamed(String fileName) {
		return readFile(this.directory.resolve(fileName));
	}

	/**
	 * Replaces a file in the directory atomically and durably: a temporary file, forced
	 * to disk, renamed over the target, the directory forced too.
	 */
	void replaceNamed(String fileName, byte[] content) {
		Path target = this.directory.resolve(fileName);
		Path temp = this.directory.resolve("." + fileName.replaceFirst("^\\.", "") + "." + ProcessHandle.current().pid()
				+ "." + System.nanoTime() + TEMP_SUFFIX);
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			moveAtomically(temp, target);
			syncDirectory();
		}
		catch (IOException ex) {
			deleteQuietly(temp);
			throw new JsonStoreException(target, "could not be written (" + describe(ex) + "); the file is unchanged",
					ex);
		}
	}

	/**
	 * Whether a file of this size can be written into the directory now: a temporary file
	 * of that many bytes is written, forced to disk and removed (a readiness probe after
	 * a failed write, so it costs nothing while writes succeed).
	 */
	boolean canWrite(String fileName, int size) {
		Path target = this.directory.resolve(fileName);
		if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
				&& !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
			// something else in the way of the rename
			return false;
		}
		Path probe = this.directory.resolve(
				"." + fileName + ".probe." + ProcessHandle.current().pid() + "." + System.nanoTime() + TEMP_SUFFIX);
		try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
			long left = size;
			while (left > 0) {
				chunk.clear().limit((int) Math.min(chunk.capacity(), left));
				while (chunk.hasRemaining()) {
					left -= channel.write(chunk);
				}
			}
			channel.force(false);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		finally {
			deleteQuietly(probe);
		}
	}

	private static void moveAtomically(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException("the file system cannot rename atomically", ex);
		}
	}

	/** Makes the rename itself durable: the new directory entry reaches the disk. */
	private void syncDirectory() throws IOException {
		try (FileChannel channel = FileChannel.open(this.directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	private void removeLeftoverTempFiles() {
		List<Path> leftovers = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(this.directory, ".*" + TEMP_SUFFIX)) {
			stream.forEach(leftovers::add);
		}
		catch (IOException ex) {
			throw new JsonStoreException(this.directory, "cannot be listed (" + describe(ex) + ")", ex);
		}
		for (Path leftover : leftovers) {
			logger.warn("Removing {} left by an interrupted write; the JSON file it was meant to replace is intact",
					leftover);
			deleteQuietly(leftover);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Could not remove temporary file {}: {}", file, describe(ex));
		}
	}

	private static String describe(IOException ex) {
		String message = ex.getMessage();
		String kind = ex.getClass().getSimpleName().replace("Exception", "");
		return (message == null) ? kind : kind + ": " + message;
	}

	@Override
	public void close() {
		this.lock.close();
	}

}
