package dev.homebudget.transition;

import java.nio.file.Path;

import dev.homebudget.config.StorageSettingException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonStoreFailureAnalyzerTests {

	@Test
	void theAnalyzerExplainsJsonFiles() {
		JsonStoreFailureAnalyzer analyzer = new JsonStoreFailureAnalyzer();
		FailureAnalysis file = analyzer.analyze(new IllegalStateException("wrapped",
				new JsonStoreException(Path.of("/d/expenses.json"), "is corrupt")));
		assertThat(file.getDescription()).isEqualTo("The JSON store cannot be used: /d/expenses.json: is corrupt");
		assertThat(file.getAction()).contains("export-json").contains("never replaces");
		assertThat(analyzer.analyze(new IllegalStateException("other"))).isNull();
	}

	@Test
	void shadowReadsAreAPercentage() {
		assertThatExceptionOfType(StorageSettingException.class)
			.isThrownBy(() -> new MirrorProperties(java.time.Duration.ofSeconds(5), 101, false, 10,
					java.time.Duration.ZERO, true))
			.withMessageContaining("budget.storage.shadow-reads is 101");
		assertThatExceptionOfType(StorageSettingException.class)
			.isThrownBy(() -> new MirrorProperties(java.time.Duration.ofSeconds(5), -1, false, 10,
					java.time.Duration.ZERO, true));
	}

}
