package app.colophon.formats;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text clean-up shared by the readers: whitespace, control characters, HTML. */
public final class Text {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t\\r]]|[\\uFEFF\\u200B]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LINE_SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");
    private static final Pattern MANY_NEWLINES = Pattern.compile("\\n\\s*\\n\\s*(\\n\\s*)+");
    private static final java.util.Map<String, Pattern> SEPARATORS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" ?\\n ?");
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern BLOCK_BREAK = Pattern.compile("(?i)<\\s*(br\\s*/?|/p|/div|/li|/h[1-6]|/tr)\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("mdash", "\u2014"),
            Map.entry("ndash", "\u2013"), Map.entry("hellip", "\u2026"), Map.entry("rsquo", "\u2019"),
            Map.entry("lsquo", "\u2018"), Map.entry("rdquo", "\u201D"), Map.entry("ldquo", "\u201C"),
            Map.entry("copy", "\u00A9"), Map.entry("eacute", "\u00E9"), Map.entry("egrave", "\u00E8"),
            Map.entry("uuml", "\u00FC"), Map.entry("ouml", "\u00F6"), Map.entry("auml", "\u00E4"),
            Map.entry("szlig", "\u00DF"));

    private Text() {
    }

    /**
     * A number written in digits, or null when it is too large to be one (hundreds of digits read as infinity, which
     * nothing downstream can display: found by fuzzing the file name parser).
     */
    static Double finiteNumber(String digits) {
        double d = Double.parseDouble(digits);
        return Double.isFinite(d) ? d : null;
    }

    /**
     * One line: control characters (and U+FEFF, U+200B) removed, whitespace runs collapsed to one space, trimmed;
     * null when nothing is left. One pass by hand rather than two regular expressions: a 15 MB title took 0.5 s.
     */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        if (isClean(value)) {
            return value; // most values: nothing to remove or collapse, and no copy made
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), 1 << 16));
        int run = -1; // start of the run of kept characters not yet copied
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (!blank && Character.getType(c) != Character.CONTROL && c != '\uFEFF' && c != '\u200B') {
                if (run < 0) {
                    if (space && !out.isEmpty()) {
                        out.append(' ');
                    }
                    space = false;
                    run = i;
                }
                continue;
            }
            if (run >= 0) {
                out.append(value, run, i);
                run = -1;
            }
            space |= blank;
        }
        if (run >= 0) {
            out.append(value, run, value.length());
        }
        return out.isEmpty() ? null : out.toString();
    }

    /**
     * Whether {@link #clean} would return {@code value} unchanged: not empty, printable ASCII or non-control
     * characters other than the ones it removes, single spaces between words, none at the ends. Conservative: any
     * character that is not plain (whitespace other than ' ', anything it might remove) sends the value through the
     * full pass, which copies it.
     */
    private static boolean isClean(String value) {
        int n = value.length();
        if (n == 0 || value.charAt(0) == ' ' || value.charAt(n - 1) == ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean plain = (c > ' ' && c < 0x7F) || (c >= 0xA0 && c != 0xFEFF && c != 0x200B && !Character.isWhitespace(c)
                    && !Character.isSpaceChar(c) && Character.getType(c) != Character.CONTROL);
            if (c == ' ') {
                if (previous == ' ') {
                    return false;
                }
            } else if (!plain) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Like {@link #clean} but keeps paragraph breaks (at most one blank line). */
    public static String cleanMultiline(String value) {
        if (value == null) {
            return null;
        }
        if (isClean(value)) {
            return value; // one line with nothing to clean: what it would come to after five regex passes
        }
        String s = CONTROL.matcher(value.replace("\r\n", "\n")).replaceAll("");
        s = LINE_SPACES.matcher(s).replaceAll(" ");
        s = SPACE_AROUND_NEWLINE.matcher(s).replaceAll("\n");
        s = MANY_NEWLINES.matcher(s).replaceAll("\n\n").trim();
        return s.isEmpty() ? null : s;
    }

    /** Plain text from an HTML fragment such as an EPUB description; entities decoded, blocks kept as lines. */
    public static String htmlToText(String html) {
        if (html == null) {
            return null;
        }
        // In HTML a raw line break is just a space; only block elements break lines.
        String s = SPACES.matcher(SCRIPT_OR_STYLE.matcher(html).replaceAll("")).replaceAll(" ");
        s = BLOCK_BREAK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        return cleanMultiline(decodeEntities(s));
    }

    public static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.charAt(0) == '#') {
                int cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                replacement = Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
            } else {
                replacement = NAMED.getOrDefault(name, m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Splits on the given separator regex, cleaning each part and dropping empty ones. */
    public static java.util.List<String> split(String value, String separatorRegex) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (value == null) {
            return out;
        }
        // String.split compiles a pattern of more than one character on every call, and this runs per value read
        for (String part : SEPARATORS.computeIfAbsent(separatorRegex, Pattern::compile).split(value)) {
            String c = clean(part);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether s is min to max ASCII digits; String.matches compiled its pattern on every call of a scan. */
    static boolean isDigits(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The words of a space-separated list (an attribute's tokens), as {@code value.trim().split("\\s+")}. */
    public static String[] words(String value) {
        return SPACES.split(value.trim());
    }
}
