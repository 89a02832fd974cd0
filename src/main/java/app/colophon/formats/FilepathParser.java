package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import app.colophon.model.SeriesEntry;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metadata from a file's name and its folder's name, the lowest-priority source (DESIGN §3):
 * {@code [Author, Other] Title (Series #2) {Narrator}}. Each convention looks in the file stem first,
 * then in the parent folder name.
 */
public final class FilepathParser {

    private static final Pattern AUTHORS = Pattern.compile("\\[([^\\[\\]]+)]");
    private static final Pattern NARRATORS = Pattern.compile("\\{([^{}]+)}");
    private static final Pattern SERIES = Pattern.compile(
            "\\(([^()]+?)(?:\\s*#\\s*|\\s*,\\s*book\\s+|\\s+book\\s+)(\\d+(?:\\.\\d+)?)\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMIC_NUMBER = Pattern.compile(
            "^(.*?\\S)\\s+(?:v|vol\\.?\\s*|#|c)(\\d+(?:\\.\\d+)?)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_DASHES = Pattern.compile("[\\s\\-–]+$");
    private static final Pattern LOOSE_ENDS = Pattern.compile("^[\\s\\-–—:.]+|[\\s\\-–—:,]+$");
    /**
     * What {@link #LOOSE_ENDS} can take off either end of a title, and the line terminators its {@code $} may stand
     * before: a title that neither starts nor ends with one of these is left as the regex would leave it.
     */
    private static final String LOOSE_END_CHARS = " \t\n\u000B\f\r-–—:.,\u0085\u2028\u2029";
    private static final String NAME_SEPARATORS = "\\s*[,;&]\\s*";

    private FilepathParser() {
    }

    public static ParsedMetadata parse(Path file, FileFormat format) {
        String stem = stem(file);
        Path parent = file.getParent() == null ? null : file.getParent().getFileName();
        String folder = parent == null ? "" : parent.toString();

        ParsedMetadata.Builder b = ParsedMetadata.builder();
        // Underscores stand for spaces in names too: "[Frank_Herbert]_Dune" is by "Frank Herbert".
        Text.split(spaces(firstGroup(AUTHORS, '[', stem, folder)), NAME_SEPARATORS)
                .forEach(a -> b.author(Contributor.author(a)));
        Text.split(spaces(firstGroup(NARRATORS, '{', stem, folder)), NAME_SEPARATORS).forEach(b::narrator);

        Matcher series = find(SERIES, '(', stem);
        if (series == null) {
            series = find(SERIES, '(', folder);
        }
        // "( Book 1)" names no series (found by fuzzing: a null name took the whole scan down)
        String seriesName = series == null ? null : Text.clean(series.group(1).replace('_', ' '));
        if (seriesName != null) {
            b.series(new SeriesEntry(seriesName, Text.finiteNumber(series.group(2))));
        }

        String title = title(stem);
        if (title == null) {
            title = title(folder);
        }
        if (title == null) {
            title = Text.clean(stem.replace('_', ' '));
        }
        b.title(title);
        boolean isComic = format == FileFormat.CBZ || format == FileFormat.CB7 || format == FileFormat.CBR;
        if (isComic && seriesName == null && title != null) {
            // Keeps "Saga v01" as the title: removing the number would give every volume the same title.
            Matcher comic = COMIC_NUMBER.matcher(title);
            String comicSeries = comic.matches() ? Text.clean(TRAILING_DASHES.matcher(comic.group(1)).replaceAll("")) : null;
            if (comicSeries != null) {
                b.series(new SeriesEntry(comicSeries, Text.finiteNumber(comic.group(2))));
            }
        }
        return b.build();
    }

    public static String stem(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String spaces(String s) {
        return s == null ? null : s.replace('_', ' ');
    }

    private static String firstGroup(Pattern pattern, char opening, String stem, String folder) {
        Matcher m = find(pattern, opening, stem);
        if (m == null) {
            m = find(pattern, opening, folder);
        }
        return m == null ? null : m.group(1);
    }

    /**
     * The pattern's first match in {@code s}, or null; each pattern here starts with its bracket, and most names
     * have none, so a name without it is not searched (these regexes were ~3% of the readers' time in a first scan).
     */
    private static Matcher find(Pattern pattern, char opening, String s) {
        if (s.indexOf(opening) < 0) {
            return null;
        }
        Matcher m = pattern.matcher(s);
        return m.find() ? m : null;
    }

    private static String removeAll(Pattern pattern, char opening, String s) {
        return s.indexOf(opening) < 0 ? s : pattern.matcher(s).replaceAll(" ");
    }

    /** The name with the author, narrator and series groups removed; null when nothing is left. */
    private static String title(String name) {
        String t = removeAll(AUTHORS, '[', name);
        t = removeAll(NARRATORS, '{', t);
        t = removeAll(SERIES, '(', t);
        t = Text.clean(t.replace('_', ' '));
        if (t == null) {
            return null;
        }
        if (isLooseEnd(t.charAt(0)) || isLooseEnd(t.charAt(t.length() - 1))) {
            t = LOOSE_ENDS.matcher(t).replaceAll("");
        }
        return t.isEmpty() ? null : t;
    }

    private static boolean isLooseEnd(char c) {
        return LOOSE_END_CHARS.indexOf(c) >= 0;
    }
}
