package app.colophon.store;

import com.j256.ormlite.jdbc.JdbcDatabaseConnection;
import com.j256.ormlite.jdbc.JdbcPooledConnectionSource;
import com.j256.ormlite.logger.Logger;
import com.j256.ormlite.support.DatabaseConnection;

import java.sql.DriverManager;
import java.sql.SQLException;

/** ORMLite's connection pool, with each connection's prepared statements kept for reuse ({@link StatementCache}). */
final class CachingConnectionSource extends JdbcPooledConnectionSource {

    private final String jdbcUrl;

    CachingConnectionSource(String url) throws SQLException {
        super(url);
        this.jdbcUrl = url;
    }

    /**
     * A read after the database was closed (a window's background read finishing as it closes) is refused with a
     * plain "closed" error; the pool would fail with a NullPointerException on its freed connection list.
     */
    @Override
    public DatabaseConnection getReadWriteConnection(String tableName) throws SQLException {
        if (!isOpen(tableName)) {
            throw new SQLException("the database is closed");
        }
        return super.getReadWriteConnection(tableName);
    }

    @Override
    protected DatabaseConnection makeConnection(Logger logger) throws SQLException {
        return new JdbcDatabaseConnection(StatementCache.wrap(DriverManager.getConnection(jdbcUrl)));
    }
}
