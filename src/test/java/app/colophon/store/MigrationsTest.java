package app.colophon.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@link Migrations} splits a script into the statements it runs one by one. */
class MigrationsTest {

    @TempDir
    Path temp;

    @Test
    void splitsOnTheSemicolonThatEndsALine() {
        assertThat(Migrations.statements("CREATE TABLE a (x);\nCREATE TABLE b (y);\n"))
                .containsExactly("CREATE TABLE a (x)", "CREATE TABLE b (y)");
    }

    @Test
    void keepsAStatementThatSpansLinesTogether() {
        assertThat(Migrations.statements("CREATE TABLE a (\n  x INTEGER,\n  y TEXT\n);\n"))
                .containsExactly("CREATE TABLE a (\n  x INTEGER,\n  y TEXT\n)");
    }

    @Test
    void dropsWholeLineCommentsEvenIndented() {
        assertThat(Migrations.statements("-- the books\nCREATE TABLE a (x);\n   -- an index; it speeds up the grid\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x)", "CREATE INDEX i ON a (x)");
    }

    @Test
    void aSemicolonInsideALineDoesNotEndTheStatement() {
        assertThat(Migrations.statements("INSERT INTO a (x) VALUES ('one; two');\n"))
                .containsExactly("INSERT INTO a (x) VALUES ('one; two')");
    }

    @Test
    void keepsTheLastStatementWithoutANewlineOrSemicolon() {
        assertThat(Migrations.statements("CREATE TABLE a (x);\nCREATE TABLE b (y)"))
                .containsExactly("CREATE TABLE a (x)", "CREATE TABLE b (y)");
    }

    @Test
    void toleratesWindowsLineEndingsAndSpacesAfterTheSemicolon() {
        assertThat(Migrations.statements("CREATE TABLE a (x);  \r\n\r\nCREATE TABLE b (y);\r\n"))
                .containsExactly("CREATE TABLE a (x)", "CREATE TABLE b (y)");
    }

    @Test
    void blankLinesAndCommentsAloneMakeNoStatement() {
        assertThat(Migrations.statements("\n-- nothing yet\n\n")).isEmpty();
    }

    static final List<String> SCRIPTS = Migrations.SCRIPTS;

    /** Every shipped script splits into statements that SQLite runs one by one, in order, on an empty database. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("SCRIPTS")
    void everyShippedScriptSplitsIntoStatementsSqliteAccepts(String script) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("m.db"));
             Statement s = c.createStatement()) {
            for (String earlier : SCRIPTS.subList(0, SCRIPTS.indexOf(script))) {
                run(s, earlier);
            }
            int statements = run(s, script);
            assertThat(statements).isPositive();
        }
    }

    private static int run(Statement s, String script) throws Exception {
        List<String> statements = Migrations.statements(read(script));
        for (String sql : statements) {
            assertThat(sql).as("one statement").doesNotEndWith(";");
            try {
                s.execute(sql);
            } catch (SQLException e) {
                throw new AssertionError(script + ": " + e.getMessage() + " in\n" + sql, e);
            }
        }
        return statements.size();
    }

    private static String read(String script) throws Exception {
        try (InputStream in = MigrationsTest.class.getResourceAsStream("/db/migration/" + script)) {
            assertThat(in).as(script).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
