package app.colophon.library;

/** The file(s) could not be read; nothing was changed. The message is the reader's, e.g. "Failed to parse EPUB: …". */
public class ParseFailedException extends ColophonException {
    public ParseFailedException(String message) {
        super(message);
    }
}
