package app.colophon.library;

import app.colophon.formats.Identifiers;
import app.colophon.model.Contributor;
import app.colophon.model.Field;
import app.colophon.model.Identifier;
import app.colophon.model.IdentifierType;
import app.colophon.model.SeriesEntry;
import app.colophon.model.ValueKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field values as a user types and reads them, shared by the editor and the command line: lists are separated
 * by ';' ("A; B"), an author may end in a role in parentheses ("Jane Roe (translator)"), a series in a number
 * ("Dune #1"), an identifier may start with its type ("isbn13:978…"). An empty string is an empty value.
 * {@link #format} and {@link #parse} are inverse: what the editor shows parses back to the same value.
 */
public final class FieldText {

    private static final Pattern ROLE = Pattern.compile("^(.*?)\\s*\\(([^()]+)\\)$");
    private static final Pattern SERIES = Pattern.compile("^(.*?)\\s*#\\s*(\\d+(?:\\.\\d+)?)$");

    private FieldText() {
    }

    /** What a user typed, as the field's value (text is trusted to match the field's kind: one place does it). */
    @SuppressWarnings("unchecked")
    public static <T> T parse(Field<T> field, String input) {
        return (T) parseValue(field, input);
    }

    private static Object parseValue(Field<?> field, String input) {
        String text = input == null ? "" : input.trim();
        if (field.kind() == ValueKind.TEXT) {
            return text.isEmpty() ? null : text;
        }
        List<Object> values = new ArrayList<>();
        for (String part : text.split(";")) {
            String p = part.trim();
            Object element = p.isEmpty() ? null : element(field.kind(), p);
            if (element != null) {
                values.add(element);
            }
        }
        return List.copyOf(values);
    }

    public static String format(Field<?> field, Object value) {
        if (value == null) {
            return "";
        }
        if (field.kind() == ValueKind.TEXT) {
            return value.toString();
        }
        List<String> parts = new ArrayList<>();
        for (Object e : (List<?>) value) {
            parts.add(formatElement(e));
        }
        return String.join("; ", parts);
    }

    private static String formatElement(Object e) {
        if (e instanceof Contributor c) {
            return c.role().equals(Contributor.AUTHOR) ? c.name() : c.name() + " (" + c.role() + ")";
        }
        if (e instanceof SeriesEntry s) {
            return s.display();
        }
        if (e instanceof Identifier i) {
            return i.type().jsonName() + ":" + i.value();
        }
        return String.valueOf(e);
    }

    private static Object element(ValueKind kind, String p) {
        switch (kind) {
            case CONTRIBUTORS -> {
                Matcher m = ROLE.matcher(p);
                return m.matches() && !m.group(1).isBlank()
                        ? new Contributor(m.group(1).trim(), m.group(2).trim().toLowerCase(Locale.ROOT))
                        : Contributor.author(p);
            }
            case SERIES -> {
                Matcher m = SERIES.matcher(p);
                return m.matches() && !m.group(1).isBlank()
                        ? new SeriesEntry(m.group(1).trim(), Double.valueOf(m.group(2)))
                        : new SeriesEntry(p, null);
            }
            case IDENTIFIERS -> {
                int colon = p.indexOf(':');
                if (colon > 0) {
                    String type = p.substring(0, colon).trim().toUpperCase(Locale.ROOT);
                    for (IdentifierType t : IdentifierType.values()) {
                        if (t.name().equals(type)) {
                            return typed(t, p.substring(colon + 1).trim());
                        }
                    }
                }
                return Identifiers.parse(p, null);
            }
            default -> {
                return p;
            }
        }
    }

    /**
     * A value typed with its type ("isbn13:978-0-306-40615-7"), written the way the readers write that type (ISBNs
     * without hyphens or spaces, UUIDs in lower case, ASINs in upper case), so it compares equal to the file's own.
     */
    private static Identifier typed(IdentifierType type, String value) {
        String v = switch (type) {
            case ISBN13, ISBN10 -> value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
            case UUID -> value.toLowerCase(Locale.ROOT);
            case ASIN -> value.toUpperCase(Locale.ROOT);
            default -> value;
        };
        return v.isEmpty() ? null : new Identifier(type, v);
    }
}
