package app.colophon.ui.common;

import app.colophon.model.Contributor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;

/** How the window writes the values it shows in several places: names, dates, and any text from a file or its name. */
public final class Texts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private Texts() {
    }

    /** "Jane Roe, Nora Narrator". */
    public static String names(List<Contributor> people) {
        return visible(people.stream().map(Contributor::name).collect(Collectors.joining(", ")));
    }

    /**
     * {@code text} with its control characters made visible, for one line of a label or a cell: a file named
     * {@code x\nFAKE…\e[31mRED.epub} shows as "x␊FAKE…␛[31mRED.epub", not as two lines. C0 controls and DEL become
     * their Unicode control pictures (␊, ␉, ␛, ␡); C1 controls and the invisible bidirectional overrides that could
     * disguise a name ("gpj.exe") become "�". Null stays null.
     */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char shown = c < 0x20 ? (char) (0x2400 + c) : c == 0x7f ? '\u2421' : hidden(c) ? '\uFFFD' : c;
            if (shown != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(shown);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean hidden(char c) {
        return c >= 0x80 && c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
                || c == 0x2028 || c == 0x2029;
    }

    /** A day in the user's locale and time zone, e.g. "3 Dec 2026". */
    public static String date(Instant instant) {
        return DATE.format(instant);
    }
}
