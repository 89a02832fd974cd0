package app.colophon.store;

import com.j256.ormlite.jdbc.JdbcDatabaseConnection;
import com.j256.ormlite.jdbc.JdbcPooledConnectionSource;
import com.j256.ormlite.jdbc.db.SqliteDatabaseType;
import com.j256.ormlite.logger.Logger;
import com.j256.ormlite.support.DatabaseConnection;

import org.sqlite.JDBC;

import java.sql.SQLException;
import java.util.Properties;

/** ORMLite's connection pool, with each connection's prepared statements kept for reuse ({@link StatementCache}). */
final class CachingConnectionSource extends JdbcPooledConnectionSource {

    private final String jdbcUrl;

    CachingConnectionSource(String url) throws SQLException {
        super(url);
        this.jdbcUrl = url;
    }

    /**
     * What ORMLite's set-up finds out, told: it would guess the database from the URL and then ask
     * {@code DriverManager} for the driver, which first looks for every JDBC driver on the class path (a service
     * lookup over each jar). Called by the constructor, before this class's own fields are set.
     */
    @Override
    public void initialize() throws SQLException {
        if (!initialized) {
            databaseType = new SqliteDatabaseType();
            databaseType.setDriver(new JDBC());
            initialized = true;
        }
        super.initialize();
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

    /** From SQLite's driver itself, not through {@code DriverManager} (see {@link #initialize}). */
    @Override
    protected DatabaseConnection makeConnection(Logger logger) throws SQLException {
        return new JdbcDatabaseConnection(StatementCache.wrap(JDBC.createConnection(jdbcUrl, new Properties())));
    }
}
