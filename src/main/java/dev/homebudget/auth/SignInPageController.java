package dev.homebudget.auth;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /login}: the sign-in page (a static page; its script fills in the CSRF token
 * from the cookie). In single-user mode there is nothing to sign in to: the UI.
 */
@Controller
@Hidden
class SignInPageController {

	private static final Resource PAGE = new ClassPathResource("static/ui/login.html");

	private final CurrentUser currentUser;

	SignInPageController(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	@GetMapping(path = "/login")
	ResponseEntity<Resource> signInPage() {
		if (this.currentUser.mode() == AuthMode.SINGLE_USER) {
			return ResponseEntity.status(302).header("Location", "/").build();
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-store").body(PAGE);
	}

}
