package dev.homebudget.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The type of every request body sent to the API, checked before any route reads it:
 * <ul>
 * <li>the CSV imports ({@code /api/.../import}) take {@code text/csv} only;</li>
 * <li>the statement upload ({@code POST /api/v1/imports}) takes
 * {@code multipart/form-data} only;</li>
 * <li>every other route takes JSON only ({@code application/json} or
 * {@code application/*+json}); {@code text/plain}, the type of a cross-site "simple"
 * request, is refused like any other;</li>
 * <li>a body without a {@code Content-Type} is read as JSON (as the original did, and as
 * {@code curl --data-binary} scripts rely on) only when the request carries no
 * {@code Origin} and no {@code Sec-Fetch-*} header, i.e. when no browser sent it.</li>
 * </ul>
 * Refusals are 415 with the v1 body. Requests without a body are not checked. Runs after
 * Spring Security's filters (order -100), so a caller without credentials still gets 401
 * first.
 */
@Component
@Order(-50)
class RequestContentTypeFilter extends OncePerRequestFilter {

	static final String NOT_CSV = "Content-Type must be text/csv";

	private static final MediaType CSV = MediaType.parseMediaType("text/csv");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/api/") || !hasBody(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean csv = request.getRequestURI().endsWith("/import");
		String problem = Uploads.isStatementUpload(request) ? multipartProblem(request)
				: csv ? csvProblem(request) : jsonProblem(request);
		if (problem != null) {
			ErrorBody.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

	private static String csvProblem(HttpServletRequest request) {
		MediaType type = mediaType(request.getContentType());
		return (type != null && CSV.includes(type)) ? null : NOT_CSV;
	}

	private static String multipartProblem(HttpServletRequest request) {
		MediaType type = mediaType(request.getContentType());
		return (type != null && MediaType.MULTIPART_FORM_DATA.includes(type)) ? null : Uploads.NOT_MULTIPART;
	}

	private static String jsonProblem(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null || contentType.isBlank()) {
			return fromBrowser(request) ? JsonBodies.NOT_JSON : null;
		}
		MediaType type = mediaType(contentType);
		boolean json = type != null && "application".equals(type.getType())
				&& ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
		return json ? null : JsonBodies.NOT_JSON;
	}

	/** Browsers send {@code Origin} with every non-GET request, and Fetch Metadata. */
	private static boolean fromBrowser(HttpServletRequest request) {
		if (request.getHeader("Origin") != null) {
			return true;
		}
		for (String name : Collections.list(request.getHeaderNames())) {
			if (name.toLowerCase(Locale.ROOT).startsWith("sec-fetch-")) {
				return true;
			}
		}
		return false;
	}

	private static MediaType mediaType(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

}
