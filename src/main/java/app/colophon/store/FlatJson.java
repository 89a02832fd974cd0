package app.colophon.store;

import app.colophon.model.ValueKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the relationship columns ({@code [{"name":"…","role":"…"}]}, {@code ["…"]}) without Jackson. Opening a
 * 100,000-book window decodes two of them per book before the grid can show; Jackson's general parser spent half
 * a second there in a fresh JVM, this small loop a fraction of that. Anything it does not expect (it knows only
 * flat arrays of strings or of objects with string, number and null values, and the book values' object of
 * objects) makes it give up with {@link IllegalArgumentException}, and {@link FieldCodec} asks Jackson instead.
 */
final class FlatJson {

    private final String text;
    private int pos;

    private FlatJson(String text) {
        this.text = text;
    }

    static List<Object> parse(ValueKind kind, String text) {
        FlatJson p = new FlatJson(text);
        List<Object> out = new ArrayList<>(2);
        p.expect('[');
        if (!p.consume(']')) {
            do {
                out.add(kind == ValueKind.STRINGS ? p.string() : p.object(kind));
            } while (p.consume(','));
            p.expect(']');
        }
        p.requireEnd();
        return out;
    }

    /**
     * A file's book values column ({@code {"title":{"value":"…","source":"…"},…}}) as field name → {value, source}.
     * Only string values and string or null sources: anything else (Jackson would read a number's text) gives up.
     */
    static Map<String, String[]> entries(String text) {
        FlatJson p = new FlatJson(text);
        Map<String, String[]> out = new HashMap<>();
        p.expect('{');
        if (!p.consume('}')) {
            do {
                String field = p.string();
                p.expect(':');
                out.put(field, p.entry());
            } while (p.consume(','));
            p.expect('}');
        }
        p.requireEnd();
        return out;
    }

    private String[] entry() {
        String[] valueAndSource = new String[2];
        expect('{');
        if (!consume('}')) {
            do {
                String key = string();
                expect(':');
                Object scalar = scalar();
                if (key.equals("value")) {
                    valueAndSource[0] = (String) Objects.requireNonNull(scalar);
                } else if (key.equals("source")) {
                    valueAndSource[1] = (String) scalar;
                }
            } while (consume(','));
            expect('}');
        }
        return valueAndSource;
    }

    private Object object(ValueKind kind) {
        Element element = new Element();
        expect('{');
        if (!consume('}')) {
            do {
                String key = string();
                expect(':');
                element.put(key, scalar());
            } while (consume(','));
            expect('}');
        }
        return element.build(kind);
    }

    /** A string, a number (as Double) or null; a wrong type surfaces as a ClassCastException in the caller. */
    private Object scalar() {
        skipSpace();
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (text.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        int start = pos;
        while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("unexpected '" + c + "'");
        }
        return Double.valueOf(text.substring(start, pos));
    }

    private String string() {
        expect('"');
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
                pos++;
                return s;
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(text, start, pos);
                pos++;
                sb.append(escape());
                start = pos;
            } else {
                if (c < 0x20) {
                    throw new IllegalArgumentException("control character in a string");
                }
                pos++;
            }
        }
    }

    private char escape() {
        if (pos >= text.length()) {
            throw new IllegalArgumentException("unterminated escape");
        }
        char c = text.charAt(pos++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                if (pos + 4 > text.length()) {
                    throw new IllegalArgumentException("short \\u escape");
                }
                char u = (char) Integer.parseInt(text, pos, pos + 4, 16);
                pos += 4;
                yield u;
            }
            default -> throw new IllegalArgumentException("bad escape \\" + c);
        };
    }

    private void requireEnd() {
        skipSpace();
        if (pos != text.length()) {
            throw new IllegalArgumentException("text after the value");
        }
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos);
        }
    }

    private boolean consume(char c) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
