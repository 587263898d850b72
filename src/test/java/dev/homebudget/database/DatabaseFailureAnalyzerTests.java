package dev.homebudget.database;

import dev.homebudget.HomeBudgetApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.catchThrowable;

@ExtendWith(OutputCaptureExtension.class)
class DatabaseFailureAnalyzerTests {

	private final DatabaseFailureAnalyzer analyzer = new DatabaseFailureAnalyzer();

	@Test
	void applicationFailsWithAShortReportThatHidesThePassword(CapturedOutput output) {
		SpringApplication application = new SpringApplication(HomeBudgetApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--budget.database.url=postgresql://bob:hunter2@",
				"--spring.main.banner-mode=off"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid database URL (DATABASE_URL / budget.database.url)")
			.doesNotContain("hunter2");
	}

	@Test
	void explainsEmbeddedServerFailures() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("databaseServer", "failed", new EmbeddedPostgresException("in use")));
		assertThat(analysis.getDescription()).isEqualTo("The embedded PostgreSQL server could not start: in use");
		assertThat(analysis.getAction()).contains("DATABASE_URL");
	}

	@Test
	void explainsMalformedUrlsWithoutThePassword() {
		Throwable invalid = catchThrowable(() -> DatabaseUrl.parse("postgresql://bob:hunter2@"));
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("databaseServer", "failed", invalid));
		assertThat(analysis.getDescription()).startsWith("Invalid database URL").doesNotContain("hunter2");
		assertThat(analysis.getAction()).contains("percent-encode");
	}

	@Test
	void leavesOtherFailuresAlone() {
		assertThat(this.analyzer.analyze(new IllegalStateException("other"))).isNull();
	}

}
