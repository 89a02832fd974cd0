package app.colophon.model;

import java.util.Comparator;

/**
 * The one order of a book's files (DESIGN §3): by format (EPUB, CBZ, CB7, CBR, PDF, M4B, M4A, MP3 — the
 * {@link FileFormat} declaration order), then, for chapter files, by disc and track number (unknown ones last), then
 * by path. Book values are taken from the first file that has them, the cover from the first file that has one,
 * and the detail window lists the files in this order.
 */
public final class FileOrder {

    public static final Comparator<BookFile> FILES = (a, b) -> compare(a.format(), a.track(), a.path().toString(),
            b.format(), b.track(), b.path().toString());

    private FileOrder() {
    }

    /** The order on the parts, for callers that hold rows rather than {@link BookFile}s. */
    public static int compare(FileFormat formatA, Track trackA, String pathA, FileFormat formatB, Track trackB,
                              String pathB) {
        int c = formatA.compareTo(formatB);
        if (c != 0) {
            return c;
        }
        c = Comparator.nullsLast(Integer::compare).compare(disc(trackA), disc(trackB));
        if (c != 0) {
            return c;
        }
        c = Comparator.nullsLast(Integer::compare).compare(number(trackA), number(trackB));
        return c != 0 ? c : pathA.compareTo(pathB);
    }

    private static Integer disc(Track t) {
        return t == null ? null : t.disc();
    }

    private static Integer number(Track t) {
        return t == null ? null : t.number();
    }
}
