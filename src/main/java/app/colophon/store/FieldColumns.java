package app.colophon.store;

import app.colophon.model.BookField;
import app.colophon.model.Field;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.model.Sourced;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The value and source columns of a family of fields, made from the fields' declarations ({@link Field#column()}):
 * the SQL that reads and writes them, and the columns themselves, added to the table at start when a new field
 * has none yet. So a field is declared once, in {@link BookField} or {@link FileField}.
 */
final class FieldColumns<F extends Field<?>> {

    static final FieldColumns<BookField<?>> BOOK = new FieldColumns<>("book", BookField.values(), BookField.none());
    static final FieldColumns<FileField<?>> FILE = new FieldColumns<>("book_file", FileField.values(), FileField.none());

    private final String table;
    private final List<F> fields;
    private final FieldValues<F> none;
    /** Made once: the scan writes a row per file, and building these per row was a tenth of its database time. */
    private final String names;
    private final String placeholders;
    private final String assignments;

    private FieldColumns(String table, List<F> fields, FieldValues<F> none) {
        this.table = table;
        this.fields = fields;
        this.none = none;
        this.names = fields.stream().map(f -> f.column() + ", " + f.column() + "_src").collect(Collectors.joining(", "));
        this.placeholders = fields.stream().map(f -> "?, ?").collect(Collectors.joining(", "));
        this.assignments = fields.stream().map(f -> f.column() + " = ?, " + f.column() + "_src = ?")
                .collect(Collectors.joining(", "));
    }

    /** {@code title, title_src, sort_title, sort_title_src, …} */
    String names() {
        return names;
    }

    /** {@code ?, ?, …}, two per field. */
    String placeholders() {
        return placeholders;
    }

    /** {@code title = ?, title_src = ?, …} */
    String assignments() {
        return assignments;
    }

    /** Sets the two parameters of every field from {@code index} on; returns the next index. */
    int bind(PreparedStatement statement, int index, FieldValues<F> values) throws SQLException {
        int i = index;
        for (F field : fields) {
            Sourced<?> v = values.get((Field<?>) field);
            statement.setString(i++, FieldCodec.encode(field, v.value()));
            statement.setString(i++, FieldCodec.source(v.source()));
        }
        return i;
    }

    /**
     * The fields of a row whose SELECT lists {@link #names()} from column {@code first} on (by position: a look-up
     * by name searches the row's columns each time).
     */
    FieldValues<F> read(ResultSet row, int first) throws SQLException {
        FieldValues<F> values = none;
        int i = first;
        for (Field<?> field : fields) {
            values = FieldCodec.put(values, field, row.getString(i), row.getString(i + 1));
            i += 2;
        }
        return values;
    }

    /** Adds the columns of the fields declared since the table was made (run at start, after the migrations). */
    void ensure(Connection connection) throws SQLException {
        Set<String> existing = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet columns = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (columns.next()) {
                existing.add(columns.getString("name"));
            }
        }
        for (F field : fields) {
            for (String column : List.of(field.column(), field.column() + "_src")) {
                if (!existing.contains(column)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate("ALTER TABLE " + table + " ADD COLUMN " + column + " TEXT");
                    }
                }
            }
        }
    }
}
