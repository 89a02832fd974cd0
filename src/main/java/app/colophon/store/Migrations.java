package app.colophon.store;

import com.j256.ormlite.support.ConnectionSource;
import com.j256.ormlite.support.DatabaseConnection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/** Numbered schema migrations from {@code db/migration}, applied in order, each recorded in {@code schema_version}. */
final class Migrations {

    /** In order; never edit a migration that has shipped, add the next number. */
    static final List<String> SCRIPTS = List.of("V1__initial_schema.sql", "V2__grid_indexes.sql",
            "V3__missing_and_moves.sql", "V4__audio_tracks.sql", "V5__search.sql", "V6__excluded.sql");

    private Migrations() {
    }

    /**
     * Runs inside the caller's transaction, so a failing migration leaves the schema as it was. Returns the version
     * the database had before (0 for a new one).
     */
    static int apply(ConnectionSource connections) throws SQLException {
        DatabaseConnection c = connections.getReadWriteConnection(null);
        try {
            c.executeStatement("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)",
                    DatabaseConnection.DEFAULT_RESULT_FLAGS);
            long current = c.queryForLong("SELECT COALESCE(MAX(version), 0) FROM schema_version");
            for (int i = (int) current; i < SCRIPTS.size(); i++) {
                for (String statement : statements(read(SCRIPTS.get(i)))) {
                    c.executeStatement(statement, DatabaseConnection.DEFAULT_RESULT_FLAGS);
                }
                c.executeStatement("INSERT INTO schema_version (version, applied_at) VALUES (" + (i + 1) + ", "
                        + System.currentTimeMillis() + ")", DatabaseConnection.DEFAULT_RESULT_FLAGS);
            }
            // A field declared since the last migration gets its columns here: no migration to write for it.
            java.sql.Connection jdbc = ((com.j256.ormlite.jdbc.JdbcDatabaseConnection) c).getUnderlyingConnection();
            FieldColumns.BOOK.ensure(jdbc);
            FieldColumns.FILE.ensure(jdbc);
            return (int) current;
        } finally {
            connections.releaseConnection(c);
        }
    }

    static int latestVersion() {
        return SCRIPTS.size();
    }

    private static String read(String script) throws SQLException {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new SQLException("Missing migration " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("Cannot read migration " + script, e);
        }
    }

    /** Splits a script on statement-ending semicolons, after dropping {@code --} comment lines. */
    static List<String> statements(String script) {
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.trim().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(sql.toString().split(";\\s*\n"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

}
