package app.colophon.library;

import app.colophon.model.SearchTerm;
import app.colophon.model.SearchTerm.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one search language of the window, the command line and the HTTP API (docs/DECISIONS.md, "Search"):
 * terms separated by spaces, all of which a book must match. A term is a word (a prefix is enough), a "quoted
 * phrase", or {@code field:value} / {@code field:"value"} with {@code field:"=Whole Value"} for the whole value;
 * a leading {@code -} excludes. {@code word:} with an unknown field name is an ordinary word ("Re:Zero").
 */
public final class SearchQuery {

    private static final Map<String, Field> FIELDS = Map.ofEntries(Map.entry("author", Field.AUTHOR),
            Map.entry("authors", Field.AUTHOR), Map.entry("series", Field.SERIES), Map.entry("tag", Field.TAG),
            Map.entry("tags", Field.TAG), Map.entry("genre", Field.GENRE), Map.entry("genres", Field.GENRE),
            Map.entry("format", Field.FORMAT), Map.entry("lang", Field.LANGUAGE), Map.entry("language", Field.LANGUAGE),
            Map.entry("publisher", Field.PUBLISHER));
    private static final Map<String, Field> HAS = Map.of("error", Field.ERROR, "missing", Field.MISSING);

    private final String text;
    private final List<SearchTerm> terms;

    private SearchQuery(String text, List<SearchTerm> terms) {
        this.text = text;
        this.terms = List.copyOf(terms);
    }

    /** Parses a query; a blank one matches every book. Throws {@link InvalidValueException} saying what is wrong. */
    public static SearchQuery parse(String text) {
        String query = text == null ? "" : text;
        return new SearchQuery(query, new Parser(query).terms());
    }

    public List<SearchTerm> terms() {
        return terms;
    }

    public boolean matchesEverything() {
        return terms.isEmpty();
    }

    @Override
    public String toString() {
        return text;
    }

    /** {@code field:"=value"}, quoted so that the query finds exactly the books whose {@code field} is {@code value}. */
    public static String exact(String field, String value) {
        return field + ":\"=" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static final class Parser {
        private final String s;
        private int i;
        private final List<SearchTerm> out = new ArrayList<>();

        Parser(String s) {
            this.s = s;
        }

        List<SearchTerm> terms() {
            while (true) {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= s.length()) {
                    return out;
                }
                term();
            }
        }

        private void term() {
            int start = i;
            boolean negated = false;
            if (s.charAt(i) == '-' && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1))) {
                negated = true;
                i++;
            }
            String fieldName = fieldName();
            if (fieldName == null) {
                String value = value();
                out.add(new SearchTerm(Field.TEXT, value, false, negated));
                return;
            }
            String value = value();
            String name = fieldName.toLowerCase(Locale.ROOT);
            if (name.equals("has")) {
                Field flag = HAS.get(value.strip().toLowerCase(Locale.ROOT));
                if (flag == null) {
                    throw invalid("unknown has: value \"" + value + "\" (use has:error or has:missing)");
                }
                out.add(new SearchTerm(flag, "", false, negated));
                return;
            }
            if (name.equals("source")) {
                if (!value.strip().equalsIgnoreCase("manual")) {
                    throw invalid("unknown source: value \"" + value + "\" (use source:manual)");
                }
                out.add(new SearchTerm(Field.MANUAL, "", false, negated));
                return;
            }
            boolean exact = value.startsWith("=");
            String wanted = exact ? value.substring(1) : value;
            if (wanted.isBlank()) {
                throw invalid(s.substring(start, i).strip() + " needs a value, e.g. " + name + ":word or "
                        + exact(name, "Whole Value"));
            }
            out.add(new SearchTerm(FIELDS.get(name), wanted, exact, negated));
        }

        /** A known field's name followed by ':' at the cursor, which moves past the colon; else null. */
        private String fieldName() {
            int j = i;
            while (j < s.length() && Character.isLetter(s.charAt(j))) {
                j++;
            }
            if (j == i || j >= s.length() || s.charAt(j) != ':') {
                return null;
            }
            String name = s.substring(i, j).toLowerCase(Locale.ROOT);
            if (!FIELDS.containsKey(name) && !name.equals("has") && !name.equals("source")) {
                return null;
            }
            i = j + 1;
            return name;
        }

        /** A quoted value (with \" and \\ inside) or the characters up to the next space. */
        private String value() {
            if (i < s.length() && s.charAt(i) == '"') {
                int open = i++;
                StringBuilder v = new StringBuilder();
                while (i < s.length()) {
                    char c = s.charAt(i++);
                    if (c == '"') {
                        return v.toString();
                    }
                    if (c == '\\' && i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\\')) {
                        c = s.charAt(i++);
                    }
                    v.append(c);
                }
                throw invalid("the quote at " + (open + 1) + " is not closed");
            }
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return s.substring(start, i);
        }

        private InvalidValueException invalid(String problem) {
            return new InvalidValueException("Cannot search for " + s.strip() + ": " + problem);
        }
    }
}
