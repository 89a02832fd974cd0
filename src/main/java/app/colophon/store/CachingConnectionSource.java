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

    @Override
    protected DatabaseConnection makeConnection(Logger logger) throws SQLException {
        return new JdbcDatabaseConnection(StatementCache.wrap(DriverManager.getConnection(jdbcUrl)));
    }
}
