package dev.homebudget.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupArchivesTests {

	@TempDir
	Path directory;

	private Path archive(String stamp) throws Exception {
		Path archive = this.directory.resolve("home-budget-" + stamp + ".tar");
		Files.writeString(archive, "x");
		Files.writeString(BackupArchives.checksumFile(archive), "y");
		return archive;
	}

	@Test
	void shouldKeepTheNewestArchivePerDayAndPerIsoWeek() throws Exception {
		// 2025-11-24 is a Monday (ISO week 48)
		List<String> stamps = List.of("20251124T010000Z", "20251124T120000Z", "20251124T230000Z", "20251123T030000Z",
				"20251122T030000Z", "20251120T030000Z", "20251116T030000Z", "20251110T030000Z", "20251103T030000Z",
				"20251027T030000Z");
		for (String stamp : stamps) {
			archive(stamp);
		}
		Files.writeString(this.directory.resolve("notes.txt"), "not a backup");
		Files.writeString(this.directory.resolve("home-budget-latest.tar"), "not named by time");
		assertThat(BackupArchives.list(this.directory)).hasSize(10)
			.first()
			.isEqualTo(this.directory.resolve("home-budget-20251124T230000Z.tar"));

		List<Path> deleted = BackupArchives.prune(this.directory, 3, 4);

		assertThat(BackupArchives.list(this.directory)).extracting((path) -> path.getFileName().toString())
			.containsExactly("home-budget-20251124T230000Z.tar", "home-budget-20251123T030000Z.tar",
					"home-budget-20251122T030000Z.tar", "home-budget-20251116T030000Z.tar",
					"home-budget-20251103T030000Z.tar");
		assertThat(deleted).hasSize(5);
		assertThat(deleted).allMatch((path) -> !Files.exists(BackupArchives.checksumFile(path)));
		assertThat(this.directory.resolve("notes.txt")).exists();
		assertThat(this.directory.resolve("home-budget-latest.tar")).exists();
		assertThat(BackupArchives.checksumFile(this.directory.resolve("home-budget-20251116T030000Z.tar"))).exists();
	}

	@Test
	void shouldKeepEverythingWithZeroAndAlwaysTheNewest() throws Exception {
		archive("20251124T010000Z");
		archive("20251001T010000Z");
		assertThat(BackupArchives.prune(this.directory, 0, 0)).isEmpty();
		assertThat(BackupArchives.prune(this.directory, 0, 1)).extracting((path) -> path.getFileName().toString())
			.containsExactly("home-budget-20251001T010000Z.tar");
		assertThat(BackupArchives.list(this.directory)).hasSize(1);
		assertThat(BackupArchives.prune(this.directory.resolve("none"), 1, 1)).isEmpty();
	}

	@Test
	void shouldNameArchivesByUtcTimeWithoutOverwriting() throws Exception {
		Instant at = Instant.parse("2025-11-24T15:18:00.750Z");
		Path first = BackupArchives.newArchive(this.directory, at, null);
		assertThat(first.getFileName().toString()).isEqualTo("home-budget-20251124T151800Z.tar");
		Files.writeString(first, "taken");
		assertThat(BackupArchives.newArchive(this.directory, at, "before-v5").getFileName().toString())
			.isEqualTo("home-budget-20251124T151800Z-before-v5.tar");
		assertThat(BackupArchives.newArchive(this.directory, at, null).getFileName().toString())
			.isEqualTo("home-budget-20251124T151801Z.tar");
		assertThat(BackupArchives.takenAt(this.directory.resolve("home-budget-20251124T151800Z-before-v5.tar")))
			.contains(Instant.parse("2025-11-24T15:18:00Z"));
		assertThat(BackupArchives.takenAt(this.directory.resolve("home-budget-20251399T151800Z.tar"))).isEmpty();
		assertThatThrownBy(() -> BackupArchives.newArchive(this.directory, at, "../x"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldReadASha256sumLine() throws Exception {
		Path archive = this.directory.resolve("home-budget-20251124T151800Z.tar");
		assertThat(BackupArchives.recordedChecksum(archive)).isNull();
		Files.writeString(BackupArchives.checksumFile(archive), "ABCDEF  home-budget-20251124T151800Z.tar\n");
		assertThat(BackupArchives.recordedChecksum(archive)).isEqualTo("abcdef");
	}

}
