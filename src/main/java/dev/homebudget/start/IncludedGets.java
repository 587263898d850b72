package dev.homebudget.start;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Answers a GET route of this API inside the current request (a servlet include): the
 * same user, household, role and storage phase as the caller, the route's own validation
 * and errors. Only the include's own query parameters reach the route (not those of the
 * request that asks), and its status, body and {@code X-Next-Cursor} are kept instead of
 * written.
 */
@Component
class IncludedGets {

	private static final Log logger = LogFactory.getLog(IncludedGets.class);

	/** A route's answer: its status, its JSON body (null when none) and its next page. */
	record Answer(int status, String json, String nextCursor) {

	}

	Answer get(HttpServletRequest request, HttpServletResponse response, String path) {
		int question = path.indexOf('?');
		Captured captured = new Captured(response);
		try {
			request.getRequestDispatcher(path)
				.include(new OwnParameters(request, (question < 0) ? "" : path.substring(question + 1)), captured);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			// an error the route's own handlers did not answer: this part failed, not the
			// whole start
			logger.warn("The start's part " + path.substring(0, (question < 0) ? path.length() : question) + " failed: "
					+ ex.getClass().getSimpleName());
			return new Answer(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, null, null);
		}
		return captured.answer();
	}

	/** The request with the include's query parameters only. */
	private static final class OwnParameters extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		OwnParameters(HttpServletRequest request, String query) {
			super(request);
			Map<String, List<String>> values = new LinkedHashMap<>();
			for (String pair : query.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals),
						StandardCharsets.UTF_8);
				String value = (equals < 0) ? ""
						: URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				values.computeIfAbsent(name, (key) -> new java.util.ArrayList<>()).add(value);
			}
			Map<String, String[]> map = new LinkedHashMap<>();
			values.forEach((name, list) -> map.put(name, list.toArray(String[]::new)));
			this.parameters = Collections.unmodifiableMap(map);
		}

		@Override
		public String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null) ? values[0] : null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return this.parameters.get(name);
		}

	}

	/** Keeps what the route answers instead of sending it. */
	private static final class Captured extends HttpServletResponseWrapper {

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		private int status = SC_OK;

		private String contentType;

		private String nextCursor;

		private PrintWriter writer;

		private ServletOutputStream stream;

		Captured(HttpServletResponse response) {
			super(response);
		}

		Answer answer() {
			if (this.writer != null) {
				this.writer.flush();
			}
			boolean json = this.contentType != null && this.contentType.contains("json") && this.body.size() > 0;
			return new Answer(this.status, json ? this.body.toString(StandardCharsets.UTF_8) : null, this.nextCursor);
		}

		@Override
		public void setStatus(int sc) {
			this.status = sc;
		}

		@Override
		public int getStatus() {
			return this.status;
		}

		@Override
		public void sendError(int sc) {
			this.status = sc;
		}

		@Override
		public void sendError(int sc, String msg) {
			this.status = sc;
		}

		@Override
		public void sendRedirect(String location) {
			this.status = SC_FOUND;
		}

		@Override
		public void setHeader(String name, String value) {
			keep(name, value);
		}

		@Override
		public void addHeader(String name, String value) {
			keep(name, value);
		}

		private void keep(String name, String value) {
			if ("X-Next-Cursor".equalsIgnoreCase(name)) {
				this.nextCursor = value;
			}
			else if ("Content-Type".equalsIgnoreCase(name)) {
				this.contentType = value;
			}
		}

		@Override
		public void setIntHeader(String name, int value) {
		}

		@Override
		public void addIntHeader(String name, int value) {
		}

		@Override
		public void setDateHeader(String name, long date) {
		}

		@Override
		public void addDateHeader(String name, long date) {
		}

		@Override
		public boolean containsHeader(String name) {
			return false;
		}

		@Override
		public String getHeader(String name) {
			return "Content-Type".equalsIgnoreCase(name) ? this.contentType : null;
		}

		@Override
		public java.util.Collection<String> getHeaders(String name) {
			String value = getHeader(name);
			return (value != null) ? List.of(value) : List.of();
		}

		@Override
		public java.util.Collection<String> getHeaderNames() {
			return (this.contentType != null) ? List.of("Content-Type") : List.of();
		}

		@Override
		public void setContentType(String type) {
			this.contentType = type;
		}

		@Override
		public String getContentType() {
			return this.contentType;
		}

		@Override
		public void setCharacterEncoding(String charset) {
		}

		@Override
		public String getCharacterEncoding() {
			return StandardCharsets.UTF_8.name();
		}

		@Override
		public void setContentLength(int len) {
		}

		@Override
		public void setContentLengthLong(long len) {
		}

		@Override
		public void setLocale(java.util.Locale locale) {
		}

		@Override
		public void setBufferSize(int size) {
		}

		@Override
		public void flushBuffer() {
		}

		@Override
		public boolean isCommitted() {
			return false;
		}

		@Override
		public void reset() {
			this.body.reset();
			this.status = SC_OK;
			this.contentType = null;
			this.nextCursor = null;
		}

		@Override
		public void resetBuffer() {
			this.body.reset();
		}

		@Override
		public ServletOutputStream getOutputStream() {
			if (this.stream == null) {
				ByteArrayOutputStream target = this.body;
				this.stream = new ServletOutputStream() {

					@Override
					public void write(int b) {
						target.write(b);
					}

					@Override
					public void write(byte[] b, int off, int len) {
						target.write(b, off, len);
					}

					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setWriteListener(WriteListener listener) {
						throw new UnsupportedOperationException("blocking only");
					}

				};
			}
			return this.stream;
		}

		@Override
		public PrintWriter getWriter() {
			if (this.writer == null) {
				this.writer = new PrintWriter(new OutputStreamWriter(this.body, StandardCharsets.UTF_8));
			}
			return this.writer;
		}

	}

}
