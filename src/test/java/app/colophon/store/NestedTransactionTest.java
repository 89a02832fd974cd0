package app.colophon.store;

import app.colophon.model.Library;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Database#inTransaction} called inside another joins it: what the inner work wrote goes or stays with the
 * outer transaction, and a failure inside leaves later transactions able to roll back.
 */
class NestedTransactionTest {

    @TempDir
    Path temp;

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(temp.resolve("c.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aFailureInsideANestedTransactionUndoesTheOuterTransactionsWrites() {
        assertThatThrownBy(() -> db.inTransaction(() -> {
            db.libraries().create("Outer");
            db.inTransaction(() -> {
                db.libraries().create("Inner");
                throw new IllegalStateException("boom");
            });
        })).isInstanceOf(IllegalStateException.class);

        assertThat(db.libraries().list()).isEmpty();
    }

    @Test
    void aTransactionAfterAFailedNestedOneStillRollsBack() {
        failNested();

        assertThatThrownBy(() -> db.inTransaction(() -> {
            db.libraries().create("Half done");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(db.libraries().list()).extracting(Library::name).doesNotContain("Half done");
    }

    @Test
    void aTransactionAfterAFailedNestedOneStillCommits() {
        failNested();

        db.inTransaction(() -> db.libraries().create("Kept"));

        assertThat(db.libraries().list()).extracting(Library::name).containsExactly("Kept");
    }

    private void failNested() {
        assertThatThrownBy(() -> db.inTransaction(() -> {
            db.inTransaction(() -> {
                throw new IllegalStateException("inner");
            });
        })).isInstanceOf(IllegalStateException.class);
    }
}
