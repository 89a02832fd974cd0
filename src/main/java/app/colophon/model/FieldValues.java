package app.colophon.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable set of sourced values keyed by one field enum. Absent fields read as {@link Sourced#none()}.
 * Values are Strings for TEXT fields and unmodifiable Lists for relationships (see {@link ValueKind}).
 */
public final class FieldValues<F extends Enum<F> & Field> {

    private final Class<F> type;
    private final EnumMap<F, Sourced<?>> values;

    private FieldValues(Class<F> type, EnumMap<F, Sourced<?>> values) {
        this.type = type;
        this.values = values;
    }

    public static <F extends Enum<F> & Field> FieldValues<F> empty(Class<F> type) {
        return new FieldValues<>(type, new EnumMap<>(type));
    }

    public Sourced<?> get(F field) {
        Sourced<?> value = values.get(field);
        return value == null ? Sourced.none() : value;
    }

    public String text(F field) {
        Object value = get(field).value();
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> list(F field) {
        Object value = get(field).value();
        return value instanceof List<?> l ? (List<T>) l : List.of();
    }

    public Source source(F field) {
        return get(field).source();
    }

    public FieldValues<F> with(F field, Sourced<?> value) {
        EnumMap<F, Sourced<?>> copy = new EnumMap<>(type);
        copy.putAll(values);
        Sourced<?> normalized = normalize(field, value);
        // Only a user can state "this is empty" (a manual clear); an empty value from a file or a path says nothing.
        if (normalized.isEmpty() && normalized.source() != Source.MANUAL) {
            copy.remove(field);
        } else {
            copy.put(field, normalized);
        }
        return new FieldValues<>(type, copy);
    }

    public FieldValues<F> with(F field, Object value, Source source) {
        return with(field, new Sourced<>(value, source));
    }

    public Map<F, Sourced<?>> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public Class<F> fieldType() {
        return type;
    }

    private Sourced<?> normalize(F field, Sourced<?> value) {
        if (value == null) {
            return Sourced.none();
        }
        Object v = value.value();
        if (field.kind() == ValueKind.TEXT) {
            if (v != null && !(v instanceof String)) {
                throw new IllegalArgumentException(field + " takes text, got " + v.getClass().getSimpleName());
            }
            String s = (String) v;
            return new Sourced<>(s == null || s.isBlank() ? null : s, value.source());
        }
        if (v != null && !(v instanceof List<?>)) {
            throw new IllegalArgumentException(field + " takes a list, got " + v.getClass().getSimpleName());
        }
        List<?> list = v == null ? List.of() : List.copyOf((List<?>) v);
        for (Object element : list) {
            if (!field.kind().elementType().isInstance(element)) {
                throw new IllegalArgumentException(field + " takes " + field.kind().elementType().getSimpleName());
            }
        }
        return new Sourced<>(list, value.source());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldValues<?> other && other.type == type && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
