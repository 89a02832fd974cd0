package app.colophon.store;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An unmodifiable set of ids over a sorted {@code long[]}: a search that finds 80,000 books answers without boxing
 * them, and {@link #contains} is a binary search. Iterates in ascending order. Also the set algebra of a search.
 */
final class SortedIds extends AbstractSet<Long> {

    private final long[] ids;

    /** {@code ids} must be sorted ascending without duplicates; the array is kept, not copied. */
    SortedIds(long[] ids) {
        this.ids = ids;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof Long id && Arrays.binarySearch(ids, id) >= 0;
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public Iterator<Long> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < ids.length;
            }

            @Override
            public Long next() {
                if (next >= ids.length) {
                    throw new NoSuchElementException();
                }
                return ids[next++];
            }
        };
    }

    /** Sorted and without duplicates, in place where it can. */
    static long[] sortedDistinct(long[] values) {
        long[] v = values;
        for (int i = 1; i < v.length; i++) {
            if (v[i - 1] >= v[i]) {
                v = v.clone();
                Arrays.sort(v);
                break;
            }
        }
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (n == 0 || v[n - 1] != v[i]) {
                v[n++] = v[i];
            }
        }
        return n == v.length ? v : Arrays.copyOf(v, n);
    }

    /** The ids in both, or (when {@code keep} is false) in {@code a} and not in {@code b}; both sorted. */
    static long[] merge(long[] a, long[] b, boolean keep) {
        long[] out = new long[a.length];
        int n = 0;
        int j = 0;
        for (long id : a) {
            while (j < b.length && b[j] < id) {
                j++;
            }
            boolean inB = j < b.length && b[j] == id;
            if (inB == keep) {
                out[n++] = id;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
