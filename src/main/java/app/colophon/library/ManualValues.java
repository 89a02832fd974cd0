package app.colophon.library;

import app.colophon.formats.ValueLimits;
import app.colophon.model.BookField;
import app.colophon.model.Contributor;
import app.colophon.model.Edits;
import app.colophon.model.Field;
import app.colophon.model.FileField;
import app.colophon.model.Identifier;
import app.colophon.model.SeriesEntry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What a user types, made fit to store: control characters dropped (a pasted ESC or NUL would reach terminals and
 * file tables; only the description keeps its tabs and line breaks), then held to the limits of what is read from
 * files ({@link ValueLimits}). A value over its limit is refused rather than cut: unlike a file, a user can be told.
 */
final class ManualValues {

    /** For {@link app.colophon.model.Edits#applyTo}: each value as {@link #clean} makes it. */
    static final Edits.Cleaner CLEANER = new Edits.Cleaner() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T clean(Field<T> field, T value) {
            return (T) ManualValues.clean(field, value); // the same kind of value, cleaned
        }
    };

    private ManualValues() {
    }

    /** The value to store for {@code field}; an empty one becomes a clear (null or an empty list). */
    static Object clean(Field<?> field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            String cleaned = field == BookField.DESCRIPTION ? multiline(text) : line(text);
            return cleaned.isEmpty() ? null : require(field.jsonName(), cleaned, limit(field));
        }
        if (value instanceof List<?> list) {
            LinkedHashSet<Object> out = new LinkedHashSet<>();
            for (Object element : list) {
                Object cleaned = element(field, element);
                if (cleaned != null) {
                    out.add(cleaned);
                }
            }
            if (out.size() > ValueLimits.ENTRIES) {
                throw new InvalidValueException(String.format(Locale.ROOT, "Too many %s: %,d, at most %,d",
                        field.jsonName(), out.size(), ValueLimits.ENTRIES));
            }
            return List.copyOf(out);
        }
        return value;
    }

    private static Object element(Field<?> field, Object element) {
        String name = field.jsonName();
        if (element instanceof String s) {
            String c = line(s);
            return c.isEmpty() ? null : require(name, c, ValueLimits.NAME);
        }
        if (element instanceof Contributor c) {
            String person = line(c.name());
            return person.isEmpty() ? null
                    : new Contributor(require(name, person, ValueLimits.NAME), require(name, line(c.role()), ValueLimits.SHORT),
                            c.fileAs() == null ? null : require(name, line(c.fileAs()), ValueLimits.NAME));
        }
        if (element instanceof SeriesEntry s) {
            String series = line(s.name());
            return series.isEmpty() ? null : new SeriesEntry(require(name, series, ValueLimits.NAME), s.number());
        }
        if (element instanceof Identifier i) {
            String id = line(i.value());
            return id.isEmpty() ? null : new Identifier(i.type(), require(name, id, ValueLimits.SHORT));
        }
        return element;
    }

    private static int limit(Field<?> field) {
        if (field == BookField.DESCRIPTION) {
            return ValueLimits.DESCRIPTION;
        }
        if (field == FileField.RELEASE_DATE || field == FileField.LANGUAGE) {
            return ValueLimits.SHORT;
        }
        return ValueLimits.LINE;
    }

    private static String require(String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidValueException(String.format(Locale.ROOT,
                    "The %s value is too long: %,d characters, at most %,d", field, value.length(), max));
        }
        return value;
    }

    /** Without any control character (C0, DEL, C1), trimmed. */
    static String line(String text) {
        return drop(text, false).strip();
    }

    /** Without control characters but tab and line feed (a CR LF becomes LF), trimmed. */
    static String multiline(String text) {
        return drop(text.replace("\r\n", "\n"), true).strip();
    }

    private static String drop(String text, boolean keepTabsAndLines) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.getType(c) == Character.CONTROL
                    && !(keepTabsAndLines && (c == '\t' || c == '\n'));
            if (control && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!control && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
