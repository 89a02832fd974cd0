package app.colophon.library;

/** Resync of one book or one file (DESIGN §5); what the window, the command line and the HTTP API call. */
public interface Resync {

    ResyncResult resyncBook(long bookId, ResyncMode mode);

    ResyncResult resyncFile(long fileId, ResyncMode mode);
}
