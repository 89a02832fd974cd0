package app.colophon.library;

/** A folder that is, contains or lies inside a folder a library already has: adding it would import books twice. */
public class FolderOverlapException extends ColophonException {
    public FolderOverlapException(String message) {
        super(message);
    }
}
