package dev.homebudget.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.homebudget.web.ApiException;
import dev.homebudget.web.RequestValidationException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An upload is read as it streams in: the reader stops at the row limit without reading
 * the rest of the body, holds no more than the rows it keeps, and tells a failure of the
 * request itself from bad CSV.
 */
class CsvImportsTests {

	private static final EntryRequestReader READER = new EntryRequestReader(EntryField.INCOME_FIELDS);

	@Test
	void shouldStopReadingAtTheRowLimit() {
		EndlessRows body = new EndlessRows("2025-11-01,Food,1,Visa\n");
		ApiException refused = catchThrowableOfType(ApiException.class, () -> CsvImports.check(body, "text/csv",
				EntryField.INCOME_FIELDS, List.of(), 1_000, READER, true, (values, row) -> row.line()));
		assertThat(refused.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(refused.detail()).contains("more than 1000 rows");
		assertThat(body.served).as("bytes read of an endless body").isLessThan(200_000);
	}

	@Test
	void shouldCheckEveryRowOfAnAllOrNothingUploadAndAnswerTheBadOnes() throws IOException {
		List<Long> drafted = new ArrayList<>();
		EndlessRows body = new EndlessRows("2025-11-01,Food,1,Visa\n").limit(3_000).badAt(10);
		RequestValidationException refused = catchThrowableOfType(RequestValidationException.class, () -> CsvImports
			.check(body, "text/csv", EntryField.INCOME_FIELDS, List.of(), 50_000, READER, false, (values, row) -> {
				drafted.add(row.line());
				return row.line();
			}));
		assertThat(refused.issues()).hasSize(1);
		assertThat(refused.issues().get(0).loc()).containsExactly("body", 12L, "amount");
		assertThat(drafted).hasSize(2_999);
	}

	@Test
	void shouldPassOnAFailureOfTheRequestItself() {
		InputStream failing = new InputStream() {

			private int served;

			@Override
			public int read() throws IOException {
				if (this.served >= 100) {
					throw new IOException("the client went away");
				}
				return "date,category,amount,account\n".charAt(this.served++ % 29);
			}

		};
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> CsvImports.check(failing, "text/csv", EntryField.INCOME_FIELDS, List.of(), 50_000, READER,
					true, (values, row) -> row.line()))
			.withMessage("the client went away");
	}

	@Test
	void shouldReadAByteOrderMarkAndRefuseAnEmptyBody() throws IOException {
		byte[] withMark = "\ufeffdate,category,amount,account\n2025-11-01,Food,1,Visa\n"
			.getBytes(StandardCharsets.UTF_8);
		CsvImports.Checked<Long> checked = CsvImports.check(new java.io.ByteArrayInputStream(withMark), "text/csv",
				EntryField.INCOME_FIELDS, List.of(), 10, READER, false, (values, row) -> row.line());
		assertThat(checked.accepted()).containsExactly(2L);
		assertThatExceptionOfType(RequestValidationException.class)
			.isThrownBy(() -> CsvImports.check(InputStream.nullInputStream(), "text/csv", EntryField.INCOME_FIELDS,
					List.of(), 10, READER, false, (values, row) -> row.line()))
			.satisfies((ex) -> assertThat(ex.issues().get(0).msg()).isEqualTo("Field required"));
	}

	/** A header, then the same row over and over, counting the bytes handed out. */
	private static final class EndlessRows extends InputStream {

		private final byte[] header = "date,category,amount,account\n".getBytes(StandardCharsets.UTF_8);

		private final byte[] row;

		private long rows = Long.MAX_VALUE;

		private long badRow = -1;

		long served;

		private long rowsServed;

		private byte[] current;

		private int position;

		EndlessRows(String row) {
			this.row = row.getBytes(StandardCharsets.UTF_8);
			this.current = this.header;
		}

		EndlessRows limit(long rows) {
			this.rows = rows;
			return this;
		}

		EndlessRows badAt(long row) {
			this.badRow = row;
			return this;
		}

		@Override
		public int read() {
			if (this.position == this.current.length) {
				if (this.rowsServed == this.rows) {
					return -1;
				}
				this.current = (this.rowsServed == this.badRow)
						? "2025-11-01,Food,x,Visa\n".getBytes(StandardCharsets.UTF_8) : this.row;
				this.rowsServed++;
				this.position = 0;
			}
			this.served++;
			return this.current[this.position++];
		}

	}

}
