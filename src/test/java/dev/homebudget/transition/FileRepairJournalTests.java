package dev.homebudget.transition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FileRepairJournalTests {

	@TempDir
	Path temp;

	@Test
	void keepsOpenEntriesAcrossARestartAndCompactsResolvedOnes() throws IOException {
		try (JsonDirectory directory = JsonDirectory.open(this.temp);
				FileRepairJournal journal = FileRepairJournal.open(directory)) {
			RepairJournal.Entry created = journal.open("expense", "create", List.of(7));
			RepairJournal.Entry deleted = journal.open("income", "bulk_delete", List.of(1, 2));
			journal.fail(deleted, "database_unavailable");
			journal.resolve(created, StorageMirrors.MIRRORED);
			journal.resolve(created, StorageMirrors.MIRRORED);
			journal.fail(created, "ignored once resolved");
			assertThat(journal.openCount()).isEqualTo(1);
		}
		Path file = this.temp.resolve(FileRepairJournal.FILE_NAME);
		assertThat(Files.readAllLines(file)).hasSize(4);
		List<RepairJournal.Entry> open = FileRepairJournal.readOpenEntries(this.temp);
		assertThat(open).singleElement().satisfies((entry) -> {
			assertThat(entry.entity()).isEqualTo("income");
			assertThat(entry.operation()).isEqualTo("bulk_delete");
			assertThat(entry.ids()).containsExactly(1, 2);
			assertThat(entry.errorKind()).isEqualTo("database_unavailable");
			assertThat(entry.attempts()).isEqualTo(1);
		});
		try (JsonDirectory directory = JsonDirectory.open(this.temp);
				FileRepairJournal journal = FileRepairJournal.open(directory)) {
			// compacted to the open entry and its failure; numbering goes on
			assertThat(Files.readAllLines(file)).hasSize(2);
			assertThat(journal.openEntries()).extracting(RepairJournal.Entry::id).containsExactly(2L);
			assertThat(journal.open("expense", "update", List.of(3)).id()).isEqualTo(3);
			assertThat(journal.location()).isEqualTo(file.toString());
		}
	}

	@Test
	void ignoresALastLineTornByACrash() throws IOException {
		Path file = this.temp.resolve(FileRepairJournal.FILE_NAME);
		Files.writeString(file,
				"{\"entry\":1,\"event\":\"open\",\"at\":\"2026-01-01T00:00:00Z\",\"entity\":\"expense\","
						+ "\"operation\":\"create\",\"ids\":[4]}\n{\"entry\":1,\"event\":\"reso");
		try (JsonDirectory directory = JsonDirectory.open(this.temp);
				FileRepairJournal journal = FileRepairJournal.open(directory)) {
			assertThat(journal.openEntries()).extracting(RepairJournal.Entry::ids).containsExactly(List.of(4));
			assertThat(Files.readString(file)).endsWith("}\n").doesNotContain("reso");
		}
	}

	/**
	 * A journal written before failed appends were cut back: a line torn by a full disk
	 * with the next event glued onto it. The torn part is skipped, the event after it
	 * read.
	 */
	@Test
	void readsTheCompleteEventGluedOntoALineTornByAFullDisk() throws IOException {
		Path file = this.temp.resolve(FileRepairJournal.FILE_NAME);
		Files
			.writeString(file, "{\"entry\":1,\"event\":\"open\",\"at\":\"2026-01-01T00:00:00Z\",\"entity\":\"expense\","
					+ "\"operation\":\"create\",\"ids\":[4]}\n{\"entry\":2,\"e{\"entry\":3,\"event\":\"open\","
					+ "\"at\":\"2026-01-01T00:00:01Z\",\"entity\":\"income\",\"operation\":\"update\",\"ids\":[9]}\n");
		assertThat(FileRepairJournal.readOpenEntries(this.temp)).extracting(RepairJournal.Entry::id)
			.containsExactly(1L, 3L);
		try (JsonDirectory directory = JsonDirectory.open(this.temp);
				FileRepairJournal journal = FileRepairJournal.open(directory)) {
			assertThat(journal.open("expense", "update", List.of(5)).id()).isEqualTo(4);
			assertThat(journal.writable()).isTrue();
		}
		// rewritten without the torn part
		assertThat(Files.readAllLines(file)).hasSize(3).noneMatch((line) -> line.contains("\"e{"));
	}

	@Test
	void refusesAnUnreadableLineAndLeavesTheFile() throws IOException {
		Path file = this.temp.resolve(FileRepairJournal.FILE_NAME);
		String content = "not json\n{\"entry\":1,\"event\":\"resolved\"}\n";
		Files.writeString(file, content);
		assertThatExceptionOfType(JsonStoreException.class)
			.isThrownBy(() -> FileRepairJournal.readOpenEntries(this.temp))
			.withMessageContaining("unreadable line 1");
		assertThat(file).hasContent(content);
		assertThat(FileRepairJournal.readOpenEntries(this.temp.resolve("missing"))).isEmpty();
	}

}
