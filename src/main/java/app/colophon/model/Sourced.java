package app.colophon.model;

import java.util.Collection;

/**
 * A metadata value and the source it came from. The value may be empty (null, blank or an empty list):
 * an empty value with source {@link Source#MANUAL} is a user's deliberate clear.
 */
public record Sourced<T>(T value, Source source) {

    private static final Sourced<?> NONE = new Sourced<>(null, null);

    @SuppressWarnings("unchecked")
    public static <T> Sourced<T> none() {
        return (Sourced<T>) NONE;
    }

    public static <T> Sourced<T> of(T value, Source source) {
        return isEmptyValue(value) && source == null ? none() : new Sourced<>(value, source);
    }

    public boolean isEmpty() {
        return isEmptyValue(value);
    }

    public static boolean isEmptyValue(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String s) {
            return s.isBlank();
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty();
        }
        return false;
    }
}
