package dev.homebudget.schema;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application schema as the catalog sees it, one sorted line per object: tables,
 * columns (in table order, with type, nullability, default, identity and generation),
 * constraints, indexes, sequences, views, functions, triggers and types. Flyway's own
 * history table is left out: it exists after the first migration even when every
 * migration has been undone. Two schemas are equal when their dumps are.
 */
final class SchemaDump {

	private static final String IN_SCHEMA = "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())";

	private static final String NOT_HISTORY = "'flyway_schema_history'";

	private static final List<String> QUERIES = List.of("""
			SELECT 'table ' || c.relname || ' kind=' || c.relkind::text
			FROM pg_class c WHERE c.relnamespace = %1$s AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
			  AND c.relname <> %2$s
			""", """
			SELECT 'column ' || c.relname || ' #' || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum)
			       || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
			       || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
			       || COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
			       || CASE a.attidentity WHEN 'a' THEN ' identity always' WHEN 'd' THEN ' identity by default'
			          ELSE '' END
			       || CASE WHEN a.attgenerated <> '' THEN ' generated' ELSE '' END
			       || COALESCE(' collate ' || NULLIF(co.collname, 'default'), '')
			FROM pg_class c
			JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
			LEFT JOIN pg_collation co ON co.oid = a.attcollation
			WHERE c.relnamespace = %1$s AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname <> %2$s
			""", """
			SELECT 'constraint ' || c.relname || ' ' || k.conname || ' ' || k.contype::text || ' '
			       || pg_get_constraintdef(k.oid, true)
			       || CASE WHEN k.condeferrable THEN ' deferrable' ELSE '' END
			FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
			WHERE c.relnamespace = %1$s AND c.relname <> %2$s
			""", """
			SELECT 'index ' || i.indexname || ' ' || i.indexdef
			FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename <> %2$s
			""", """
			SELECT 'sequence ' || s.sequencename || ' ' || s.data_type || ' start ' || s.start_value
			       || ' increment ' || s.increment_by || ' min ' || s.min_value || ' max ' || s.max_value
			       || ' cycle ' || s.cycle::text
			FROM pg_sequences s WHERE s.schemaname = current_schema()
			""", """
			SELECT 'view ' || v.viewname || ' ' || v.definition
			FROM pg_views v WHERE v.schemaname = current_schema()
			""", """
			SELECT 'function ' || p.proname || ' ' || pg_get_functiondef(p.oid)
			FROM pg_proc p WHERE p.pronamespace = %1$s AND p.prokind IN ('f', 'p')
			""", """
			SELECT 'trigger ' || c.relname || ' ' || t.tgname || ' ' || pg_get_triggerdef(t.oid, true)
			FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
			WHERE NOT t.tgisinternal AND c.relnamespace = %1$s
			""", """
			SELECT 'type ' || t.typname || ' ' || t.typtype::text || COALESCE(' ' || (SELECT string_agg(e.enumlabel, ','
			       ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '')
			FROM pg_type t
			WHERE t.typnamespace = %1$s AND t.typtype IN ('e', 'd', 'c')
			  AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)
			""");

	private SchemaDump() {
	}

	static List<String> of(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		List<String> lines = new ArrayList<>();
		for (String query : QUERIES) {
			lines.addAll(jdbc.sql(query.formatted(IN_SCHEMA, NOT_HISTORY)).query(String.class).list());
		}
		lines.sort(String::compareTo);
		return List.copyOf(lines);
	}

}
