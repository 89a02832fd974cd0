package app.colophon.library;

import app.colophon.model.SeriesEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a {@link ListEdit} makes of one book's list: the list to store as its manual value. */
final class ListEdits {

    private ListEdits() {
    }

    static List<Object> apply(ListEdit edit, List<?> current) {
        List<Object> out = new ArrayList<>(edit.op() == ListEdit.Op.SET ? List.of() : current);
        for (Object value : edit.values()) {
            switch (edit.op()) {
                case REMOVE -> out.removeIf(e -> key(e).equals(key(value)));
                case ADD, SET -> add(out, value);
            }
        }
        return out;
    }

    /**
     * Appends {@code value} unless the list has it (case aside); a series already there takes the new number when
     * one is given ("Dune #2" added to a book in "Dune" numbers it).
     */
    private static void add(List<Object> list, Object value) {
        for (int i = 0; i < list.size(); i++) {
            if (key(list.get(i)).equals(key(value))) {
                if (value instanceof SeriesEntry s && s.number() != null) {
                    list.set(i, value);
                }
                return;
            }
        }
        list.add(value);
    }

    /** What two values are compared by: the name, case aside (a series's number does not count). */
    private static String key(Object value) {
        String name = value instanceof SeriesEntry s ? s.name() : String.valueOf(value);
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
