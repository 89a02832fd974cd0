package app.colophon.library;

import app.colophon.model.Field;
import app.colophon.model.FieldValues;
import app.colophon.model.Source;
import app.colophon.model.Sourced;

import java.util.List;
import java.util.Objects;

/**
 * Whether an incoming value replaces a stored one (DESIGN §3). A normal scan respects
 * {@code manual > file_metadata > filepath}; a refresh ({@code forceRefresh}) lets any non-empty value win.
 * In both, an empty incoming value never overwrites and an equal one changes nothing, so a manual clear
 * (an empty value with source {@code manual}) survives every scan and only a refresh can refill it.
 */
public final class MergeRules {

    private MergeRules() {
    }

    public static boolean shouldUpdateScalar(String current, Source currentSource, String incoming,
                                             Source incomingSource, boolean forceRefresh) {
        return shouldUpdate(current, currentSource, incoming, incomingSource, forceRefresh);
    }

    /** Relationships (authors, series, genres, tags, narrators, identifiers) are compared as a whole list. */
    public static boolean shouldUpdateRelationship(List<?> current, Source currentSource, List<?> incoming,
                                                   Source incomingSource, boolean forceRefresh) {
        return shouldUpdate(current, currentSource, incoming, incomingSource, forceRefresh);
    }

    private static boolean shouldUpdate(Object current, Source currentSource, Object incoming,
                                        Source incomingSource, boolean forceRefresh) {
        if (Sourced.isEmptyValue(incoming)) {
            return false;
        }
        if (Objects.equals(normalize(current), incoming)) {
            return false;
        }
        if (forceRefresh || currentSource == null) {
            return true;
        }
        return incomingSource.rank() >= currentSource.rank();
    }

    private static Object normalize(Object value) {
        return Sourced.isEmptyValue(value) ? null : value;
    }

    /** Applies the rules field by field; returns {@code stored} itself when nothing changes. */
    public static <F extends Enum<F> & Field> FieldValues<F> merge(FieldValues<F> stored, FieldValues<F> incoming,
                                                                   boolean forceRefresh) {
        FieldValues<F> result = stored;
        for (F field : stored.fieldType().getEnumConstants()) {
            Sourced<?> have = stored.get(field);
            Sourced<?> next = incoming.get(field);
            if (shouldUpdate(have.value(), have.source(), next.value(), next.source(), forceRefresh)) {
                result = result.with(field, next);
            }
        }
        return result;
    }
}
