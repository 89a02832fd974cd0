package app.colophon.formats;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalises publication dates to ISO {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}. */
public final class Dates {

    private static final Pattern ISO = Pattern.compile("^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?(?:[T ].*)?$");
    private static final List<DateTimeFormatter> WRITTEN = List.of(
            DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
    /**
     * Calibre writes 0101-01-01 for "no date", which a time-zone shift turns into 0100-12-31 (Calibre itself
     * treats every year before 101 as undefined); it is not a date anyone published in.
     */
    private static final int CALIBRE_UNDEFINED_YEAR = 101;
    /** "May 4th, 1977": English ordinal suffixes that the written-date formats do not accept. */
    private static final Pattern ORDINAL = Pattern.compile("(?<=\\d)(?:st|nd|rd|th)\\b", Pattern.CASE_INSENSITIVE);

    private Dates() {
    }

    /**
     * The ISO form of a date, or the cleaned original text when it is not a date we can read (so the user
     * still sees what the file says); null for blank input or Calibre's undefined date.
     */
    public static String normalize(String raw) {
        String value = Text.clean(raw);
        if (value == null) {
            return null;
        }
        Matcher m = ISO.matcher(value);
        if (m.matches()) {
            if (Integer.parseInt(m.group(1)) <= CALIBRE_UNDEFINED_YEAR) {
                return null;
            }
            return ymd(m.group(1), m.group(2), m.group(3));
        }
        String written = ORDINAL.matcher(value).replaceAll("");
        for (DateTimeFormatter f : WRITTEN) {
            try {
                return LocalDate.parse(written, f).toString();
            } catch (DateTimeParseException ignored) {
                // try the next spelling
            }
        }
        return value;
    }

    /** Builds an ISO date from parts that may be missing or out of range (e.g. ComicInfo Year/Month/Day). */
    public static String ymd(String year, String month, String day) {
        if (year == null || !Text.isDigits(year, 4, 4)) {
            return null;
        }
        int mo = parse(month);
        if (mo < 1 || mo > 12) {
            return year;
        }
        int d = parse(day);
        String ym = year + "-" + twoDigits(mo);
        if (d < 1 || d > 31) {
            return ym;
        }
        return ym + "-" + twoDigits(d);
    }

    /** 1..99 as two digits; String.format showed in the profiles of first scans. */
    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static int parse(String s) {
        if (s == null || !Text.isDigits(s.trim(), 1, 2)) {
            return -1;
        }
        return Integer.parseInt(s.trim());
    }
}
