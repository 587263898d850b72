package dev.homebudget.database;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommandsTests {

	@Test
	void outputOfBothStreamsIsCollectedEvenWhenLarge() {
		Commands.Result result = Commands
			.run(List.of("sh", "-c", "head -c 1000000 /dev/zero | tr '\\0' x; echo; echo oops >&2; exit 3"));
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.succeeded()).isFalse();
		assertThat(result.output()).hasSizeGreaterThan(1_000_000).endsWith("oops\n");
		assertThatExceptionOfType(EmbeddedPostgresException.class).isThrownBy(() -> result.requireSuccess("probe"))
			.withMessageStartingWith("probe failed with exit code 3:")
			.withMessageEndingWith("oops");
	}

	@Test
	void postgresVariablesFromTheCallerAreNotInherited() {
		assertThat(Commands.run(List.of("sh", "-c", "env")).output()).doesNotContain("PGDATA=").contains("LC_ALL=C");
	}

	@Test
	void hangingProcessIsKilledAfterTheTimeout() {
		long startedAt = System.nanoTime();
		assertThatExceptionOfType(EmbeddedPostgresException.class)
			.isThrownBy(() -> Commands.run(List.of("sleep", "30"), null, 1))
			.withMessage("sleep 30 did not finish within 1 s");
		assertThat(System.nanoTime() - startedAt).isLessThan(10_000_000_000L);
	}

	@Test
	void missingProgramIsReported() {
		assertThatExceptionOfType(EmbeddedPostgresException.class)
			.isThrownBy(() -> Commands.run(List.of("/nonexistent/tool")))
			.withMessageStartingWith("Could not run /nonexistent/tool");
	}

	@Test
	void tailKeepsTheLastLines() {
		assertThat(Commands.tail("a\nb\nc\n", 2)).isEqualTo("b\nc");
		assertThat(Commands.tail("a", 5)).isEqualTo("a");
	}

}
