package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Random;

import dev.homebudget.web.RequestValidationException;
import dev.homebudget.web.SignedCursor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Cursors round-trip; anything this process did not sign is refused before its text is
 * parsed; and even a signed cursor is read only when each key has the shape the column
 * holds, so no key longer than a column's value ever reaches a parser.
 */
class PageCursorTests {

	private static final EntrySort AMOUNT = new EntrySort(EntrySort.Column.AMOUNT, false);

	@Test
	void shouldRoundTripEveryKind() {
		for (PageCursor cursor : new PageCursor[] { new PageCursor(AMOUNT, new BigDecimal("-99999999.99"), 7),
				new PageCursor(EntrySort.NEWEST_FIRST, LocalDate.of(2025, 2, 28), Integer.MAX_VALUE),
				new PageCursor(new EntrySort(EntrySort.Column.CATEGORY, true), "Food, \"fresh\"\n🍎", 1) }) {
			assertThat(PageCursor.decode(cursor.encode(), cursor.sort())).isEqualTo(cursor);
		}
	}

	@Test
	void shouldRefuseSignedCursorsWhoseKeysAreNotWhatAColumnHolds() {
		String[][] hostile = { { "amount", "1E-12000000" }, { "amount", "1e400" }, { "amount", "123456789.00" },
				{ "amount", "1.234" }, { "amount", "9".repeat(5000) }, { "amount", "NaN" },
				{ "-date", "+999999999-12-31" }, { "-date", "2025-02-30" }, { "-date", "20250101" },
				{ "category", "a\u0000b" }, { "category", "x".repeat(101) } };
		for (String[] key : hostile) {
			EntrySort sort = sort(key[0]);
			String cursor = SignedCursor.sign("2\n" + key[0] + "\n5\n" + key[1]);
			assertThatExceptionOfType(RequestValidationException.class).as(key[1])
				.isThrownBy(() -> PageCursor.decode(cursor, sort));
		}
		for (String id : new String[] { "0", "-1", "2147483648", "99999999999999999999", "1e3", "" }) {
			String cursor = SignedCursor.sign("2\namount\n" + id + "\n1.00");
			assertThatExceptionOfType(RequestValidationException.class).as(id)
				.isThrownBy(() -> PageCursor.decode(cursor, AMOUNT));
		}
	}

	@Test
	void shouldRefuseEveryUnsignedOrEditedCursor() {
		Random random = new Random(42);
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String real = new PageCursor(AMOUNT, new BigDecimal("12.50"), 3).encode();
		for (int i = 0; i < 10_000; i++) {
			String forged = switch (i % 4) {
				case 0 -> base64.encodeToString(
						("1\namount\n1E-" + random.nextInt(99999999) + "\n1").getBytes(StandardCharsets.UTF_8));
				case 1 -> base64.encodeToString(
						("2\namount\n" + random.nextInt() + "\n" + random.nextInt()).getBytes(StandardCharsets.UTF_8))
						+ real.substring(real.indexOf('.'));
				case 2 -> {
					char[] chars = real.toCharArray();
					int at = random.nextInt(chars.length);
					chars[at] = (chars[at] == 'a') ? 'b' : 'a';
					yield new String(chars);
				}
				default -> {
					byte[] bytes = new byte[random.nextInt(2000)];
					random.nextBytes(bytes);
					yield base64.encodeToString(bytes) + "." + base64.encodeToString(bytes);
				}
			};
			assertThatExceptionOfType(RequestValidationException.class).as(forged)
				.isThrownBy(() -> PageCursor.decode(forged, AMOUNT))
				.satisfies((ex) -> assertThat(ex.issues().get(0).loc()).containsExactly("query", "cursor"));
		}
	}

	private static EntrySort sort(String token) {
		boolean descending = token.startsWith("-");
		return new EntrySort(EntrySort.Column.valueOf(token.substring(descending ? 1 : 0).toUpperCase()), descending);
	}

}
