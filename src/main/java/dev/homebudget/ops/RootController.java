package dev.homebudget.ops;

import java.util.Map;

import dev.homebudget.web.FingerprintedPage;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: the original's greeting, which scripts use to see that the app is up;
 * browsers (whose {@code Accept} names {@code text/html}) get the web UI's page instead,
 * with its scripts' and style sheets' fingerprinted URLs ({@link FingerprintedPage}).
 */
@RestController
@Tag(name = "ops")
class RootController {

	private static final Resource PAGE = new ClassPathResource("static/index.html");

	private final FingerprintedPage page;

	RootController(FingerprintedPage page) {
		this.page = page;
	}

	@GetMapping(path = "/", produces = "application/json")
	@Operation(operationId = "root", summary = "Root")
	Map<String, String> root() {
		return Map.of("message", "Home Budget Web Backend running");
	}

	@Hidden
	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page() {
		// revalidated each time: it names the scripts' fingerprinted URLs of this release
		FingerprintedPage.Page built = this.page.from(PAGE);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.header("Content-Security-Policy", built.contentSecurityPolicy())
			.contentType(MediaType.TEXT_HTML)
			.body(built.html());
	}

}
