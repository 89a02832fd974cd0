package app.colophon.library;

import app.colophon.model.BookFile;

/** A file marked missing, with the title of its book, for the list the user removes them from. */
public record MissingFile(BookFile file, String bookTitle) {
}
