package app.colophon.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a book (DESIGN §3). To add one, add a constant here: its columns are added to the database at start,
 * and the JSON, the command line's {@code edit book --<name>}, the detail window's form and the merge rules follow.
 */
public final class BookField<T> extends DeclaredField<T> {

    private static final List<BookField<?>> ALL = new ArrayList<>();

    public static final BookField<String> TITLE = text("TITLE", "title", "Title");
    public static final BookField<String> SORT_TITLE = text("SORT_TITLE", "sortTitle", "Sort title");
    public static final BookField<String> SUBTITLE = text("SUBTITLE", "subtitle", "Subtitle");
    public static final BookField<String> DESCRIPTION = new BookField<>("DESCRIPTION", "description", "Description",
            ValueKind.TEXT, true);
    public static final BookField<List<Contributor>> AUTHORS = new BookField<>("AUTHORS", "authors", "Authors",
            ValueKind.CONTRIBUTORS, false);
    public static final BookField<List<SeriesEntry>> SERIES = new BookField<>("SERIES", "series", "Series",
            ValueKind.SERIES, false);
    public static final BookField<List<String>> GENRES = new BookField<>("GENRES", "genres", "Genres",
            ValueKind.STRINGS, false);
    public static final BookField<List<String>> TAGS = new BookField<>("TAGS", "tags", "Tags", ValueKind.STRINGS, false);


    private BookField(String name, String jsonName, String label, ValueKind kind, boolean multiline) {
        super(name, ALL.size(), jsonName, label, kind, multiline);
        ALL.add(this);
    }

    private static BookField<String> text(String name, String jsonName, String label) {
        return new BookField<>(name, jsonName, label, ValueKind.TEXT, false);
    }

    /** Every book field, in declaration order. */
    public static List<BookField<?>> values() {
        return Collections.unmodifiableList(ALL);
    }

    /** No value for any book field. */
    public static FieldValues<BookField<?>> none() {
        return FieldValues.empty(values());
    }

    public static Optional<BookField<?>> byJsonName(String name) {
        return ALL.stream().filter(f -> f.jsonName().equals(name)).findFirst();
    }
}
