package dev.homebudget.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * Writes a JSON array to the response while the rows arrive from the database, so the
 * unpaged v1 list of 100,000 rows is never held in memory whole (as rows, as response
 * objects, or as text). The bytes and headers are those of the message converter for the
 * same list: status 200, {@code Content-Type: application/json}, the application's mapper
 * and serializers, a chunked body.
 * <p>
 * Nothing is written before the first row, so a database that fails before answering
 * still gets the usual error response; a failure after the first rows were sent can only
 * cut the body short.
 */
public final class JsonArrayStream<T> implements Consumer<T> {

	private final HttpServletResponse response;

	private final JsonMapper json;

	private JsonGenerator generator;

	private JsonArrayStream(HttpServletResponse response, JsonMapper json) {
		this.response = response;
		this.json = json;
	}

	/**
	 * Streams what {@code source} hands to its consumer as the response body.
	 * @param source runs the query, calling the consumer once per row in order
	 */
	public static <T> void write(HttpServletResponse response, JsonMapper json, Consumer<Consumer<T>> source)
			throws IOException {
		JsonArrayStream<T> stream = new JsonArrayStream<>(response, json);
		try {
			source.accept(stream);
			stream.finish();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	@Override
	public void accept(T row) {
		try {
			if (this.generator == null) {
				start();
			}
			this.generator.writePOJO(row);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void start() throws IOException {
		this.response.setStatus(HttpServletResponse.SC_OK);
		this.response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		this.generator = this.json.writer()
			.without(StreamWriteFeature.AUTO_CLOSE_TARGET)
			.createGenerator(this.response.getOutputStream());
		this.generator.writeStartArray();
	}

	private void finish() throws IOException {
		if (this.generator == null) {
			start();
		}
		this.generator.writeEndArray();
		// Flushes without closing the servlet stream, as the message converter does.
		this.generator.close();
	}

}
