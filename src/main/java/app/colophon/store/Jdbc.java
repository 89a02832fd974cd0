package app.colophon.store;

import com.j256.ormlite.jdbc.JdbcDatabaseConnection;
import com.j256.ormlite.support.ConnectionSource;
import com.j256.ormlite.support.DatabaseConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC on the pool's connections: inside {@link Database#inTransaction} the transaction's own connection,
 * outside it one from the pool. Statements are prepared once per connection ({@link StatementCache}).
 */
final class Jdbc {

    private final ConnectionSource connections;

    Jdbc(ConnectionSource connections) {
        this.connections = connections;
    }

    /**
     * Whether this thread is inside {@link Database#inTransaction}: its queries then run on the transaction's
     * connection (ORMLite keeps it per thread), and work handed to another thread would read without its writes.
     */
    boolean inTransaction(String table) {
        return connections.getSpecialConnection(table) != null;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    <T> List<T> query(String table, String sql, Binder binder, RowReader<T> reader) {
        return call(() -> {
            DatabaseConnection connection = connections.getReadOnlyConnection(table);
            try {
                return withStatement(connection, sql, statement -> {
                    binder.bind(statement);
                    List<T> out = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            out.add(reader.read(rows));
                        }
                    }
                    return out;
                });
            } finally {
                connections.releaseConnection(connection);
            }
        });
    }

    /**
     * The values of column {@code v} of {@code sql}, as longs. SQLite joins them into one text, parsed here: 80,000 ids
     * come back in a few milliseconds, where reading them row by row through the driver took 35 ms.
     */
    long[] queryIds(String table, String sql, Binder binder) {
        List<String> row = query(table, "SELECT group_concat(v) FROM (" + sql + ")", binder, r -> r.getString(1));
        String joined = row.isEmpty() ? null : row.get(0); // NULL when no row matched
        if (joined == null || joined.isEmpty()) {
            return new long[0];
        }
        long[] out = new long[1 + count(joined, ',')];
        int n = 0;
        long value = 0;
        boolean negative = false;
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == ',') {
                out[n++] = negative ? -value : value;
                value = 0;
                negative = false;
            } else if (c == '-') {
                negative = true;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        out[n] = negative ? -value : value;
        return out;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    <T> Optional<T> queryOne(String table, String sql, Binder binder, RowReader<T> reader) {
        return query(table, sql, binder, reader).stream().findFirst();
    }

    long queryLong(String table, String sql, Binder binder) {
        return queryOne(table, sql, binder, row -> row.getLong(1)).orElse(0L);
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    int update(String table, String sql, Binder binder) {
        return call(() -> {
            DatabaseConnection connection = connections.getReadWriteConnection(table);
            try {
                return withStatement(connection, sql, statement -> {
                    binder.bind(statement);
                    return statement.executeUpdate();
                });
            } finally {
                connections.releaseConnection(connection);
            }
        });
    }

    /**
     * Runs a one-row INSERT; returns the new row's id. Not {@code RETURNING id}: SQLite runs a RETURNING clause as a
     * trigger, and a statement with a trigger keeps a statement journal, a copy of every page it changes (on the
     * 100,000-book first scan, freeing those copies was a fifth of the writer's time).
     */
    long insert(String table, String sql, Binder binder) {
        return call(() -> {
            DatabaseConnection connection = connections.getReadWriteConnection(table);
            try {
                int inserted = withStatement(connection, sql, statement -> {
                    binder.bind(statement);
                    return statement.executeUpdate();
                });
                if (inserted != 1) {
                    throw new SQLException("No row inserted by " + sql);
                }
                // the connection is this thread's until it is released: no other insert comes between
                return withStatement(connection, "SELECT last_insert_rowid()", statement -> {
                    try (ResultSet id = statement.executeQuery()) {
                        id.next();
                        return id.getLong(1);
                    }
                });
            } finally {
                connections.releaseConnection(connection);
            }
        });
    }

    @FunctionalInterface
    private interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /** Runs {@code work} on the connection's cached statement for {@code sql} ({@link StatementCache#borrow}). */
    private static <T> T withStatement(DatabaseConnection connection, String sql, StatementWork<T> work)
            throws SQLException {
        Connection jdbc = jdbc(connection);
        PreparedStatement statement = StatementCache.borrow(jdbc, sql);
        boolean failed = true;
        try {
            T result = work.run(statement);
            failed = false;
            return result;
        } finally {
            StatementCache.release(jdbc, sql, statement, failed);
        }
    }

    private static Connection jdbc(DatabaseConnection connection) {
        return ((JdbcDatabaseConnection) connection).getUnderlyingConnection();
    }

    /** A nullable Integer column. */
    static Integer integer(ResultSet row, String column) throws SQLException {
        int v = row.getInt(column);
        return row.wasNull() ? null : v;
    }

    static Long longOrNull(ResultSet row, String column) throws SQLException {
        long v = row.getLong(column);
        return row.wasNull() ? null : v;
    }

    static Double doubleOrNull(ResultSet row, String column) throws SQLException {
        double v = row.getDouble(column);
        return row.wasNull() ? null : v;
    }

    static void set(PreparedStatement s, int index, Object value) throws SQLException {
        s.setObject(index, value);
    }

    static <T> T call(SqlCall<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new StoreException("Database error: " + rootMessage(e), e);
        }
    }

    /** ORMLite wraps the driver's exception; its message ("[SQLITE_CONSTRAINT_FOREIGNKEY] …") is the useful one. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @FunctionalInterface
    interface SqlCall<T> {
        T run() throws SQLException;
    }
}
