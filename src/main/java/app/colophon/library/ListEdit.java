package app.colophon.library;

import app.colophon.model.BookField;
import app.colophon.model.SeriesEntry;

import java.util.List;
import java.util.Objects;

/**
 * One change to a list field of many books at once ({@link MetadataEditor#editMany}): add values to, remove values
 * from, or set the tags, genres or series. Values are Strings for tags and genres, {@link SeriesEntry} for series;
 * a series is removed by its name (a SeriesEntry or a String). Names compare without regard to case.
 */
public record ListEdit(BookField<?> field, Op op, List<?> values) {

    public enum Op { ADD, REMOVE, SET }

    private static final List<BookField<?>> FIELDS = List.of(BookField.TAGS, BookField.GENRES, BookField.SERIES);

    public ListEdit {
        Objects.requireNonNull(op, "op");
        if (!FIELDS.contains(field)) {
            throw new InvalidValueException("Only tags, genres and series can be edited on many books at once, not "
                    + (field == null ? "null" : field.jsonName()));
        }
        values = List.copyOf(values);
        for (Object value : values) {
            boolean fits = field == BookField.SERIES
                    ? value instanceof SeriesEntry || op == Op.REMOVE && value instanceof String
                    : value instanceof String;
            if (!fits) {
                throw new InvalidValueException("Not a value of " + field.jsonName() + ": " + value);
            }
        }
    }

    public static ListEdit add(BookField<?> field, List<?> values) {
        return new ListEdit(field, Op.ADD, values);
    }

    public static ListEdit remove(BookField<?> field, List<?> values) {
        return new ListEdit(field, Op.REMOVE, values);
    }

    public static ListEdit set(BookField<?> field, List<?> values) {
        return new ListEdit(field, Op.SET, values);
    }
}
