package dev.homebudget.config;

import dev.homebudget.database.ActiveDatabase;
import dev.homebudget.database.DatabaseProperties;
import dev.homebudget.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/config/show}: the effective settings, for development only. The
 * database password never leaves the process.
 */
@RestController
@Tag(name = "ops")
class ConfigController {

	private final AppProperties app;

	private final DatabaseProperties database;

	private final ActiveDatabase activeDatabase;

	ConfigController(AppProperties app, DatabaseProperties database, ActiveDatabase activeDatabase) {
		this.app = app;
		this.database = database;
		this.activeDatabase = activeDatabase;
	}

	@GetMapping(path = "/api/v1/config/show", produces = "application/json")
	@Operation(operationId = "showConfig", summary = "Effective settings (dev mode only; password masked)")
	ConfigView show() {
		if (!this.app.isDevMode()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "Configuration display is only available in dev mode");
		}
		return new ConfigView(this.app.env(), DsnMasker.mask(this.activeDatabase.displayUrl()),
				this.database.poolSize(), this.app.host(), this.app.port());
	}

}
