package app.colophon.cli;

import java.util.Locale;

/**
 * Text from files and their names, made safe for a terminal: a file named {@code x<LF>FAKE: injected line<ESC>[31mRED.epub}
 * printed raw forges a line of output and colours the terminal. Control characters are written as escapes
 * ({@code \n}, {@code \t}, {@code \r}, else {@code \x1b}; C1 controls and the bidirectional overrides that can
 * disguise a name as {@code \u202e}), so every value stays on its line and nothing reaches the terminal as a command.
 * JSON output needs none of this: it escapes control characters itself.
 */
final class Escaped {

    private Escaped() {
    }

    /** {@code value} (its {@code toString}) with every control character escaped; null becomes "". */
    static String of(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(escape != null ? escape : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\t':
                return "\\t";
            case '\r':
                return "\\r";
            default:
                if (c < 0x20 || c == 0x7f) {
                    return String.format(Locale.ROOT, "\\x%02x", (int) c);
                }
                if (c >= 0x80 && c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
                        || c == 0x2028 || c == 0x2029) {
                    return String.format(Locale.ROOT, "\\u%04x", (int) c);
                }
                return null;
        }
    }
}
