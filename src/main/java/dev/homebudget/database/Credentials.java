package dev.homebudget.database;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;

/**
 * The superuser password of an embedded cluster, kept in {@code <dataDir>.credentials}
 * (mode 600, owned by the JVM's user) so it survives restarts without being stored in
 * configuration.
 */
record Credentials(String username, String password) {

	static final String SUPERUSER = "postgres";

	private static final SecureRandom RANDOM = new SecureRandom();

	static Path fileFor(Path dataDirectory) {
		return FileTree.sibling(dataDirectory, ".credentials");
	}

	/** 32 random bytes, URL-safe Base64: 43 characters that never need quoting. */
	static Credentials generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new Credentials(SUPERUSER, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	static Credentials read(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file + ": " + ex.getMessage(), ex);
		}
		String password = properties.getProperty("password");
		if (password == null || password.isBlank()) {
			throw new EmbeddedPostgresException("The credentials file " + file + " has no password entry");
		}
		return new Credentials(properties.getProperty("username", SUPERUSER), password);
	}

	/** Writes the file atomically, readable only by its owner from the first byte on. */
	void write(Path file) {
		Properties properties = new Properties();
		properties.setProperty("username", this.username);
		properties.setProperty("password", this.password);
		Path temporary = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			Files.createFile(temporary, PosixFilePermissions.asFileAttribute(FileTree.RW_ONLY_OWNER));
			StringWriter text = new StringWriter();
			properties.store(text,
					"Embedded PostgreSQL superuser of "
							+ file.resolveSibling(file.getFileName().toString().replaceFirst("\\.credentials$", ""))
							+ " - keep this file private");
			try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
				writer.write(text.toString());
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file + ": " + ex.getMessage(), ex);
		}
		finally {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (IOException ex) {
				// Only a leftover temporary file; the real one is already in place.
			}
		}
	}

	@Override
	public String toString() {
		return "Credentials[username=" + this.username + ", password=******]";
	}

}
