package dev.homebudget.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over {@code budget.http.max-body-size} with 413 before they are
 * buffered: by the declared Content-Length, and while reading for chunked bodies that
 * declare none.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final long maxImportBytes;

	BodySizeLimitFilter(HttpProperties properties) {
		this.maxBytes = properties.maxBodySize().toBytes();
		this.maxImportBytes = properties.maxImportSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long maxBytes = (request.getRequestURI().endsWith("/import") || Uploads.isStatementUpload(request))
				? this.maxImportBytes : this.maxBytes;
		if (request.getContentLengthLong() > maxBytes) {
			ErrorBody.write(response, HttpStatus.CONTENT_TOO_LARGE, tooLargeDetail(maxBytes));
			return;
		}
		chain.doFilter(new LimitedRequest(request, maxBytes), response);
	}

	static String tooLargeDetail(long maxBytes) {
		return "Request body too large (limit " + maxBytes + " bytes)";
	}

	/**
	 * Thrown while reading past the limit; mapped to 413 by {@link ApiExceptionHandler}.
	 */
	static class BodyTooLargeException extends IOException {

		final long maxBytes;

		BodyTooLargeException(long maxBytes) {
			super("request body too large");
			this.maxBytes = maxBytes;
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingStream(super.getInputStream(), this.maxBytes);
			}
			return this.stream;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long maxBytes;

		private long read;

		CountingStream(ServletInputStream delegate, long maxBytes) {
			this.delegate = delegate;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > this.maxBytes) {
				throw new BodyTooLargeException(this.maxBytes);
			}
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
