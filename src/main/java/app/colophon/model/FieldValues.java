package app.colophon.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable set of sourced values of one family of fields ({@link BookField} or {@link FileField}). Absent fields
 * read as {@link Sourced#none()}. A value's type is its field's {@code T}, checked when the code compiles.
 */
public final class FieldValues<F extends Field<?>> {

    private final List<F> fields;
    /** By the field's ordinal; null where no value. */
    private final Sourced<?>[] values;

    private FieldValues(List<F> fields, Sourced<?>[] values) {
        this.fields = fields;
        this.values = values;
    }

    /** No value for any of {@code fields} (one family, in declaration order). */
    public static <F extends Field<?>> FieldValues<F> empty(List<F> fields) {
        return new FieldValues<>(fields, new Sourced<?>[fields.size()]);
    }

    /** The fields of the family, in declaration order. */
    public List<F> fields() {
        return fields;
    }

    @SuppressWarnings("unchecked")
    public <T> Sourced<T> get(Field<T> field) {
        Sourced<?> value = values[index(field)];
        return value == null ? Sourced.none() : (Sourced<T>) value;
    }

    /** The value, or null. */
    public <T> T value(Field<T> field) {
        return get(field).value();
    }

    /** A text value, null when absent or blank. */
    public String text(Field<String> field) {
        String value = value(field);
        return value != null && !value.isBlank() ? value : null;
    }

    /** A relationship's values, never null. */
    public <E> List<E> list(Field<List<E>> field) {
        List<E> value = value(field);
        return value == null ? List.of() : value;
    }

    public Source source(Field<?> field) {
        return get(field).source();
    }

    public <T> FieldValues<F> with(Field<T> field, T value, Source source) {
        return with(field, new Sourced<>(value, source));
    }

    /**
     * The same values with {@code field} set to {@code value}. Only a user can state "this is empty" (a manual
     * clear): an empty value from a file or a path says nothing and removes the field's value.
     */
    public <T> FieldValues<F> with(Field<T> field, Sourced<T> value) {
        Sourced<?>[] copy = values.clone();
        Sourced<T> normalized = normalize(field, value);
        copy[index(field)] = normalized.isEmpty() && normalized.source() != Source.MANUAL ? null : normalized;
        return new FieldValues<>(fields, copy);
    }

    /** The same values with {@code field} as {@code other} has it (a merge takes fields one by one). */
    public <T> FieldValues<F> withValueOf(Field<T> field, FieldValues<F> other) {
        return with(field, other.get(field));
    }

    /** The fields that have a value (or a manual clear), with it. */
    public Map<F, Sourced<?>> asMap() {
        Map<F, Sourced<?>> map = new LinkedHashMap<>();
        for (F field : fields) {
            Sourced<?> v = values[field.ordinal()];
            if (v != null) {
                map.put(field, v);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private int index(Field<?> field) {
        int i = field.ordinal();
        if (i >= fields.size() || fields.get(i) != field) {
            throw new IllegalArgumentException(field + " is not one of " + fields);
        }
        return i;
    }

    /** Blank text is no text; a list is copied, unmodifiable. */
    @SuppressWarnings("unchecked")
    private static <T> Sourced<T> normalize(Field<T> field, Sourced<T> value) {
        if (value == null) {
            return Sourced.none();
        }
        Object v = value.value();
        if (field.kind() == ValueKind.TEXT) {
            String s = (String) v;
            return new Sourced<>((T) (s == null || s.isBlank() ? null : s), value.source());
        }
        return new Sourced<>((T) (v == null ? List.of() : List.copyOf((List<?>) v)), value.source());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldValues<?> other && other.fields.equals(fields)
                && java.util.Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, java.util.Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
