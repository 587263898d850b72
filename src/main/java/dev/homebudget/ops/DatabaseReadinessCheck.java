package dev.homebudget.ops;

import javax.sql.DataSource;

import dev.homebudget.schema.SchemaState;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The database answers {@code SELECT 1} within a second. */
@Component
@Order(1)
class DatabaseReadinessCheck implements ReadinessCheck {

	private final JdbcTemplate jdbc;

	private final SchemaState schema;

	DatabaseReadinessCheck(DataSource dataSource, SchemaState schema) {
		this.jdbc = new JdbcTemplate(dataSource);
		// Server-side bound too, so a stuck statement is cancelled rather than abandoned.
		this.jdbc.setQueryTimeout(1);
		this.schema = schema;
	}

	@Override
	public boolean cached() {
		return true;
	}

	@Override
	public String name() {
		return "database";
	}

	@Override
	public boolean needsSchema() {
		return false;
	}

	@Override
	public Result check() {
		if (this.schema.phase() == SchemaState.Phase.WAITING_FOR_DATABASE) {
			// the startup migration is polling it; the pool has not been opened
			return Result.down(this.schema.reason());
		}
		try {
			Integer one = this.jdbc.queryForObject("SELECT 1", Integer.class);
			return (one != null && one == 1) ? Result.ok() : Result.down("unexpected answer");
		}
		catch (CannotGetJdbcConnectionException ex) {
			return Result.down("cannot connect to the database");
		}
		catch (DataAccessException ex) {
			return Result.down("query failed: " + ex.getClass().getSimpleName());
		}
	}

}
