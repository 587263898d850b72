package dev.homebudget.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where the cluster really lives. Normally that is the configured data directory.
 * When the JVM runs as root and the PostgreSQL account cannot traverse one of its
 * ancestors (a checkout under {@code /root}, a {@code mktemp -d} directory), the cluster
 * goes below a reachable directory instead and the configured path becomes a symbolic
 * link to it. The user's directories are never chmod-ed.
 *
 * @param configured the configured data directory (absolute)
 * @param cluster the directory PostgreSQL actually uses
 */
record ClusterPlacement(Path configured, Path cluster) {

	private static final Logger logger = LoggerFactory.getLogger(ClusterPlacement.class);

	boolean relocated() {
		return !this.configured.equals(this.cluster);
	}

	static ClusterPlacement resolve(Path configured, OsAccount account, Path relocatedClusters) {
		if (Files.isSymbolicLink(configured)) {
			return followLink(configured, account);
		}
		if (account == null) {
			return new ClusterPlacement(configured, configured);
		}
		Path blocker = account.firstUntraversable(configured.getParent());
		if (blocker == null) {
			return new ClusterPlacement(configured, configured);
		}
		return relocate(configured, account, relocatedClusters, blocker);
	}

	private static ClusterPlacement followLink(Path configured, OsAccount account) {
		try {
			Path target = configured.getParent().resolve(Files.readSymbolicLink(configured)).normalize();
			if (account != null) {
				Path blocker = account.firstUntraversable(target.getParent());
				if (blocker != null) {
					throw new EmbeddedPostgresException("The data directory " + configured + " links to " + target
							+ ", but OS account '" + account.name() + "' cannot traverse " + blocker
							+ "; point the link somewhere the account can reach");
				}
			}
			return new ClusterPlacement(configured, target);
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresException("Could not read the link " + configured + ": " + ex.getMessage(), ex);
		}
	}

	private static ClusterPlacement relocate(Path configured, OsAccount account, Path relocatedClusters, Path blocker) {
		if (Files.exists(configured, LinkOption.NOFOLLOW_LINKS)) {
			if (!Files.isDirectory(configured, LinkOption.NOFOLLOW_LINKS) || !FileTree.isEmptyDirectory(configured)) {
				throw new EmbeddedPostgresException(
						"The data directory " + configured + " is not reachable for OS account '" + account.name()
								+ "' (it cannot traverse " + blocker + ") and is not empty, so it cannot be "
								+ "moved aside. Move it to a directory every user can traverse and set BUDGET_DATA_DIR "
								+ "there, or set budget.database.embedded.os-user to an account that can reach it.");
			}
		}
		Path cluster = relocatedClusters.resolve(configured.getFileName() + "-" + shortHash(configured));
		FileTree.createDirectories(relocatedClusters);
		Path relocatedBlocker = account.firstUntraversable(relocatedClusters);
		if (relocatedBlocker != null) {
			throw new EmbeddedPostgresException("The data directory " + configured
					+ " is not reachable for OS account '" + account.name() + "' (it cannot traverse " + blocker
					+ "), and neither is the fallback location " + relocatedClusters + " (because of "
					+ relocatedBlocker + "). Set BUDGET_DATA_DIR to a directory " + "every user can traverse.");
		}
		try {
			// An empty directory is ours to replace: nothing in it can be lost.
			Files.deleteIfExists(configured);
			Files.createSymbolicLink(configured, cluster);
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresException(
					"Could not link " + configured + " to " + cluster + ": " + ex.getMessage(), ex);
		}
		logger.warn(
				"Data directory {} is not reachable for OS account '{}' ({} is not traversable for it), "
						+ "so the PostgreSQL cluster lives in {} and {} is a symbolic link to it; "
						+ "no permissions of your directories were changed",
				configured, account.name(), blocker, cluster, configured);
		return new ClusterPlacement(configured, cluster);
	}

	/** First 12 hex digits of the SHA-256 of the absolute configured path. */
	static String shortHash(Path configured) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(configured.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
