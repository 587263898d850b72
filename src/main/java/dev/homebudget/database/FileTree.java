package dev.homebudget.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Set;
import java.util.stream.Stream;

/**
 * File system helpers that set permissions explicitly instead of trusting the umask: the
 * unprivileged PostgreSQL account must be able to traverse what we create.
 */
final class FileTree {

	static final Set<PosixFilePermission> RWXR_XR_X = PosixFilePermissions.fromString("rwxr-xr-x");

	static final Set<PosixFilePermission> RWX_ONLY_OWNER = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> RW_ONLY_OWNER = PosixFilePermissions.fromString("rw-------");

	private FileTree() {
	}

	/**
	 * Creates the missing directories of {@code directory}, each with mode 755. Existing
	 * directories are left exactly as they are.
	 */
	static void createDirectories(Path directory) {
		Deque<Path> missing = new ArrayDeque<>();
		for (Path current = directory.toAbsolutePath().normalize(); current != null
				&& !Files.exists(current, LinkOption.NOFOLLOW_LINKS); current = current.getParent()) {
			missing.push(current);
		}
		for (Path path : missing) {
			try {
				Files.createDirectory(path);
				Files.setPosixFilePermissions(path, RWXR_XR_X);
			}
			catch (java.nio.file.FileAlreadyExistsException ex) {
				// Created concurrently by someone else: fine, we only need it to exist.
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not create directory " + path + ": " + ex.getMessage(), ex);
			}
		}
	}

	static boolean isEmptyDirectory(Path directory) {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + directory + ": " + ex.getMessage(), ex);
		}
	}

	/** Deletes a tree without following symbolic links out of it. */
	static void deleteRecursively(Path root) {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + root + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The path with a suffix added to its last element, e.g. {@code data/postgres.lock}.
	 */
	static Path sibling(Path path, String suffix) {
		return path.resolveSibling(path.getFileName() + suffix);
	}

}
