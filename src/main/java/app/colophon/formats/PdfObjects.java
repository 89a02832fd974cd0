package app.colophon.formats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PDF object syntax (ISO 32000-1 §7.3) over a window of a file's bytes, for {@link PdfQuick}: numbers, names,
 * strings, arrays, dictionaries and references. Values are Long, Double, Boolean, {@link #NULL}, {@link Name},
 * {@link Text}, List, Map (keys without the slash) and {@link Ref}. Anything it does not expect ends the window with
 * {@link Unexpected}; nothing is repaired.
 */
final class PdfObjects {

    /** What this reader does not read; PDFBox, which repairs what it can, reads the file instead. */
    static class Unexpected extends Exception {
        Unexpected(String why) {
            super(why, null, false, false);
        }
    }

    /** The window ended inside an object: a larger one may hold it. */
    static final class EndOfWindow extends Unexpected {
        EndOfWindow() {
            super("the window ends inside an object");
        }
    }

    record Name(String name) {
    }

    /** A string's bytes, as written (escapes resolved); PDFBox's COSString decodes them into text. */
    record Text(byte[] bytes) {
    }

    record Ref(int number, int generation) {
    }

    static final Object NULL = new Object();

    /** Nesting deeper than this is no metadata anyone wrote, and must not take the stack. */
    private static final int MAX_DEPTH = 64;

    private final byte[] buf;
    private final int end;
    int pos;

    PdfObjects(byte[] buf, int start, int end) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }

    Object value() throws Unexpected {
        return value(0);
    }

    private Object value(int depth) throws Unexpected {
        if (depth > MAX_DEPTH) {
            throw new Unexpected("nested too deep");
        }
        skipSpace();
        int c = peek();
        if (c == '/') {
            return name();
        }
        if (c == '(') {
            return literal();
        }
        if (c == '<') {
            if (pos + 1 < end && buf[pos + 1] == '<') {
                return dictionary(depth);
            }
            return hex();
        }
        if (c == '[') {
            pos++;
            List<Object> list = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == ']') {
                    pos++;
                    return list;
                }
                list.add(value(depth + 1));
            }
        }
        if (c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')) {
            return numberOrRef();
        }
        String word = keyword();
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> NULL;
            default -> throw new Unexpected("unexpected '" + word + "'");
        };
    }

    private Map<String, Object> dictionary(int depth) throws Unexpected {
        pos += 2;
        Map<String, Object> map = new HashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '>') {
                if (pos + 1 < end && buf[pos + 1] == '>') {
                    pos += 2;
                    return map;
                }
                throw new Unexpected("'>' in a dictionary");
            }
            if (peek() != '/') {
                throw new Unexpected("a dictionary key that is no name");
            }
            String key = name().name();
            map.put(key, value(depth + 1));
        }
    }

    /** A number, or {@code n g R}: a reference is two integers followed by R. */
    private Object numberOrRef() throws Unexpected {
        Object first = number();
        if (first instanceof Long n && n >= 0 && n <= Integer.MAX_VALUE) {
            int mark = pos;
            skipSpace();
            if (pos < end && isDigit(buf[pos])) {
                Object second = number();
                skipSpace();
                if (second instanceof Long g && g >= 0 && g <= 65535 && pos < end && buf[pos] == 'R'
                        && (pos + 1 >= end || isDelimiterOrSpace(buf[pos + 1]))) {
                    pos++;
                    return new Ref(n.intValue(), g.intValue());
                }
            }
            pos = mark;
        }
        return first;
    }

    /** An integer, after any space. */
    long integer() throws Unexpected {
        skipSpace();
        if (number() instanceof Long n) {
            return n;
        }
        throw new Unexpected("not an integer");
    }

    Object number() throws Unexpected {
        peek();
        int start = pos;
        while (pos < end && (isDigit(buf[pos]) || buf[pos] == '.' || buf[pos] == '-' || buf[pos] == '+')) {
            pos++;
        }
        if (pos == end) {
            throw new EndOfWindow(); // the number may go on past the window
        }
        String text = new String(buf, start, pos - start, StandardCharsets.ISO_8859_1);
        try {
            if (text.indexOf('.') < 0) {
                return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new Unexpected("not a number: " + text);
        }
    }

    private Name name() throws Unexpected {
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < end && !isDelimiterOrSpace(buf[pos])) {
            int b = buf[pos] & 0xff;
            if (b == '#') {
                if (pos + 2 >= end) {
                    throw new Unexpected("short # escape in a name");
                }
                b = Integer.parseInt(new String(buf, pos + 1, 2, StandardCharsets.ISO_8859_1), 16);
                pos += 2;
            }
            out.append((char) b);
            pos++;
        }
        if (pos == end) {
            throw new EndOfWindow();
        }
        // names are bytes; the keys and values this reader compares are ASCII
        return new Name(out.toString());
    }

    private Text literal() throws Unexpected {
        pos++;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int open = 1;
        while (true) {
            int b = next();
            if (b == '(') {
                open++;
            } else if (b == ')') {
                open = endsHere(open - 1);
                if (open == 0) {
                    return new Text(out.toByteArray());
                }
            } else if (b == '\\') {
                b = next();
                switch (b) {
                    case ')' -> {
                        // PDFBox reads "(c:\)" before the end of a line and a key as the string c:\ (PDFBOX-276)
                        if (endsHere(open) == 0) {
                            out.write('\\');
                            return new Text(out.toByteArray());
                        }
                    }
                    case 'n' -> b = '\n';
                    case 'r' -> b = '\r';
                    case 't' -> b = '\t';
                    case 'b' -> b = '\b';
                    case 'f' -> b = '\f';
                    case '\r', '\n' -> {
                        // a line continuation; like PDFBox, every end-of-line character after it goes too
                        while (pos < end && (buf[pos] == '\r' || buf[pos] == '\n')) {
                            pos++;
                        }
                        continue;
                    }
                    default -> {
                        if (b >= '0' && b <= '7') {
                            int octal = b - '0';
                            for (int i = 0; i < 2 && pos < end && buf[pos] >= '0' && buf[pos] <= '7'; i++) {
                                octal = octal * 8 + (buf[pos++] - '0');
                            }
                            b = octal & 0xff;
                        }
                        // any other escaped byte stands for itself: \( \) \\ and the undefined ones
                    }
                }
            }
            out.write(b); // an end of line stays as written, as PDFBox keeps it
        }
    }

    /**
     * PDFBox's reading of an unbalanced string: a ')' that leaves parentheses open still ends it when an end of line
     * and a key or the dictionary's end follow. Read as PDFBox reads it, so that both readers give the same value.
     */
    private int endsHere(int open) throws Unexpected {
        if (open == 0) {
            return 0;
        }
        byte b0 = (byte) byteAt(pos);
        byte b1 = (byte) byteAt(pos + 1);
        byte b2 = (byte) byteAt(pos + 2);
        boolean eol = b0 == '\r' || b0 == '\n';
        if (eol && (b1 == '/' || b1 == '>') || b0 == '\r' && b1 == '\n' && (b2 == '/' || b2 == '>')) {
            return 0;
        }
        return open;
    }

    private Text hex() throws Unexpected {
        pos++;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int high = -1;
        while (true) {
            int b = next();
            if (b == '>') {
                if (high >= 0) {
                    out.write(high << 4);
                }
                return new Text(out.toByteArray());
            }
            if (isSpace(b)) {
                continue;
            }
            int digit = Character.digit(b, 16);
            if (digit < 0) {
                throw new Unexpected("not a hex digit in a string");
            }
            if (high < 0) {
                high = digit;
            } else {
                out.write(high << 4 | digit);
                high = -1;
            }
        }
    }

    String keyword() throws Unexpected {
        skipSpace();
        peek();
        int start = pos;
        while (pos < end && !isDelimiterOrSpace(buf[pos])) {
            pos++;
        }
        if (pos == end) {
            throw new EndOfWindow();
        }
        if (start == pos) {
            throw new Unexpected("nothing where a keyword should be");
        }
        return new String(buf, start, pos - start, StandardCharsets.ISO_8859_1);
    }

    boolean startsWith(String word) {
        skipSpace();
        if (pos + word.length() > end) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (buf[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    void skipSpace() {
        while (pos < end) {
            int b = buf[pos];
            if (b == '%') {
                while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
                    pos++;
                }
            } else if (isSpace(b)) {
                pos++;
            } else {
                return;
            }
        }
    }

    /** The byte at {@code at}, which must be inside the window. */
    int byteAt(int at) throws Unexpected {
        if (at >= end) {
            throw new EndOfWindow();
        }
        return buf[at] & 0xff;
    }

    private int peek() throws Unexpected {
        if (pos >= end) {
            throw new EndOfWindow();
        }
        return buf[pos] & 0xff;
    }

    private int next() throws Unexpected {
        int b = peek();
        pos++;
        return b;
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    static boolean isSpace(int b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
    }

    private static boolean isDelimiterOrSpace(int b) {
        return isSpace(b) || b == '(' || b == ')' || b == '<' || b == '>' || b == '[' || b == ']' || b == '{'
                || b == '}' || b == '/' || b == '%';
    }
}
