package app.colophon.formats;

import java.util.Locale;
import java.util.Set;

/** Names of entries inside an archive (ZIP, 7-Zip), as the archive readers judge and order them. */
final class EntryNames {

    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "webp", "avif", "bmp", "jxl");

    private EntryNames() {
    }

    /** Entry names are analysed with '/' as the only separator (Windows tools sometimes write '\'). */
    static String normalized(String entryName) {
        return entryName.replace('\\', '/');
    }

    /**
     * Entries named {@code ../x}, {@code /x} or {@code C:x} are never written by honest tools; they are
     * ignored entirely so that nothing downstream (the cover cache) ever sees a name that could escape a folder.
     */
    static boolean isSafe(String name) {
        if (name.startsWith("/") || name.indexOf('\0') >= 0 || (name.length() > 1 && name.charAt(1) == ':')) {
            return false;
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** macOS resource forks ({@code __MACOSX/…}) and hidden files ({@code .DS_Store}, {@code ._page.jpg}). */
    static boolean isJunk(String name) {
        for (String segment : name.split("/")) {
            if (segment.equalsIgnoreCase("__MACOSX")) {
                return true;
            }
        }
        return lastSegment(name).startsWith(".");
    }

    static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    static int depth(String name) {
        return (int) name.chars().filter(c -> c == '/').count();
    }

    static boolean isImage(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Natural order: runs of digits compare by value ("page2" before "page10"), the rest case-insensitively;
     * ties fall back to plain string order so the result is total and stable.
     */
    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int cmp = compareDigits(a.substring(i, endA), b.substring(j, endB));
                if (cmp != 0) {
                    return cmp;
                }
                i = endA;
                j = endB;
            } else {
                int cmp = Character.compare(Character.toLowerCase(Character.toUpperCase(ca)),
                        Character.toLowerCase(Character.toUpperCase(cb)));
                if (cmp != 0) {
                    return cmp;
                }
                i++;
                j++;
            }
        }
        int cmp = Integer.compare(a.length() - i, b.length() - j);
        return cmp != 0 ? cmp : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Compares digit runs by value without parsing them (a run may be longer than a long). */
    private static int compareDigits(String a, String b) {
        String x = stripZeros(a);
        String y = stripZeros(b);
        int cmp = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        // equal values: fewer leading zeros first ("1" before "01")
        return cmp != 0 ? cmp : Integer.compare(a.length(), b.length());
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
