package dev.homebudget.web;

import java.io.IOException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that closes its connection mid-response is not a server error: the handler
 * answers nothing (there is no one to answer) instead of logging an error and a 500.
 */
class ClientGoneTests {

	private final ApiExceptionHandler handler = new ApiExceptionHandler();

	@Test
	void aBrokenPipeWhileWritingJsonIsAClientGoneAway() {
		Exception ex = new HttpMessageNotWritableException("Could not write JSON",
				new AsyncRequestNotUsableException(
						"ServletOutputStream failed to write: java.io.IOException: Broken pipe",
						new IOException("Broken pipe")));
		assertThat(ApiExceptionHandler.clientGone(ex)).isTrue();
		assertThat(this.handler.unexpected(ex)).isNull();
		assertThat(ApiExceptionHandler.clientGone(new ClientAbortException(new IOException("Connection reset"))))
			.isTrue();
	}

	@Test
	void anyOtherFailureIsStillAServerError() {
		Exception ex = new IllegalStateException("bug", new IOException("disk"));
		assertThat(ApiExceptionHandler.clientGone(ex)).isFalse();
		assertThat(this.handler.unexpected(ex).getStatusCode().value()).isEqualTo(500);
	}

}
