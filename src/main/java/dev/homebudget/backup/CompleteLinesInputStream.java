package dev.homebudget.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Passes on only whole lines (up to and including a newline) of the stream underneath.
 * When that stream ends in the middle of a line, or fails (a truncated archive ends with
 * an {@code EOFException}), the partial line is dropped and the stream ends: COPY then
 * loads every complete row, and the restore's fingerprints report what is missing,
 * instead of PostgreSQL rejecting a half row and hiding the count.
 */
final class CompleteLinesInputStream extends InputStream {

	private final InputStream in;

	private byte[] buffer = new byte[1 << 16];

	/** Bytes {@code [start, complete)} are whole lines ready to be read. */
	private int start;

	private int complete;

	/** Bytes {@code [complete, end)} are the start of a line not yet finished. */
	private int end;

	private boolean ended;

	private boolean truncated;

	CompleteLinesInputStream(InputStream in) {
		this.in = in;
	}

	/** Whether the stream underneath ended or failed inside a line. */
	boolean truncated() {
		return this.truncated;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return (read(one, 0, 1) == -1) ? -1 : (one[0] & 0xff);
	}

	@Override
	public int read(byte[] target, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (this.start == this.complete) {
			if (this.ended) {
				return -1;
			}
			fill();
		}
		int count = Math.min(length, this.complete - this.start);
		System.arraycopy(this.buffer, this.start, target, offset, count);
		this.start += count;
		return count;
	}

	private void fill() {
		// keep the unfinished line, at the front of the buffer
		System.arraycopy(this.buffer, this.complete, this.buffer, 0, this.end - this.complete);
		this.end -= this.complete;
		this.start = 0;
		this.complete = 0;
		if (this.end == this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
		}
		int read;
		try {
			read = this.in.read(this.buffer, this.end, this.buffer.length - this.end);
		}
		catch (IOException ex) {
			read = -1;
			this.truncated = true;
		}
		if (read == -1) {
			this.ended = true;
			this.truncated |= this.end > 0;
			this.end = 0;
			return;
		}
		this.end += read;
		for (int i = this.end - 1; i >= 0; i--) {
			if (this.buffer[i] == '\n') {
				this.complete = i + 1;
				break;
			}
		}
	}

}
