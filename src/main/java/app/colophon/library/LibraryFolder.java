package app.colophon.library;

import app.colophon.model.Library;

import java.nio.file.Path;

/** A root folder of a library, with how many books have a file under it. */
public record LibraryFolder(Library library, Path path, long books) {
}
