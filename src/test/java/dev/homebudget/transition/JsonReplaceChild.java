package dev.homebudget.transition;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A separate process for T11: takes a JSON directory and replaces {@code expenses.json}
 * with two prepared versions in turn, forever, until it is killed; says "replaced n"
 * after each replacement.
 */
final class JsonReplaceChild {

	private JsonReplaceChild() {
	}

	public static void main(String[] args) throws Exception {
		byte[] first = Files.readAllBytes(Path.of(args[1]));
		byte[] second = Files.readAllBytes(Path.of(args[2]));
		JsonDirectory directory = JsonDirectory.open(Path.of(args[0]));
		System.out.println("ready");
		System.out.flush();
		for (long i = 0;; i++) {
			directory.replace(LedgerFile.EXPENSES, (i % 2 == 0) ? second : first);
			// the parent kills on these lines, not after some milliseconds
			System.out.println("replaced " + (i + 1));
			System.out.flush();
		}
	}

}
