package dev.homebudget.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.regex.Pattern;

import dev.homebudget.database.EmbeddedPostgresSupervisor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health probes. {@code /api/v1/health} (the original's) and {@code /live} deliberately
 * do not touch the database: a database outage must never make a liveness probe restart
 * the app. {@code /ready} does, so a load balancer stops sending traffic while it fails.
 */
@RestController
@Tag(name = "ops")
@EnableConfigurationProperties(HealthProperties.class)
class HealthController {

	static final String RETRY_AFTER_SECONDS = "5";

	/** IPv4 dotted, or IPv6 hex with colons (bracketed or not, with a zone). */
	private static final Pattern IP_LITERAL = Pattern
		.compile("[0-9.]+|\\[?[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z_.-]+)?\\]?");

	private final Readiness readiness;

	private final HealthProperties properties;

	private final ObjectProvider<EmbeddedPostgresSupervisor> supervisor;

	/** Without a database supervisor (tests of readiness alone). */
	HealthController(Readiness readiness, HealthProperties properties) {
		this(readiness, properties, new StaticListableBeanFactory().getBeanProvider(EmbeddedPostgresSupervisor.class));
	}

	@Autowired
	HealthController(Readiness readiness, HealthProperties properties,
			ObjectProvider<EmbeddedPostgresSupervisor> supervisor) {
		this.readiness = readiness;
		this.properties = properties;
		this.supervisor = supervisor;
	}

	@GetMapping(path = "/api/v1/health", produces = "application/json")
	@Operation(operationId = "health", summary = "Health check (process alive)")
	Map<String, String> health() {
		return Map.of("status", "ok");
	}

	/**
	 * The process is alive, whatever the database does (an outage must not restart the
	 * app), unless the app cannot recover by itself: the embedded PostgreSQL it started
	 * died and could not be started again (503, so that a process supervisor restarts the
	 * app).
	 */
	@GetMapping(path = "/api/v1/health/live", produces = "application/json")
	@Operation(operationId = "liveness", summary = "Liveness (process only, never the database)")
	ResponseEntity<Map<String, String>> live() {
		EmbeddedPostgresSupervisor supervisor = this.supervisor.getIfAvailable();
		if (supervisor != null && !supervisor.recovering()) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.body(Map.of("status", "not_alive", "reason",
						"the embedded PostgreSQL server died and could not be started again"));
		}
		return ResponseEntity.ok(Map.of("status", "alive"));
	}

	@GetMapping(path = "/api/v1/health/ready", produces = "application/json")
	@Operation(operationId = "readiness",
			summary = "Readiness: database, migrations and identity sequences, each by name (503 when any fails)",
			description = "Each check's reason and duration_ms are shown to loopback callers only, by default "
					+ "(budget.health.details: loopback, always or never)")
	ResponseEntity<Readiness.ReadinessReport> ready(HttpServletRequest request) {
		Readiness.ReadinessReport report = this.readiness.run();
		if (!showsDetails(request)) {
			report = report.withoutDetails();
		}
		if (report.ready()) {
			return ResponseEntity.ok(report);
		}
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(report);
	}

	private boolean showsDetails(HttpServletRequest request) {
		return switch (this.properties.details()) {
			case ALWAYS -> true;
			case NEVER -> false;
			case LOOPBACK -> isLoopback(request.getRemoteAddr());
		};
	}

	/** The remote address is an IP literal, so this never looks a name up. */
	static boolean isLoopback(String address) {
		if (address == null || address.isEmpty() || !IP_LITERAL.matcher(address).matches()) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
