package app.colophon.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The fields of one file of a book (DESIGN §3). To add one, add a constant here: its columns are added to the
 * database at start, and the JSON, the command line's {@code edit file --<name>}, the detail window's file form and
 * the merge rules follow.
 */
public final class FileField<T> extends DeclaredField<T> {

    private static final List<FileField<?>> ALL = new ArrayList<>();

    public static final FileField<String> PUBLISHER = text("PUBLISHER", "publisher", "Publisher");
    public static final FileField<String> RELEASE_DATE = text("RELEASE_DATE", "releaseDate", "Release date");
    public static final FileField<String> LANGUAGE = text("LANGUAGE", "language", "Language");
    public static final FileField<List<Identifier>> IDENTIFIERS = new FileField<>("IDENTIFIERS", "identifiers",
            "Identifiers", ValueKind.IDENTIFIERS);
    public static final FileField<List<String>> NARRATORS = new FileField<>("NARRATORS", "narrators", "Narrators",
            ValueKind.STRINGS);
    /** Where the cover image lives inside the file (reader-specific reference), not the image itself. */
    public static final FileField<String> COVER = text("COVER", "cover", "Cover");


    private FileField(String name, String jsonName, String label, ValueKind kind) {
        super(name, ALL.size(), jsonName, label, kind, false);
        ALL.add(this);
    }

    private static FileField<String> text(String name, String jsonName, String label) {
        return new FileField<>(name, jsonName, label, ValueKind.TEXT);
    }

    /** Every file field, in declaration order. */
    public static List<FileField<?>> values() {
        return Collections.unmodifiableList(ALL);
    }

    /** No value for any file field. */
    public static FieldValues<FileField<?>> none() {
        return FieldValues.empty(values());
    }

    public static Optional<FileField<?>> byJsonName(String name) {
        return ALL.stream().filter(f -> f.jsonName().equals(name)).findFirst();
    }

    /** The fields a user edits (the cover reference is the reader's, not the user's). */
    public static List<FileField<?>> editable() {
        return ALL.stream().filter(f -> f != COVER).toList();
    }
}
