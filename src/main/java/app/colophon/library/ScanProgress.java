package app.colophon.library;

import java.nio.file.Path;

/** How far a library scan is: files looked at out of those that need reading, and the file at hand. */
public record ScanProgress(int done, int total, Path current) {
}
