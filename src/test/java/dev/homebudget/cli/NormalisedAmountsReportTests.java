package dev.homebudget.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.homebudget.transition.LedgerFile;
import dev.homebudget.transition.transfer.LedgerSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import-json} and {@code reconcile} list every amount read from float noise. */
class NormalisedAmountsReportTests {

	@Test
	void listsEachNormalisedAmountWithItsFileAndId() {
		String json = "[{\"date\":\"2025-01-01\",\"category\":\"c\",\"amount\":8.299999999999999,\"account\":\"a\",\"id\":7},"
				+ "{\"date\":\"2025-01-01\",\"category\":\"c\",\"amount\":8.3,\"account\":\"a\",\"id\":8}]";
		LedgerSnapshot incomes = LedgerSnapshot.of(LedgerFile.INCOMES, Path.of("incomes.json"),
				Optional.of(json.getBytes(StandardCharsets.UTF_8)));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
			ImportJsonCommand.printNormalised(List.of(incomes), out, "imported as");
		}
		assertThat(bytes.toString(StandardCharsets.UTF_8))
			.isEqualTo("Normalised amounts (float noise within 1e-9 of a cent, imported as that cent): 1:\n"
					+ "  incomes.json record 1 (id 7): amount 8.299999999999999 read as 8.30 (float noise)\n");
	}

	@Test
	void saysNothingWhenNoAmountWasNormalised() {
		LedgerSnapshot empty = LedgerSnapshot.of(LedgerFile.INCOMES, Path.of("incomes.json"), Optional.empty());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
			ImportJsonCommand.printNormalised(List.of(empty), out, "compared as");
		}
		assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
	}

}
