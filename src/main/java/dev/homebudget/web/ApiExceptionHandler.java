package dev.homebudget.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure to the v1 error body. Nothing here ever echoes an exception message
 * from the database or the JVM: those go to the log, the client gets a fixed sentence.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	static final String RETRY_AFTER_SECONDS = "2";

	static final String STORE_UNAVAILABLE = "The data store is temporarily unavailable; nothing was changed, please "
			+ "retry shortly";

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ErrorBody> handled(ApiException ex) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status());
		if (ex instanceof PreconditionFailedException stale) {
			response.eTag(stale.currentEtag());
		}
		if (ex.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		return response.body(new ErrorBody(ex.detail()));
	}

	@ExceptionHandler(RequestValidationException.class)
	ResponseEntity<ErrorBody> invalid(RequestValidationException ex) {
		return ResponseEntity.status(422).body(new ErrorBody(ex.listed()));
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<ErrorBody> notFound(Exception ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody("Not Found"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ErrorBody> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		Set<HttpMethod> supported = ex.getSupportedHttpMethods();
		HttpHeaders headers = new HttpHeaders();
		if (supported != null && !supported.isEmpty()) {
			headers.set(HttpHeaders.ALLOW,
					supported.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", ")));
		}
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.headers(headers)
			.body(new ErrorBody("Method Not Allowed"));
	}

	@ExceptionHandler(BodySizeLimitFilter.BodyTooLargeException.class)
	ResponseEntity<ErrorBody> tooLarge(BodySizeLimitFilter.BodyTooLargeException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(new ErrorBody(BodySizeLimitFilter.tooLargeDetail(ex.maxBytes)));
	}

	/** A multipart upload over {@code spring.servlet.multipart.max-request-size}. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ErrorBody> uploadTooLarge(MaxUploadSizeExceededException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(new ErrorBody("The uploaded file is too large"
					+ ((ex.getMaxUploadSize() > 0) ? " (limit " + ex.getMaxUploadSize() + " bytes)" : "")));
	}

	/** A multipart body that could not be parsed (cut short, no boundary...). */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ErrorBody> badMultipart(MultipartException ex) {
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
				return tooLarge(tooLarge);
			}
			cause = cause.getCause();
		}
		return ResponseEntity.badRequest().body(new ErrorBody("The multipart request body could not be read"));
	}

	/**
	 * The body could not be read: too large (counted while reading), or the client went
	 * away.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
				return tooLarge(tooLarge);
			}
			cause = cause.getCause();
		}
		return ResponseEntity.badRequest().body(new ErrorBody("The request body could not be read"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ErrorBody> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new ErrorBody(JsonBodies.NOT_JSON));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
			.body(new ErrorBody("This endpoint only produces application/json"));
	}

	/**
	 * The database is down, restarting, overloaded or timed out: the request may succeed
	 * if repeated shortly, so say so (503 with Retry-After) instead of failing with a
	 * 500.
	 */
	@ExceptionHandler({ CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
			QueryTimeoutException.class, PessimisticLockingFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class })
	ResponseEntity<ErrorBody> databaseUnavailable(Exception ex) {
		log.warn("Database unavailable: {}", ex.getClass().getSimpleName());
		log.debug("Database failure detail", ex);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(new ErrorBody("The database is temporarily unavailable; please retry shortly"));
	}

	/**
	 * The JSON files cannot be written (a full disk) or read: nothing was changed, and a
	 * retry may succeed once the operator has fixed it. The exception names the file; the
	 * log gets it, the client never does.
	 */
	@ExceptionHandler(StoreUnavailableException.class)
	ResponseEntity<ErrorBody> storeUnavailable(StoreUnavailableException ex) {
		log.warn("Entry store unavailable: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(new ErrorBody(STORE_UNAVAILABLE));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ErrorBody> unexpected(Exception ex) {
		if (clientGone(ex)) {
			// The caller closed the connection mid-response (a closed tab, a load
			// generator
			// stopping): there is no one to answer and nothing went wrong here.
			log.debug("Client went away before the response was written: {}", ex.getMessage());
			return null;
		}
		Optional<ValidationIssue> refused = DatabaseFailures.refusedValue(ex);
		if (refused.isPresent()) {
			return ResponseEntity.status(422).body(new ErrorBody(List.of(refused.get())));
		}
		if (DatabaseFailures.isUnavailable(ex)) {
			// e.g. a commit on a connection the restarting server just closed
			return databaseUnavailable(ex);
		}
		log.error("Unhandled error", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(new ErrorBody("Internal Server Error"));
	}

	/** Whether writing the response failed because the client is gone. */
	static boolean clientGone(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AsyncRequestNotUsableException || cause instanceof ClientAbortException) {
				return true;
			}
		}
		return false;
	}

}
