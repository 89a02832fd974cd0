package app.colophon.library;

import app.colophon.model.Field;
import app.colophon.model.FieldValues;
import app.colophon.model.Source;
import app.colophon.model.Sourced;

import java.util.List;
import java.util.Objects;

/**
 * Whether an incoming value replaces a stored one, value and source (DESIGN §3). An empty incoming value never
 * overwrites, so a manual clear (an empty value with source {@code manual}) survives every scan. A normal scan
 * respects {@code manual > file_metadata > filepath}: the incoming value wins when its source ranks equal or
 * higher, and an equal value from such a source takes that source (a path title confirmed by the file becomes
 * {@code file_metadata}; a scan never demotes {@code manual}). A refresh ({@code forceRefresh}) lets every
 * non-empty value win with its source, equal or not: after it, no field the files have is {@code manual}.
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
        boolean same = Objects.equals(normalize(current), incoming) && incomingSource == currentSource;
        if (same) {
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
    public static <F extends Field<?>> FieldValues<F> merge(FieldValues<F> stored, FieldValues<F> incoming,
                                                                   boolean forceRefresh) {
        FieldValues<F> result = stored;
        for (Field<?> field : stored.fields()) {
            Sourced<?> have = stored.get(field);
            Sourced<?> next = incoming.get(field);
            if (shouldUpdate(have.value(), have.source(), next.value(), next.source(), forceRefresh)) {
                result = result.withValueOf(field, incoming);
            }
        }
        return result;
    }
}
