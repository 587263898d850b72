package dev.homebudget.config;

import java.nio.file.Path;

import dev.homebudget.config.StorageProperties.StorageBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StorageModeTests {

	private static final StorageProperties UNSET = new StorageProperties(null, null, Path.of("data/json"));

	@Test
	void aNewInstallRunsOnPostgresOnly() {
		StorageMode mode = StorageMode.resolve(new MockEnvironment(), UNSET);
		assertThat(mode.phase()).isEqualTo(StoragePhase.P3);
		assertThat(mode.primarySource()).isEqualTo("default");
		assertThat(mode.dualWriteSource()).isEqualTo("default");
		assertThat(mode.summary()).startsWith("P3 (PostgreSQL only;");
	}

	@ParameterizedTest
	@CsvSource({ "false,false,P0", "0,off,P0", "FALSE,yes,P1", "no,ON,P1", "true,True,P2", "1,1,P2", "yes,no,P3",
			"On,0,P3" })
	void theOriginalsVariablesNameThePhase(String useDatabase, String dualWrite, StoragePhase expected) {
		MockEnvironment environment = new MockEnvironment().withProperty(StorageMode.USE_DATABASE_VARIABLE, useDatabase)
			.withProperty(StorageMode.DUAL_WRITE_VARIABLE, dualWrite);
		StorageMode mode = StorageMode.resolve(environment, UNSET);
		assertThat(mode.phase()).isEqualTo(expected);
		assertThat(mode.primarySource()).isEqualTo("FF_USE_DATABASE_STORAGE");
	}

	@Test
	void variablesWinOverProperties() {
		MockEnvironment environment = new MockEnvironment().withProperty(StorageMode.USE_DATABASE_VARIABLE, "false");
		StorageMode mode = StorageMode.resolve(environment,
				new StorageProperties(StorageBackend.POSTGRES, true, Path.of("x")));
		assertThat(mode.phase()).isEqualTo(StoragePhase.P1);
		assertThat(mode.dualWriteSource()).isEqualTo("budget.storage.dual-write");
	}

	@Test
	void propertiesNameThePhaseWhenNoVariableIsSet() {
		assertThat(StorageMode
			.resolve(new MockEnvironment(), new StorageProperties(StorageBackend.JSON, null, Path.of("x")))
			.phase()).isEqualTo(StoragePhase.P0);
		assertThat(StorageMode
			.resolve(new MockEnvironment(), new StorageProperties(StorageBackend.POSTGRES, true, Path.of("x")))
			.phase()).isEqualTo(StoragePhase.P2);
		assertThat(StorageMode.resolve(new MockEnvironment(), new StorageProperties(null, false, Path.of("x"))).phase())
			.isEqualTo(StoragePhase.P3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ture", "", " true", "true ", "enabled", "2", "P1" })
	void anythingButAFlagValueStopsStartupNamingTheVariable(String value) {
		for (String variable : new String[] { StorageMode.USE_DATABASE_VARIABLE, StorageMode.DUAL_WRITE_VARIABLE }) {
			MockEnvironment environment = new MockEnvironment().withProperty(variable, value);
			assertThatExceptionOfType(StorageSettingException.class)
				.isThrownBy(() -> StorageMode.resolve(environment, UNSET))
				.withMessage("The environment variable " + variable + " has the value '" + value
						+ "', which is not a flag value.")
				.satisfies((ex) -> assertThat(ex.action()).contains("true, 1, yes, on, false, 0, no or off"));
		}
	}

	@Test
	void dualWriteWithoutAPrimaryIsAmbiguous() {
		MockEnvironment environment = new MockEnvironment().withProperty(StorageMode.DUAL_WRITE_VARIABLE, "true");
		assertThatExceptionOfType(StorageSettingException.class)
			.isThrownBy(() -> StorageMode.resolve(environment, UNSET))
			.withMessageContaining("ambiguous")
			.satisfies((ex) -> assertThat(ex.action()).contains("FF_USE_DATABASE_STORAGE=false")
				.contains("FF_USE_DATABASE_STORAGE=true"));
	}

	@Test
	void anEmptyPropertyIsRefused() {
		MockEnvironment environment = new MockEnvironment().withProperty("budget.storage.primary", "");
		assertThatExceptionOfType(StorageSettingException.class)
			.isThrownBy(() -> StorageMode.resolve(environment, UNSET))
			.withMessage("The setting budget.storage.primary is empty.");
	}

	@Test
	void theAnalyzerExplainsSettings() {
		StorageSettingFailureAnalyzer analyzer = new StorageSettingFailureAnalyzer();
		FailureAnalysis setting = analyzer
			.analyze(new IllegalStateException("wrapped", new StorageSettingException("bad", "fix it")));
		assertThat(setting.getDescription()).isEqualTo("bad");
		assertThat(setting.getAction()).isEqualTo("fix it");
		assertThat(analyzer.analyze(new IllegalStateException("other"))).isNull();
	}

	@Test
	void phasesKnowTheirStores() {
		assertThat(StoragePhase.P0.usesJson()).isTrue();
		assertThat(StoragePhase.P0.hasMirror()).isFalse();
		assertThat(StoragePhase.P1.mirror()).isEqualTo(StorageBackend.POSTGRES);
		assertThat(StoragePhase.P2.primary()).isEqualTo(StorageBackend.POSTGRES);
		assertThat(StoragePhase.P2.usesJson()).isTrue();
		assertThat(StoragePhase.P3.usesJson()).isFalse();
	}

}
