package app.colophon.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as search and sorting compare it: lower case, without accents ("Brontë" is "bronte"), letters with strokes
 * and ligatures spelt out ("Øystein" is "oystein", "Straße" is "strasse"). One function for what is stored and what
 * is asked, so the two always agree.
 */
public final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Folding() {
    }

    /** Lower case without accents; null for null. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        if (isAscii(text)) {
            return text.toLowerCase(Locale.ROOT); // most names: no need to decompose (the browser folds 40,000 of them)
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(plain.length());
        plain.codePoints().forEach(c -> {
            String spelt = spelt(c);
            if (spelt == null) {
                out.appendCodePoint(c);
            } else {
                out.append(spelt);
            }
        });
        return out.toString();
    }

    /** Whether every character is ASCII: such text needs no decomposition to lose its accents. */
    public static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The folded words joined by single spaces: "J.R.R. Tolkien" and "J. R. R. Tolkien" are both "j r r tolkien". */
    public static String words(String text) {
        if (text == null) {
            return "";
        }
        String folded = fold(text);
        return isAscii(folded) ? asciiWords(folded) : NOT_A_WORD.matcher(folded).replaceAll(" ").strip();
    }

    /** {@link #words} of ASCII text without the regex (the search index folds every author, series and tag written). */
    private static String asciiWords(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        boolean gap = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') { // fold() left no capitals
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /** Letters that carry no separate mark, so decomposition leaves them as they are; null for the others. */
    private static String spelt(int c) {
        return switch (c) {
            case 'ø' -> "o";
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ł' -> "l";
            case 'đ', 'ð' -> "d";
            case 'þ' -> "th";
            case 'ı' -> "i";
            default -> null;
        };
    }
}
