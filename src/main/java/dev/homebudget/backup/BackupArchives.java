package dev.homebudget.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of backup archives and their checksum files, and retention. An archive is
 * {@code home-budget-<UTC time>[-<label>].tar} (for example
 * {@code home-budget-20251124T151800Z.tar}); beside it
 * {@code home-budget-20251124T151800Z.tar.sha256} holds its SHA-256 in {@code sha256sum}
 * format, so {@code sha256sum -c} can check it too. Only files named this way are ever
 * pruned.
 */
final class BackupArchives {

	static final String CHECKSUM_SUFFIX = ".sha256";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private static final Pattern NAME = Pattern
		.compile("home-budget-(?<stamp>\\d{8}T\\d{6}Z)(?:-(?<label>[a-z0-9-]+))?\\.tar");

	private static final Pattern LABEL = Pattern.compile("[a-z0-9-]{1,40}");

	private BackupArchives() {
	}

	/** A new archive's path in {@code directory}, not yet taken by another archive. */
	static Path newArchive(Path directory, Instant at, String label) {
		if (label != null && !LABEL.matcher(label).matches()) {
			throw new IllegalArgumentException("Not a backup label: " + label);
		}
		Instant second = at.truncatedTo(ChronoUnit.SECONDS);
		for (int attempt = 0;; attempt++) {
			String stamp = STAMP.format(LocalDateTime.ofInstant(second.plusSeconds(attempt), ZoneOffset.UTC));
			Path archive = directory.resolve("home-budget-" + stamp + ((label != null) ? "-" + label : "") + ".tar");
			if (!Files.exists(archive)) {
				return archive;
			}
		}
	}

	static Path checksumFile(Path archive) {
		return archive.resolveSibling(archive.getFileName() + CHECKSUM_SUFFIX);
	}

	/** When the archive was taken, from its name; empty for any other file. */
	static Optional<Instant> takenAt(Path file) {
		Matcher matcher = NAME.matcher(file.getFileName().toString());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDateTime.parse(matcher.group("stamp"), STAMP).toInstant(ZoneOffset.UTC));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** The archives in a directory, newest first. */
	static List<Path> list(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> takenAt(file).isPresent() && Files.isRegularFile(file))
				.sorted(Comparator.comparing((Path file) -> takenAt(file).orElseThrow())
					.thenComparing(Path::getFileName)
					.reversed())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + directory + ": " + ex.getMessage(), ex);
		}
	}

	/** The checksum recorded beside an archive, or {@code null} when there is none. */
	static String recordedChecksum(Path archive) throws IOException {
		Path file = checksumFile(archive);
		if (!Files.isRegularFile(file)) {
			return null;
		}
		String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
		int space = text.indexOf(' ');
		return ((space >= 0) ? text.substring(0, space) : text).toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * Keeps the newest archive of each of the last {@code keepDaily} days that have one,
	 * and of each of the last {@code keepWeekly} ISO weeks (days and weeks in UTC), and
	 * always the newest archive; deletes the other archives and their checksum files.
	 * Both zero keeps everything.
	 * @return the deleted archives
	 */
	static List<Path> prune(Path directory, int keepDaily, int keepWeekly) {
		List<Path> archives = list(directory);
		if ((keepDaily == 0 && keepWeekly == 0) || archives.isEmpty()) {
			return List.of();
		}
		Set<Path> keep = new HashSet<>();
		keep.add(archives.get(0));
		keepNewestPer(archives, keepDaily, (at) -> at.atOffset(ZoneOffset.UTC).toLocalDate().toString(), keep);
		keepNewestPer(archives, keepWeekly, (at) -> {
			var day = at.atOffset(ZoneOffset.UTC).toLocalDate();
			return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		}, keep);
		List<Path> deleted = new ArrayList<>();
		for (Path archive : archives) {
			if (!keep.contains(archive)) {
				try {
					Files.deleteIfExists(checksumFile(archive));
					Files.delete(archive);
					deleted.add(archive);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Could not delete old backup " + archive + ": " + ex.getMessage(),
							ex);
				}
			}
		}
		return deleted;
	}

	private static void keepNewestPer(List<Path> newestFirst, int periods,
			java.util.function.Function<Instant, String> period, Set<Path> keep) {
		Set<String> seen = new HashSet<>();
		for (Path archive : newestFirst) {
			if (seen.size() >= periods) {
				return;
			}
			if (seen.add(period.apply(takenAt(archive).orElseThrow()))) {
				keep.add(archive);
			}
		}
	}

}
