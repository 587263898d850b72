package dev.homebudget.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Keeps slow clients from starving everyone else. A request with a body holds a server
 * thread while its body arrives, so a few hundred clients that send their bodies slowly
 * (or not at all) could take every thread, and health probes and other users would wait
 * for them. This valve, first in Tomcat's pipeline:
 * <ul>
 * <li>lets at most {@code budget.http.max-body-readers} requests with a body in at once
 * (fewer than the server's threads, so requests without a body, health probes among them,
 * always find one); one more is answered 503 with {@code Retry-After} at once, without
 * reading its body, and its connection is closed;</li>
 * <li>gives each body {@code budget.http.body-read-timeout} to arrive, plus a second for
 * each {@code budget.http.body-min-rate} of it that did arrive (Apache's mod_reqtimeout
 * rule: a large upload on a decent line goes on, a client that sends a byte now and then,
 * which never trips the per-read timeout {@code server.tomcat.connection-timeout}, does
 * not); past it the request is answered 408 and its connection closed, without waiting
 * for the rest of the body.</li>
 * </ul>
 * Both answers carry the usual {@code {"detail": ...}} body.
 */
final class SlowBodyGuard extends ValveBase {

	private static final Logger logger = LoggerFactory.getLogger(SlowBodyGuard.class);

	static final String BUSY = "The server is busy receiving other requests; please retry shortly";

	static final String TOO_SLOW = "The request body did not arrive in time";

	private final Semaphore readers;

	private final long timeoutNanos;

	private final long minBytesPerSecond;

	SlowBodyGuard(int maxReaders, Duration timeout, long minBytesPerSecond) {
		super(true);
		this.readers = new Semaphore(maxReaders);
		this.timeoutNanos = timeout.toNanos();
		this.minBytesPerSecond = minBytesPerSecond;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		if (!hasBody(request)) {
			getNext().invoke(request, response);
			return;
		}
		if (!this.readers.tryAcquire()) {
			logger.debug("Refused {} {}: every body reader is busy", request.getMethod(), request.getRequestURI());
			refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, BUSY);
			return;
		}
		try {
			DeadlineRequest timed = new DeadlineRequest(request.getRequest(), System.nanoTime() + this.timeoutNanos,
					this.minBytesPerSecond, () -> timeOut(request, response));
			request.setRequest(timed);
			getNext().invoke(request, response);
		}
		finally {
			this.readers.release();
		}
	}

	/**
	 * The body is late: 408 now, on the reading thread, and whatever the application
	 * writes after the read failed is dropped (the response is suspended).
	 */
	private static void timeOut(Request request, Response response) {
		logger.debug("{} {}: the body did not arrive in time", request.getMethod(), request.getRequestURI());
		try {
			if (!response.isCommitted()) {
				response.reset();
				refuse(request, response, HttpStatus.REQUEST_TIMEOUT, TOO_SLOW);
				response.flushBuffer();
			}
		}
		catch (IOException ex) {
			// the client is gone
		}
		stopReading(request);
		response.setSuspended(true);
	}

	private static boolean hasBody(Request request) {
		return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

	/** Answers now and closes the connection, without reading (or draining) the body. */
	private static void refuse(Request request, Response response, HttpStatus status, String detail)
			throws IOException {
		stopReading(request);
		response.setHeader(HttpHeaders.CONNECTION, "close");
		response.setHeader(HttpHeaders.RETRY_AFTER, "5");
		ErrorBody.write(response.getResponse(), status, detail);
	}

	/** Tomcat neither reads the rest of the body nor keeps the connection. */
	private static void stopReading(Request request) {
		request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
	}

	/** The request, whose body must arrive by a deadline. */
	private static final class DeadlineRequest extends HttpServletRequestWrapper {

		private final long deadline;

		private final long minBytesPerSecond;

		private final Runnable onTimeout;

		private volatile boolean timedOut;

		private ServletInputStream stream;

		private long received;

		DeadlineRequest(HttpServletRequest request, long deadline, long minBytesPerSecond, Runnable onTimeout) {
			super(request);
			this.deadline = deadline;
			this.minBytesPerSecond = minBytesPerSecond;
			this.onTimeout = onTimeout;
		}

		boolean timedOut() {
			return this.timedOut;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new DeadlineStream(super.getInputStream());
			}
			return this.stream;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					(getCharacterEncoding() != null) ? getCharacterEncoding() : "UTF-8"));
		}

		private void received(int bytes) {
			if (bytes > 0) {
				this.received += bytes;
			}
		}

		private void check() throws IOException {
			// one more second for each min-rate's worth of the body that arrived
			long earned = (this.received / this.minBytesPerSecond) * 1_000_000_000L;
			if (System.nanoTime() - (this.deadline + earned) > 0) {
				if (!this.timedOut) {
					this.timedOut = true;
					this.onTimeout.run();
				}
				throw new BodyReadTimeoutException();
			}
		}

		private final class DeadlineStream extends ServletInputStream {

			private final ServletInputStream delegate;

			DeadlineStream(ServletInputStream delegate) {
				this.delegate = delegate;
			}

			@Override
			public int read() throws IOException {
				check();
				int b = this.delegate.read();
				received((b >= 0) ? 1 : 0);
				check();
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				check();
				int n = this.delegate.read(buffer, offset, length);
				received(n);
				check();
				return n;
			}

			@Override
			public boolean isFinished() {
				return this.delegate.isFinished();
			}

			@Override
			public boolean isReady() {
				return this.delegate.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				this.delegate.setReadListener(listener);
			}

		}

	}

	/** The body did not arrive by the deadline. */
	static final class BodyReadTimeoutException extends IOException {

		BodyReadTimeoutException() {
			super("the request body did not arrive in time");
		}

	}

}
