package app.colophon.formats;

import app.colophon.model.Identifier;
import app.colophon.model.IdentifierType;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Classifies raw identifier strings. The value itself decides first (a {@code urn:uuid:} prefix, a valid ISBN
 * checksum), then the declared scheme: files often declare a scheme their value contradicts.
 */
public final class Identifiers {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ASIN = Pattern.compile("B0[0-9A-Z]{8}");
    private static final Pattern ISBN_CHARS = Pattern.compile("[0-9Xx\\- ]{10,17}");

    private Identifiers() {
    }

    /** Returns null for a blank value. {@code scheme} may be null (e.g. an OPF {@code opf:scheme}). */
    public static Identifier parse(String raw, String scheme) {
        String value = Text.clean(raw);
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"urn:isbn:", "isbn:"}) {
            if (lower.startsWith(prefix)) {
                Identifier isbn = isbn(value.substring(prefix.length()), true);
                if (isbn != null) {
                    return isbn;
                }
            }
        }
        for (String prefix : new String[] {"urn:uuid:", "uuid:"}) {
            // A malformed body (e.g. an ISBN in a uuid URN) is not a UUID: it falls through and stays as written.
            if (lower.startsWith(prefix) && UUID.matcher(value.substring(prefix.length())).matches()) {
                return new Identifier(IdentifierType.UUID, value.substring(prefix.length()).toLowerCase(Locale.ROOT));
            }
        }
        for (String prefix : new String[] {"asin:", "amazon:", "mobi-asin:"}) {
            if (lower.startsWith(prefix)) {
                return new Identifier(IdentifierType.ASIN, value.substring(prefix.length()).toUpperCase(Locale.ROOT));
            }
        }
        if (lower.startsWith("uri:") || lower.startsWith("url:")) {
            return new Identifier(IdentifierType.URI, value.substring(4));
        }
        if (UUID.matcher(value).matches()) {
            return new Identifier(IdentifierType.UUID, lower);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new Identifier(IdentifierType.URI, value);
        }
        Identifier isbn = isbn(value, false);
        if (isbn != null) {
            return isbn;
        }
        String s = scheme == null ? "" : scheme.trim().toLowerCase(Locale.ROOT);
        if (s.equals("isbn")) {
            Identifier lenient = isbn(value, true);
            if (lenient != null) {
                return lenient;
            }
        }
        if (ASIN.matcher(value).matches() || s.equals("asin") || s.equals("amazon")) {
            return new Identifier(IdentifierType.ASIN, value);
        }
        if (s.equals("uri") || s.equals("url")) {
            return new Identifier(IdentifierType.URI, value);
        }
        return new Identifier(IdentifierType.OTHER, value);
    }

    /** An ISBN from digits with optional hyphens/spaces; without {@code trusted}, the checksum must hold. */
    static Identifier isbn(String value, boolean trusted) {
        String v = value.trim();
        if (!ISBN_CHARS.matcher(v).matches()) {
            return null;
        }
        String digits = v.replaceAll("[\\- ]", "").toUpperCase(Locale.ROOT);
        if (digits.length() == 13 && digits.chars().allMatch(Character::isDigit)
                && (trusted || (digits.startsWith("978") || digits.startsWith("979")) && isbn13Valid(digits))) {
            return new Identifier(IdentifierType.ISBN13, digits);
        }
        if (digits.length() == 10 && digits.substring(0, 9).chars().allMatch(Character::isDigit)
                && (Character.isDigit(digits.charAt(9)) || digits.charAt(9) == 'X')
                && (trusted || isbn10Valid(digits))) {
            return new Identifier(IdentifierType.ISBN10, digits);
        }
        return null;
    }

    static boolean isbn13Valid(String d) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (d.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return sum % 10 == 0;
    }

    static boolean isbn10Valid(String d) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int v = d.charAt(i) == 'X' ? 10 : d.charAt(i) - '0';
            sum += v * (10 - i);
        }
        return sum % 11 == 0;
    }
}
