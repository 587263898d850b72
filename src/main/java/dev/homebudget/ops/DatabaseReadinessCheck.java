package dev.homebudget.ops;

import javax.sql.DataSource;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The database answers {@code SELECT 1} within a second. */
@Component
@Order(1)
class DatabaseReadinessCheck implements ReadinessCheck {

	private final JdbcTemplate jdbc;

	DatabaseReadinessCheck(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		// Server-side bound too, so a stuck statement is cancelled rather than abandoned.
		this.jdbc.setQueryTimeout(1);
	}

	@Override
	public String name() {
		return "database";
	}

	@Override
	public Result check() {
		Integer one = this.jdbc.queryForObject("SELECT 1", Integer.class);
		return (one != null && one == 1) ? Result.ok() : Result.down("unexpected answer");
	}

}
