package app.colophon.formats;

import java.util.List;
import java.util.Locale;

/**
 * The longest values Colophon keeps, whatever a file (or a user) says (docs/DECISIONS.md, "Bounded values"). Without
 * them a 16 KB EPUB holding a 15 MB title (it compresses to nothing) put 15 MB into the database twice, and 60 such
 * files made a 2.7 GB database. Each limit is far above what a real book needs: the longest titles of old books run
 * to about a thousand characters, descriptions to a few ten thousand, credit lists to a few dozen names.
 */
public final class ValueLimits {

    /** Title, sort title, subtitle, publisher. */
    public static final int LINE = 4_096;
    /** One person, series, genre, tag or album. */
    public static final int NAME = 1_024;
    /** Language, release date, a role, an identifier's value. */
    public static final int SHORT = 256;
    /** The description (256 Ki characters). */
    public static final int DESCRIPTION = 262_144;
    /** Entries of one list: authors, narrators, series, genres, tags, identifiers. */
    public static final int ENTRIES = 100;

    private static final char ELLIPSIS = '\u2026';

    private ValueLimits() {
    }

    /**
     * {@code value} if it has at most {@code max} characters, else its first characters and "…", {@code max} in all,
     * cut between two code points (never inside a surrogate pair), with a note of what was cut added to {@code notes}.
     */
    public static String cut(String field, String value, int max, List<String> notes) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(value.charAt(end)) && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        notes.add(String.format(Locale.ROOT, "%s (%,d characters, cut to %,d)", field, value.length(), max));
        return value.substring(0, end) + ELLIPSIS;
    }

    /** {@link #cut} for the entries of a list: one note for all of them, naming the list. */
    public static String cutEach(String list, String value, int max, List<String> notes) {
        if (value == null || value.length() <= max) {
            return value;
        }
        String note = String.format(Locale.ROOT, "%s (over %,d characters, cut to %,d)", list, max, max);
        if (!notes.contains(note)) {
            notes.add(note);
        }
        return cut(list, value, max, new java.util.ArrayList<>());
    }

    /** How a reading's cut values are named to the user, on the file's record: null when nothing was cut. */
    public static String note(List<String> cuts) {
        return cuts.isEmpty() ? null : "Values too long for the library were cut: " + String.join("; ", cuts);
    }
}
