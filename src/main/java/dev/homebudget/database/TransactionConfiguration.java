package dev.homebudget.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.StringJoiner;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The transaction manager: Spring's JDBC one, which also hands each read-write
 * transaction the {@link TransactionSettings} of its caller, in one statement at its
 * start (read-only transactions, and transactions while no settings apply, send nothing).
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

	@Bean
	JdbcTransactionManager transactionManager(DataSource dataSource, ObjectProvider<TransactionSettings> settings) {
		return new SettingTransactionManager(dataSource, settings);
	}

	static final class SettingTransactionManager extends JdbcTransactionManager {

		private final transient ObjectProvider<TransactionSettings> settings;

		SettingTransactionManager(DataSource dataSource, ObjectProvider<TransactionSettings> settings) {
			super(dataSource);
			this.settings = settings;
		}

		@Override
		protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
				throws SQLException {
			super.prepareTransactionalConnection(connection, definition);
			if (definition.isReadOnly()) {
				return;
			}
			TransactionSettings source = this.settings.getIfAvailable();
			Map<String, String> values = (source != null) ? source.forWriteTransaction() : Map.of();
			if (values.isEmpty()) {
				return;
			}
			StringJoiner sql = new StringJoiner(", ", "SELECT ", "");
			values.keySet().forEach((name) -> sql.add("set_config(?, ?, true)"));
			try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
				int index = 1;
				for (Map.Entry<String, String> value : values.entrySet()) {
					statement.setString(index++, value.getKey());
					statement.setString(index++, value.getValue());
				}
				statement.execute();
			}
		}

	}

}
