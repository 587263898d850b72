import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop HTTP load at a fixed arrival rate, measured the way {@code pgbench -R} measures
 * the database, so that both sides of a comparison are driven alike.
 * <p>
 * Each of C connections has its own Poisson arrival schedule at rate/C (pgbench's
 * schedule for each client). A request is sent at its scheduled time, or as soon as the
 * connection is free when the previous response came late; its latency is counted from
 * the scheduled time, so a stall is charged to every request that should have been sent
 * during it (no coordinated omission). The first seconds are a warm-up and not counted.
 * <p>
 * Usage: {@code java bench/OpenLoop.java URL RATE SECONDS [CONNECTIONS] [WARMUP_SECONDS]}.
 * Prints one line: {@code RESULT requests=N seconds=S rate=R p50=.. p95=.. p99=.. max=..
 * errors=E} (milliseconds). Only for the loopback benchmark: plain HTTP/1.1, GET.
 */
public final class OpenLoop {

	public static void main(String[] args) throws Exception {
		URI uri = URI.create(args[0]);
		double rate = Double.parseDouble(args[1]);
		double seconds = Double.parseDouble(args[2]);
		int connections = (args.length > 3) ? Integer.parseInt(args[3]) : 4;
		double warmup = (args.length > 4) ? Double.parseDouble(args[4]) : 2;
		String target = uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		byte[] request = ("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
				+ "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		long start = System.nanoTime() + 200_000_000L;
		long measureFrom = start + (long) (warmup * 1e9);
		long end = measureFrom + (long) (seconds * 1e9);
		long[][] latencies = new long[connections][];
		AtomicLong errors = new AtomicLong();
		Thread[] threads = new Thread[connections];
		for (int c = 0; c < connections; c++) {
			int index = c;
			threads[c] = new Thread(() -> latencies[index] = run(uri, request, rate / connections, start, measureFrom,
					end, new SplittableRandom(42 + index), errors));
			threads[c].start();
		}
		int count = 0;
		for (int c = 0; c < connections; c++) {
			threads[c].join();
			count += latencies[c].length;
		}
		long[] all = new long[count];
		int at = 0;
		for (long[] part : latencies) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		Arrays.sort(all);
		System.out.printf("RESULT requests=%d seconds=%.3f rate=%.1f p50=%.3f p95=%.3f p99=%.3f max=%.3f errors=%d%n",
				count, seconds, count / seconds, percentile(all, 50), percentile(all, 95), percentile(all, 99),
				(count > 0) ? all[count - 1] / 1e6 : 0, errors.get());
	}

	/** Nearest-rank percentile in milliseconds. */
	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100 * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}

	private static long[] run(URI uri, byte[] request, double rate, long start, long measureFrom, long end,
			SplittableRandom random, AtomicLong errors) {
		long[] samples = new long[1024];
		int n = 0;
		double scheduled = start;
		Connection connection = null;
		while (true) {
			scheduled += -Math.log(1 - random.nextDouble()) / rate * 1e9;
			long due = (long) scheduled;
			if (due >= end) {
				break;
			}
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			boolean ok;
			try {
				if (connection == null) {
					connection = new Connection(uri);
				}
				ok = connection.exchange(request);
			}
			catch (IOException ex) {
				ok = false;
			}
			long latency = System.nanoTime() - due;
			// Reconnect after a failure, or when the server ends the keep-alive (Tomcat
			// does after 100 requests), as wrk does.
			if (connection != null && (!ok || connection.closing)) {
				connection.close();
				connection = null;
			}
			if (due < measureFrom) {
				continue;
			}
			if (!ok) {
				errors.incrementAndGet();
				continue;
			}
			if (n == samples.length) {
				samples = Arrays.copyOf(samples, n * 2);
			}
			samples[n++] = latency;
		}
		if (connection != null) {
			connection.close();
		}
		return Arrays.copyOf(samples, n);
	}

	/** One keep-alive connection; reads each response whole (Content-Length or chunked). */
	private static final class Connection {

		private final Socket socket;

		private final OutputStream out;

		private final InputStream in;

		/** The last response said {@code Connection: close}. */
		boolean closing;

		Connection(URI uri) throws IOException {
			this.socket = new Socket(uri.getHost(), uri.getPort());
			this.socket.setTcpNoDelay(true);
			this.out = this.socket.getOutputStream();
			this.in = new BufferedInputStream(this.socket.getInputStream(), 65536);
		}

		/** True for a complete 2xx response. */
		boolean exchange(byte[] request) throws IOException {
			this.out.write(request);
			this.out.flush();
			String status = line();
			int code = Integer.parseInt(status.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			boolean close = false;
			String header;
			while (!(header = line()).isEmpty()) {
				String lower = header.toLowerCase();
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(header.substring(15).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					close = true;
				}
			}
			if (chunked) {
				long size;
				while ((size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0) {
					skip(size);
					line();
				}
				while (!line().isEmpty()) {
					// trailers
				}
			}
			else if (length > 0) {
				skip(length);
			}
			this.closing = close;
			return code >= 200 && code < 300;
		}

		private String line() throws IOException {
			StringBuilder text = new StringBuilder();
			int b;
			while ((b = this.in.read()) != '\n') {
				if (b < 0) {
					throw new IOException("connection closed");
				}
				if (b != '\r') {
					text.append((char) b);
				}
			}
			return text.toString();
		}

		private void skip(long bytes) throws IOException {
			long left = bytes;
			while (left > 0) {
				long skipped = this.in.skip(left);
				if (skipped <= 0) {
					if (this.in.read() < 0) {
						throw new IOException("connection closed");
					}
					skipped = 1;
				}
				left -= skipped;
			}
		}

		void close() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// nothing to do
			}
		}

	}

}
