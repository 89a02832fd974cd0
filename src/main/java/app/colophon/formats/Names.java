package app.colophon.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits one tag or Info value that names several people ("Jane Roe, John Doe and Ann Poe") into names, without
 * tearing apart one name written surname first ("Doe, Jane") or a name that contains a separator ("Simon and
 * Garfunkel"). Used by the PDF reader (Info Author) and the audio readers (artist, composer, narrator tags).
 *
 * <p>The rule, in order:
 * <ol>
 *   <li>';' always separates: no name contains one (and single-word names such as "Plato; Homer" must split);</li>
 *   <li>within each part, ',', '&amp;' and the word "and" separate only when every piece they leave looks like a
 *       name — two or more words — so a list written with an Oxford comma (", Blaine Simpson, and Fred Toussi")
 *       splits, and "Doe, Jane", "Jane Doe, Jr." or "Ernst &amp; Young" stay whole;</li>
 *   <li>failing that, '&amp;' and "and" alone separate when every piece looks like a name, and each piece keeps
 *       its commas ("Doe, Jane and Roe, John" is two people; "Jane Doe, PhD, and John Roe" too).</li>
 * </ol>
 * Empty pieces, and parts without a letter or digit, are dropped ("Jane Roe,, John Doe").
 */
public final class Names {

    private static final String SEMICOLON = ";";
    private static final String ALL_SEPARATORS = "(?i)\\s*(?:,|&|\\band\\b)\\s*";
    private static final String CONJUNCTIONS = "(?i)\\s*(?:&|\\band\\b)\\s*";
    private static final Pattern TRAILING_COMMAS = Pattern.compile("^[\\s,]+|[\\s,]+$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private Names() {
    }

    /** The names in {@code value}, in order; empty for null or blank. */
    public static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        for (String part : Text.split(value, SEMICOLON)) {
            List<String> pieces = Text.split(part, ALL_SEPARATORS);
            if (pieces.size() > 1 && pieces.stream().allMatch(Names::looksLikeName)) {
                out.addAll(pieces);
                continue;
            }
            pieces = trimmed(Text.split(part, CONJUNCTIONS));
            if (pieces.size() > 1 && pieces.stream().allMatch(Names::looksLikeName)) {
                out.addAll(pieces);
            } else if (part.chars().anyMatch(Character::isLetterOrDigit)) {
                out.add(part);
            }
        }
        return out;
    }

    /** Pieces without the commas an Oxford comma leaves at their ends ("Jane Doe, PhD," before "and"). */
    private static List<String> trimmed(List<String> pieces) {
        List<String> out = new ArrayList<>();
        for (String piece : pieces) {
            String t = Text.clean(TRAILING_COMMAS.matcher(piece).replaceAll(""));
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** Two or more words with a letter in them: "Jane Doe", "J. R. R. Tolkien", "Doe, Jane" — not "Jr." or "Doe". */
    static boolean looksLikeName(String piece) {
        return WHITESPACE.matcher(piece).find() && piece.chars().anyMatch(Character::isLetter);
    }
}
