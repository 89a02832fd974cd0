package app.colophon.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An insert returns the id of the row it wrote ({@code last_insert_rowid()}), never a stale one. */
class JdbcInsertTest {

    private static final String INSERT = "INSERT INTO library (name, created_at) VALUES (?, 0)";

    @TempDir
    Path temp;

    @Test
    void eachInsertReturnsTheIdOfItsOwnRow() {
        try (Database db = Database.open(temp.resolve("c.db"))) {
            Jdbc jdbc = new Jdbc(db.connections());

            long first = jdbc.insert("library", INSERT, s -> s.setString(1, "First"));
            long second = jdbc.insert("library", INSERT, s -> s.setString(1, "Second"));

            assertThat(second).isNotEqualTo(first);
            assertThat(nameOf(jdbc, first)).isEqualTo("First");
            assertThat(nameOf(jdbc, second)).isEqualTo("Second");
        }
    }

    @Test
    void anInsertThatWritesNoRowIsAnErrorNotThePreviousId() {
        try (Database db = Database.open(temp.resolve("c.db"))) {
            Jdbc jdbc = new Jdbc(db.connections());
            jdbc.insert("library", INSERT, s -> s.setString(1, "Shelf"));

            assertThatThrownBy(() -> jdbc.insert("library", INSERT.replace("INSERT", "INSERT OR IGNORE"),
                    s -> s.setString(1, "Shelf")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("No row inserted");
        }
    }

    private static String nameOf(Jdbc jdbc, long id) {
        return jdbc.queryOne("library", "SELECT name FROM library WHERE id = ?", s -> s.setLong(1, id),
                r -> r.getString(1)).orElseThrow();
    }
}
