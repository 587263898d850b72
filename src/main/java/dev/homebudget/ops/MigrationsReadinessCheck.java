package dev.homebudget.ops;

import java.util.Arrays;

import dev.homebudget.schema.SchemaState;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The schema is at the newest script shipped in the app: nothing pending, nothing failed.
 * A schema newer than the app (a rollback of the app) also counts as not ready, since the
 * code may not match it.
 */
@Component
@Order(2)
class MigrationsReadinessCheck implements ReadinessCheck {

	private final Flyway flyway;

	private final SchemaState schema;

	MigrationsReadinessCheck(Flyway flyway, SchemaState schema) {
		this.flyway = flyway;
		this.schema = schema;
	}

	@Override
	public boolean needsSchema() {
		return false;
	}

	@Override
	public boolean cached() {
		return true;
	}

	@Override
	public String name() {
		return "migrations";
	}

	@Override
	public Result check() {
		if (this.schema.phase() == SchemaState.Phase.WAITING_FOR_DATABASE) {
			return Result.down("waiting for the database");
		}
		if (!this.schema.ready()) {
			return Result.down(this.schema.reason());
		}
		MigrationInfoService info = this.flyway.info();
		if (Arrays.stream(info.all()).anyMatch((migration) -> migration.getState().isFailed())) {
			return Result.down("failed migration");
		}
		if (info.pending().length > 0) {
			return Result.down("pending migrations");
		}
		MigrationInfo current = info.current();
		MigrationVersion expected = Arrays.stream(info.all())
			.filter((migration) -> migration.getVersion() != null && migration.getState().isResolved())
			.map(MigrationInfo::getVersion)
			.max(MigrationVersion::compareTo)
			.orElse(null);
		if (current == null || expected == null || !expected.equals(current.getVersion())) {
			return Result.down("schema version differs from the app's scripts");
		}
		return Result.ok();
	}

}
