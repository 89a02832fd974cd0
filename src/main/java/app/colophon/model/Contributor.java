package app.colophon.model;

import java.util.Objects;

/**
 * A person credited on a book, with a lower-case role such as {@code author}, {@code translator}, {@code penciller}.
 *
 * @param fileAs how the file says to sort the name ("Tolkien, J. R. R.": EPUB {@code file-as}, an audio file's sort
 *               tag), or null; {@link #sortName()} falls back to a name derived from {@code name}
 */
public record Contributor(String name, String role, String fileAs) {
    public static final String AUTHOR = "author";

    public Contributor {
        Objects.requireNonNull(name, "name");
        role = role == null || role.isBlank() ? AUTHOR : role;
        fileAs = fileAs == null || fileAs.isBlank() ? null : fileAs;
    }

    public Contributor(String name, String role) {
        this(name, role, null);
    }

    public static Contributor author(String name) {
        return new Contributor(name, AUTHOR);
    }

    /** The name to sort by: the file's own sort form when it gave one, else "Last, First" ({@link SortNames#person}). */
    public String sortName() {
        return fileAs != null ? fileAs : SortNames.person(name);
    }

    /** The same person with the file's sort form {@code fileAs} (null for none). */
    public Contributor withFileAs(String newFileAs) {
        return new Contributor(name, role, newFileAs);
    }
}
