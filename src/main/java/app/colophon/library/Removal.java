package app.colophon.library;

/** What removing records did: file and book records deleted (the files on disk are never touched). */
public record Removal(int files, int books) {
}
