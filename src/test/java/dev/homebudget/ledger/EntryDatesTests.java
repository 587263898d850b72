package dev.homebudget.ledger;

import java.time.LocalDate;

import dev.homebudget.web.InvalidValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryDatesTests {

	@ParameterizedTest
	@CsvSource({ "2025-11-10,2025-11-10", "2025-1-5,2025-01-05", "2024-02-29,2024-02-29", "0001-01-01,0001-01-01",
			"9999-12-31,9999-12-31", "2025-12-31,2025-12-31" })
	void shouldParseLikeStrptime(String text, String expected) throws InvalidValue {
		assertThat(EntryDates.parse(text)).isEqualTo(LocalDate.parse(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-13-01", "2025/11/10", "2025-11-10T00:00:00", "", "bad", "25-11-10", "2025-00-10",
			"2025-11-00", "2025-11-32", " 2025-11-10", "2025-011-10" })
	void shouldRefuseWhatDoesNotMatchTheFormat(String text) {
		assertThatThrownBy(() -> EntryDates.parse(text)).isInstanceOf(InvalidValue.class)
			.hasMessage("time data '" + text + "' does not match format '%Y-%m-%d'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-02-30", "2023-02-29", "2025-04-31" })
	void shouldRefuseDaysOutOfRange(String text) {
		assertThatThrownBy(() -> EntryDates.parse(text)).hasMessage("day is out of range for month");
	}

	@org.junit.jupiter.api.Test
	void shouldRefuseYearZeroAndAbbreviateLongInput() {
		assertThatThrownBy(() -> EntryDates.parse("0000-01-01")).hasMessage("year 0 is out of range");
		assertThatThrownBy(() -> EntryDates.parse("x".repeat(500))).hasMessageContaining("...")
			.hasMessageNotContaining("x".repeat(100));
	}

}
