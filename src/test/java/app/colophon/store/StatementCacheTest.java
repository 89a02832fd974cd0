package app.colophon.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link StatementCache} over a real SQLite connection: a closed statement comes back for the same SQL, clean, and
 * the real statements are closed when the connection is.
 */
class StatementCacheTest {

    @TempDir
    Path temp;

    private Connection real;
    private Connection cached;

    @BeforeEach
    void open() throws SQLException {
        real = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("cache.db"));
        try (Statement s = real.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
        }
        cached = StatementCache.wrap(real);
    }

    @AfterEach
    void close() throws SQLException {
        cached.close();
    }

    @Test
    void theSameSqlGetsBackTheStatementClosedBefore() throws SQLException {
        PreparedStatement first = cached.prepareStatement("SELECT name FROM t WHERE id = ?");
        PreparedStatement underFirst = first.unwrap(PreparedStatement.class);
        first.close();

        PreparedStatement second = cached.prepareStatement("SELECT name FROM t WHERE id = ?");

        assertThat(second.unwrap(PreparedStatement.class)).isSameAs(underFirst);
        second.close();
    }

    @Test
    void differentSqlGetsADifferentStatement() throws SQLException {
        PreparedStatement first = cached.prepareStatement("SELECT name FROM t WHERE id = ?");
        PreparedStatement underFirst = first.unwrap(PreparedStatement.class);
        first.close();

        PreparedStatement other = cached.prepareStatement("SELECT id FROM t WHERE name = ?");

        assertThat(other.unwrap(PreparedStatement.class)).isNotSameAs(underFirst);
        other.close();
    }

    @Test
    void aStatementInUseIsNotHandedOutTwice() throws SQLException {
        PreparedStatement a = cached.prepareStatement("SELECT name FROM t WHERE id = ?");
        PreparedStatement b = cached.prepareStatement("SELECT name FROM t WHERE id = ?");

        assertThat(b.unwrap(PreparedStatement.class)).isNotSameAs(a.unwrap(PreparedStatement.class));
        a.close();
        b.close();
    }

    @Test
    void aReusedStatementHasNoParametersNorRowLimitLeftFromItsLastUse() throws SQLException {
        PreparedStatement first = cached.prepareStatement("SELECT name FROM t WHERE id > ? ORDER BY id");
        first.setInt(1, 0);
        first.setMaxRows(1);
        assertThat(names(first)).containsExactly("a");
        first.close();

        PreparedStatement again = cached.prepareStatement("SELECT name FROM t WHERE id > ? ORDER BY id");

        // SQLite binds an unset parameter as NULL (id > NULL matches nothing); the old 0 would match every row.
        assertThat(names(again)).as("the old parameter is gone").isEmpty();
        again.setInt(1, 1);
        assertThat(names(again)).as("no row limit left").containsExactly("b", "c");
        again.close();
    }

    @Test
    void aStatementCannotBeUsedAfterItWasClosed() throws SQLException {
        PreparedStatement statement = cached.prepareStatement("SELECT name FROM t WHERE id = ?");
        statement.close();

        assertThat(statement.isClosed()).isTrue();
        assertThatThrownBy(() -> statement.setInt(1, 1)).isInstanceOf(SQLException.class)
                .hasMessageContaining("already closed");
    }

    @Test
    void closingTwiceReturnsTheStatementOnce() throws SQLException {
        PreparedStatement statement = cached.prepareStatement("SELECT name FROM t WHERE id = ?");
        PreparedStatement under = statement.unwrap(PreparedStatement.class);
        statement.close();
        statement.close();

        PreparedStatement a = cached.prepareStatement("SELECT name FROM t WHERE id = ?");
        PreparedStatement b = cached.prepareStatement("SELECT name FROM t WHERE id = ?");

        assertThat(a.unwrap(PreparedStatement.class)).isSameAs(under);
        assertThat(b.unwrap(PreparedStatement.class)).isNotSameAs(under);
        a.close();
        b.close();
    }

    @Test
    void generatedKeyColumnsAreComparedByContentNotByArray() throws SQLException {
        PreparedStatement first = cached.prepareStatement("INSERT INTO t (name) VALUES (?)", new String[] {"id"});
        PreparedStatement under = first.unwrap(PreparedStatement.class);
        first.close();

        PreparedStatement second = cached.prepareStatement("INSERT INTO t (name) VALUES (?)", new String[] {"id"});

        assertThat(second.unwrap(PreparedStatement.class)).isSameAs(under);
        second.close();
    }

    @Test
    void closingTheConnectionClosesTheKeptStatements() throws SQLException {
        PreparedStatement statement = cached.prepareStatement("SELECT name FROM t WHERE id = ?");
        PreparedStatement under = statement.unwrap(PreparedStatement.class);
        statement.close();
        assertThat(under.isClosed()).as("kept open for reuse").isFalse();

        cached.close();

        assertThat(under.isClosed()).isTrue();
        assertThat(real.isClosed()).isTrue();
    }

    @Test
    void atMostFourStatementsPerSqlAreKept() throws SQLException {
        List<PreparedStatement> open = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            open.add(cached.prepareStatement("SELECT name FROM t WHERE id = ?"));
        }
        List<PreparedStatement> under = new ArrayList<>();
        for (PreparedStatement p : open) {
            under.add(p.unwrap(PreparedStatement.class));
            p.close();
        }

        assertThat(under).filteredOn(this::isClosed).as("closed rather than kept").hasSize(2);
    }

    private boolean isClosed(PreparedStatement p) {
        try {
            return p.isClosed();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> names(PreparedStatement p) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
