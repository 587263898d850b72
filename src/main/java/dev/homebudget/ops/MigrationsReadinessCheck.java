package dev.homebudget.ops;

import java.util.Arrays;

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

	MigrationsReadinessCheck(Flyway flyway) {
		this.flyway = flyway;
	}

	@Override
	public String name() {
		return "migrations";
	}

	@Override
	public Result check() {
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
