package app.colophon.formats;

import app.colophon.model.FileFormat;

/**
 * A file that a reader cannot read. The message is short and meant for the user, e.g.
 * {@code Failed to parse EPUB: invalid OPF structure}; the cause, if any, is for the log.
 */
public class MetadataParseException extends Exception {

    public MetadataParseException(FileFormat format, String problem) {
        this(format, problem, null);
    }

    public MetadataParseException(FileFormat format, String problem, Throwable cause) {
        super("Failed to parse " + format.name() + ": " + problem, cause);
    }
}
