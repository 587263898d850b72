package dev.homebudget.ledger;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The next page is announced in headers so that the body stays the v1 array:
 * {@code Link: <...&cursor=...>; rel="next"} (RFC 8288) and {@code X-Next-Cursor}.
 */
public final class PageLinks {

	public static final String NEXT_CURSOR_HEADER = "X-Next-Cursor";

	private PageLinks() {
	}

	public static ResponseEntity.BodyBuilder ok(PageCursor next) {
		return ok((next != null) ? next.encode() : null);
	}

	/** As {@link #ok(PageCursor)}, with a cursor of another list (or null). */
	public static ResponseEntity.BodyBuilder ok(String token) {
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (token != null) {
			String url = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("cursor", token)
				.build()
				.toUriString();
			response.header(HttpHeaders.LINK, "<" + url + ">; rel=\"next\"");
			response.header(NEXT_CURSOR_HEADER, token);
		}
		return response;
	}

}
