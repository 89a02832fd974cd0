package app.colophon.model;

import java.util.Objects;

/** A person credited on a book, with a lower-case role such as {@code author}, {@code translator}, {@code penciller}. */
public record Contributor(String name, String role) {
    public static final String AUTHOR = "author";

    public Contributor {
        Objects.requireNonNull(name, "name");
        role = role == null || role.isBlank() ? AUTHOR : role;
    }

    public static Contributor author(String name) {
        return new Contributor(name, AUTHOR);
    }
}
