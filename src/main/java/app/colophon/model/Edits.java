package app.colophon.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a user changes of a book or a file, field by field, as the editor applies it (source manual). An empty
 * value clears the field. Values are typed by their field: a wrong one does not compile.
 */
public final class Edits<F extends Field<?>> {

    private final Map<F, Object> changes = new LinkedHashMap<>();
    private final Class<?> family;

    private Edits(Class<?> family) {
        this.family = family;
    }

    public static Edits<BookField<?>> ofBook() {
        return new Edits<>(BookField.class);
    }

    public static Edits<FileField<?>> ofFile() {
        return new Edits<>(FileField.class);
    }

    /** Sets {@code field} to {@code value}; an empty value (null, blank, empty list) clears it. */
    @SuppressWarnings("unchecked")
    public <T> Edits<F> set(Field<T> field, T value) {
        if (!family.isInstance(field)) {
            throw new IllegalArgumentException(field + " is not a field of " + family.getSimpleName());
        }
        changes.put((F) field, value);
        return this;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public Set<F> fields() {
        return Collections.unmodifiableSet(changes.keySet());
    }

    /** What is done to each value before it is applied (the editor drops control characters, refuses huge ones). */
    public interface Cleaner {
        <T> T clean(Field<T> field, T value);
    }

    /** {@code values} with every change applied as a manual value. */
    public FieldValues<F> applyTo(FieldValues<F> values) {
        return applyTo(values, new Cleaner() {
            @Override
            public <T> T clean(Field<T> field, T value) {
                return value;
            }
        });
    }

    /** {@code values} with every change, cleaned by {@code cleaner}, applied as a manual value. */
    public FieldValues<F> applyTo(FieldValues<F> values, Cleaner cleaner) {
        FieldValues<F> result = values;
        for (Map.Entry<F, Object> change : changes.entrySet()) {
            result = apply(result, (Field<?>) change.getKey(), change.getValue(), cleaner);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <F extends Field<?>, T> FieldValues<F> apply(FieldValues<F> values, Field<T> field, Object value,
                                                                Cleaner cleaner) {
        return values.with(field, cleaner.clean(field, (T) value), Source.MANUAL); // put there by set(Field<T>, T) only
    }

    @Override
    public String toString() {
        return changes.toString();
    }
}
