package dev.homebudget.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CredentialsTests {

	@Test
	void writtenCredentialsAreReadBackAndPrivate(@TempDir Path temp) throws IOException {
		Path file = Credentials.fileFor(temp.resolve("postgres"));
		assertThat(file).hasFileName("postgres.credentials");
		Credentials credentials = Credentials.generate();
		credentials.write(file);
		assertThat(Credentials.read(file)).isEqualTo(credentials);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(FileTree.RW_ONLY_OWNER);
		assertThat(credentials.toString()).doesNotContain(credentials.password());
		try (var entries = Files.list(temp)) {
			assertThat(entries).containsExactly(file);
		}
	}

	@Test
	void generatedPasswordsDiffer() {
		assertThat(Credentials.generate().password()).isNotEqualTo(Credentials.generate().password()).hasSize(43);
	}

	@Test
	void fileWithoutPasswordIsRejected(@TempDir Path temp) throws IOException {
		Path file = Files.writeString(temp.resolve("x.credentials"), "username=postgres\n");
		assertThatExceptionOfType(EmbeddedPostgresException.class).isThrownBy(() -> Credentials.read(file))
			.withMessageContaining("has no password entry");
	}

}
