package dev.homebudget.config;

import dev.homebudget.database.ActiveDatabase;
import dev.homebudget.database.DatabaseProperties;
import dev.homebudget.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/config/show}: the effective settings, for development only
 * ({@code ENV=dev}, the default of single-user mode only). The database password never
 * leaves the process.
 */
@RestController
@Tag(name = "ops")
class ConfigController {

	private final AppProperties app;

	private final DatabaseProperties database;

	private final ActiveDatabase activeDatabase;

	private final boolean signInMode;

	ConfigController(AppProperties app, DatabaseProperties database, ActiveDatabase activeDatabase,
			Environment environment) {
		this.app = app;
		this.database = database;
		this.activeDatabase = activeDatabase;
		this.signInMode = signInMode(environment);
	}

	/** The auth mode as its property names it (read here: settings sit below auth). */
	private enum Mode {

		SINGLE_USER, SIGN_IN

	}

	static boolean signInMode(Environment environment) {
		return Binder.get(environment).bind("budget.auth.mode", Mode.class).orElse(Mode.SINGLE_USER) == Mode.SIGN_IN;
	}

	@GetMapping(path = "/api/v1/config/show", produces = "application/json")
	@Operation(operationId = "showConfig", summary = "Effective settings (dev mode only; password masked)")
	ConfigView show() {
		if (!this.app.isDevMode(this.signInMode)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "Configuration display is only available in dev mode");
		}
		return new ConfigView(this.app.env(this.signInMode), DsnMasker.mask(this.activeDatabase.displayUrl()),
				this.database.poolSize(), this.app.host(), this.app.port());
	}

}
