package dev.homebudget.database;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmbeddedPostgresSettingsTests {

	@Test
	void defaults() {
		EmbeddedPostgresSettings settings = new EmbeddedPostgresSettings(null, 0, null, " ", null, null);
		assertThat(settings.dataDirectory()).isEqualTo(Path.of("data/postgres").toAbsolutePath());
		assertThat(settings.osUser()).isEqualTo("nobody");
		assertThat(settings.databaseName()).isEqualTo("budget");
		assertThat(settings.relocatedClustersDirectory()).isEqualTo(Path.of("/var/lib/home-budget-web/clusters"));
		assertThat(settings.binariesCacheDirectory().getParent())
			.isEqualTo(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
		assertThat(settings.binariesCacheDirectory().getFileName().toString()).startsWith("home-budget-web");
	}

	@Test
	void relativeDataDirectoryIsMadeAbsolute() {
		assertThat(EmbeddedPostgresSettings.of(Path.of("./x/../data/pg")).dataDirectory())
			.isEqualTo(Path.of("data/pg").toAbsolutePath());
	}

	@Test
	void withersKeepTheOtherValues() {
		EmbeddedPostgresSettings settings = EmbeddedPostgresSettings.of(Path.of("/srv/pg"))
			.withPort(5433)
			.withOsUser("postgres")
			.withDatabaseName("other")
			.withRelocatedClustersDirectory(Path.of("/srv/clusters"));
		assertThat(settings).isEqualTo(new EmbeddedPostgresSettings(Path.of("/srv/pg"), 5433, "postgres", "other",
				settings.binariesCacheDirectory(), Path.of("/srv/clusters")));
	}

	@Test
	void invalidValuesAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmbeddedPostgresSettings.of(Path.of("/srv/pg")).withPort(-1))
			.withMessageContaining("between 0 (pick a free port) and 65535");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmbeddedPostgresSettings.of(Path.of("/srv/pg")).withDatabaseName("budget; drop"))
			.withMessageContaining("is not allowed");
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedPostgresSettings.of(Path.of("/srv/$HOME/pg")))
			.withMessageContaining("that pg_ctl cannot handle");
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedPostgresSettings.of(Path.of("/")))
			.withMessageContaining("root directory");
	}

}
