package dev.homebudget.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseTests {

	@Test
	void jdbcUrlCarriesCredentialsAndNamesAnExistingDatabase() throws Exception {
		String url = TestDatabase.jdbcUrl("support_tests");
		assertThat(url).matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/support_tests\\?user=postgres&password=.+");
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select current_database()")) {
			rows.next();
			assertThat(rows.getString(1)).isEqualTo("support_tests");
		}
		assertThat(TestDatabase.server().dataDirectory().getParent().getFileName().toString()).startsWith("hbw-test-");
	}

	@Test
	void dataSourceConnects() throws Exception {
		try (Connection connection = TestDatabase.dataSource("support_tests").getConnection()) {
			assertThat(connection.isValid(5)).isTrue();
		}
	}

	@Test
	void concurrentRequestsForTheSameDatabaseAllSucceed() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Boolean>> creates = IntStream.range(0, 4)
				.<Callable<Boolean>>mapToObj((i) -> () -> TestDatabase.server().createDatabaseIfMissing("support_race"))
				.toList();
			List<Boolean> created = executor.invokeAll(creates).stream().map(TestDatabaseTests::get).toList();
			assertThat(created).containsOnlyOnce(true);
		}
		finally {
			executor.shutdown();
		}
	}

	private static Boolean get(Future<Boolean> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
