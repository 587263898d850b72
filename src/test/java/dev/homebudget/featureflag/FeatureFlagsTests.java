package dev.homebudget.featureflag;

import java.util.Optional;

import dev.homebudget.support.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The original's flag tests (contract §9.3), on a real feature_flags table. */
class FeatureFlagsTests {

	private final JdbcClient jdbc = JdbcClient.create(MigratedDatabase.migrated("feature_flags"));

	private MockEnvironment environment;

	private FeatureFlags flags;

	@BeforeEach
	void setUp() {
		this.jdbc.sql("TRUNCATE feature_flags").update();
		this.environment = new MockEnvironment();
		this.flags = new FeatureFlags(this.environment, this.jdbc);
	}

	@ParameterizedTest
	@ValueSource(strings = { "true", "1", "yes", "on", "TRUE", "On" })
	void shouldReadEnabledValues(String value) {
		assertThat(FeatureFlags.parse(value)).contains(true);
	}

	@ParameterizedTest
	@ValueSource(strings = { "false", "0", "no", "off", "False", "OFF" })
	void shouldReadDisabledValues(String value) {
		assertThat(FeatureFlags.parse(value)).contains(false);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " true", "maybe", "2" })
	void shouldTreatOtherValuesAsNotSet(String value) {
		assertThat(FeatureFlags.parse(value)).isEmpty();
		assertThat(FeatureFlags.parse(null)).isEmpty();
	}

	@Test
	void shouldFindFlagsByCaseInsensitiveName() {
		assertThat(FeatureFlag.byName("enhanced_expense_stats")).contains(FeatureFlag.ENHANCED_EXPENSE_STATS);
		assertThat(FeatureFlag.byName("Expense_Amount_V2_Format")).contains(FeatureFlag.EXPENSE_AMOUNT_V2_FORMAT);
		assertThat(FeatureFlag.byName("NEW_DASHBOARD")).isEqualTo(Optional.empty());
	}

	@Test
	void shouldDefaultToOff() {
		FlagValue value = this.flags.resolve(FeatureFlag.ENHANCED_EXPENSE_STATS, null);
		assertThat(value.enabled()).isFalse();
		assertThat(value.source()).isEqualTo("default");
	}

	@Test
	void shouldPreferEnvironmentThenUserRowThenGlobalRow() {
		this.flags.set(FeatureFlag.ENHANCED_EXPENSE_STATS, true, null);
		assertThat(this.flags.resolve(FeatureFlag.ENHANCED_EXPENSE_STATS, null).source()).isEqualTo("database_global");
		assertThat(this.flags.isEnabled(FeatureFlag.ENHANCED_EXPENSE_STATS)).isTrue();
		this.flags.set(FeatureFlag.ENHANCED_EXPENSE_STATS, false, 42);
		FlagValue forUser = this.flags.resolve(FeatureFlag.ENHANCED_EXPENSE_STATS, 42);
		assertThat(forUser.enabled()).isFalse();
		assertThat(forUser.source()).isEqualTo("database_user");
		assertThat(this.flags.resolve(FeatureFlag.ENHANCED_EXPENSE_STATS, 7).source()).isEqualTo("database_global");
		this.environment.setProperty("FF_ENHANCED_EXPENSE_STATS", "off");
		FlagValue fromEnvironment = this.flags.resolve(FeatureFlag.ENHANCED_EXPENSE_STATS, 42);
		assertThat(fromEnvironment.enabled()).isFalse();
		assertThat(fromEnvironment.source()).isEqualTo("environment");
		this.environment.setProperty("FF_ENHANCED_EXPENSE_STATS", "garbage");
		assertThat(this.flags.resolve(FeatureFlag.ENHANCED_EXPENSE_STATS, null).source()).isEqualTo("database_global");
	}

	@Test
	void shouldUpdateAndClearOneRowPerNameAndUser() {
		this.flags.set(FeatureFlag.EXPENSE_AMOUNT_V2_FORMAT, true, null);
		this.flags.set(FeatureFlag.EXPENSE_AMOUNT_V2_FORMAT, false, null);
		assertThat(this.jdbc.sql("SELECT count(*) FROM feature_flags").query(Long.class).single()).isEqualTo(1);
		assertThat(this.flags.isEnabled(FeatureFlag.EXPENSE_AMOUNT_V2_FORMAT)).isFalse();
		assertThat(this.flags.clear(FeatureFlag.EXPENSE_AMOUNT_V2_FORMAT, null)).isTrue();
		assertThat(this.flags.clear(FeatureFlag.EXPENSE_AMOUNT_V2_FORMAT, null)).isFalse();
		assertThat(this.flags.all(null)).extracting(FlagValue::source).containsOnly("default");
	}

}
