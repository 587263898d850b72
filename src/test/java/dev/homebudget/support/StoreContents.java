package dev.homebudget.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.JsonLedgerFormat;
import dev.homebudget.transition.LedgerFile;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What each store holds, read from outside the application: the JSON file from disk and
 * the table from PostgreSQL, as records by id, so that two stores can be compared field
 * by field (amounts exact, null and "" kept apart).
 */
public final class StoreContents {

	private StoreContents() {
	}

	public static Map<Integer, JsonEntry> json(Path directory, LedgerFile file) {
		Path path = directory.resolve(file.fileName());
		try {
			JsonLedgerFormat.Parsed parsed = JsonLedgerFormat.parse(file, Files.readAllBytes(path), path);
			if (!parsed.rejections().isEmpty()) {
				throw new IllegalStateException(path + ": " + parsed.rejections());
			}
			Map<Integer, JsonEntry> byId = new TreeMap<>();
			parsed.entries().forEach((entry) -> byId.put(entry.id(), entry));
			return byId;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Map<Integer, JsonEntry> database(DataSource dataSource, LedgerFile file) {
		String business = file.hasBusiness() ? "business" : "NULL AS business";
		Map<Integer, JsonEntry> byId = new TreeMap<>();
		JdbcClient.create(dataSource)
			.sql("SELECT id, date, " + business + ", category, amount, account, currency, notes FROM "
					+ file.tableName())
			.query(StoreContents::entry)
			.list()
			.forEach((entry) -> byId.put(entry.id(), entry));
		return byId;
	}

	private static JsonEntry entry(ResultSet rs, int row) throws SQLException {
		return new JsonEntry(rs.getInt("id"), rs.getObject("date", LocalDate.class), rs.getString("business"),
				rs.getString("category"), rs.getBigDecimal("amount"), rs.getString("account"), rs.getString("currency"),
				rs.getString("notes"));
	}

}
