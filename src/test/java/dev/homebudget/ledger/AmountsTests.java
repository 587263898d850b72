package dev.homebudget.ledger;

import java.math.BigDecimal;

import dev.homebudget.web.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmountsTests {

	@ParameterizedTest
	@CsvSource({ "12.345,12.35", "12.355,12.36", "-12.345,-12.35", "0.005,0.01", "-0.005,-0.01", "0.004,0.00",
			"-0.004,0.00", "99999999.994,99999999.99", "1e2,100.00", "' 7.25 ',7.25", "+3,3.00", ".5,0.50", "5.,5.00",
			"1e-999999999999,0.00", "0e999999999999,0.00", "1E-400,0.00" })
	void shouldRoundHalfAwayFromZeroToTwoDecimals(String text, String expected) throws InvalidValue {
		BigDecimal amount = Amounts.fromText(text);
		assertThat(amount).isEqualTo(new BigDecimal(expected));
		assertThat(amount.scale()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "100000000", "99999999.995", "1e8", "1e999999999999", "1e100000000",
			"123456789012345678901234567890" })
	void shouldRefuseTooLarge(String text) {
		assertThatThrownBy(() -> Amounts.fromText(text)).isInstanceOf(InvalidValue.class)
			.extracting("type")
			.isEqualTo("less_than");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-100000000", "-99999999.995", "-1e999999999999", "-1e100000000" })
	void shouldRefuseTooSmall(String text) {
		assertThatThrownBy(() -> Amounts.fromText(text)).isInstanceOf(InvalidValue.class)
			.extracting("type")
			.isEqualTo("greater_than");
	}

	@ParameterizedTest
	@ValueSource(strings = { "nan", "NaN", "-nan", "inf", "+inf", "-Infinity", "INFINITY" })
	void shouldRefuseNonFinite(String text) {
		assertThatThrownBy(() -> Amounts.fromText(text)).isInstanceOf(InvalidValue.class)
			.extracting("type")
			.isEqualTo("finite_number");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "", " ", "1,5", "0x10", "1e", "--1", "1_000" })
	void shouldRefuseText(String text) {
		assertThatThrownBy(() -> Amounts.fromText(text)).isInstanceOf(InvalidValue.class)
			.extracting("type")
			.isEqualTo("float_parsing");
	}

	@Test
	void shouldRefuseOverlongText() {
		assertThatThrownBy(() -> Amounts.fromText("1".repeat(2000))).extracting("type").isEqualTo("float_parsing");
	}

	@Test
	void shouldReadJsonNumbersExactlyAndRefuseOtherTypes() throws InvalidValue {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		assertThat(Amounts.fromJson(nodes.numberNode(new BigDecimal("158.16")))).isEqualTo(new BigDecimal("158.16"));
		assertThat(Amounts.fromJson(nodes.numberNode(42))).isEqualTo(new BigDecimal("42.00"));
		assertThat(Amounts.fromJson(nodes.stringNode("0.10"))).isEqualTo(new BigDecimal("0.10"));
		assertThatThrownBy(() -> Amounts.fromJson(nodes.numberNode(Double.NaN))).extracting("type")
			.isEqualTo("finite_number");
		assertThatThrownBy(() -> Amounts.fromJson(nodes.numberNode(Float.POSITIVE_INFINITY))).extracting("type")
			.isEqualTo("finite_number");
		assertThatThrownBy(() -> Amounts.fromJson(nodes.booleanNode(true))).extracting("type").isEqualTo("float_type");
		assertThatThrownBy(() -> Amounts.fromJson(nodes.nullNode())).extracting("type").isEqualTo("float_type");
		assertThatThrownBy(() -> Amounts.fromJson(nodes.arrayNode())).extracting("type").isEqualTo("float_type");
		assertThatThrownBy(() -> Amounts.fromJson(null)).extracting("type").isEqualTo("float_type");
	}

}
