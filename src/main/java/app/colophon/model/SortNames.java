package app.colophon.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name a person is sorted by when the file gives none ("Last, First"), after the rules of docs/DECISIONS.md
 * ("Sort names"): a name already holding a comma is taken as written; honorifics in front are dropped; a suffix
 * (Jr., III, PhD) goes to the end after a comma; a particle before the surname joins the surname when it is
 * capitalised ("Le Guin, Ursula K.", "Du Bois, W. E. B.") and follows the given names when it is not ("Beethoven,
 * Ludwig van"); one-word names, and names of organisations ("Project Gutenberg Team"), stay as they are.
 */
public final class SortNames {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern BRACKETS = Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "phd", "ph.d", "md", "m.d",
            "esq", "junior", "senior");
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "dr", "prof", "sir", "dame", "rev");
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "der", "den", "del", "della", "dei", "di",
            "da", "du", "des", "la", "le", "les", "ten", "ter", "zu", "dos", "das", "do", "af", "av", "bin", "ibn", "al",
            "el", "st", "st.", "vom", "zum", "zur");
    /** A word that makes a name an organisation's (or a group's), which is not turned round. */
    private static final Set<String> ORGANISATION = Set.of("inc", "ltd", "llc", "corp", "corporation", "company",
            "press", "publishing", "publishers", "team", "staff", "society", "association", "university",
            "institute", "group", "foundation", "project", "committee", "of", "and", "&", "the", "for", "et", "al.");

    private SortNames() {
    }

    /** "J. R. R. Tolkien" → "Tolkien, J. R. R."; "Martin Luther King Jr." → "King, Martin Luther, Jr.". */
    public static String person(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String written = name.strip();
        String base = withoutBrackets(written);
        List<String> tokens = new ArrayList<>(List.of(WHITESPACE.split(base)));
        List<String> suffix = new ArrayList<>();
        while (tokens.size() > 1 && isSuffix(tokens.get(tokens.size() - 1))) {
            suffix.add(0, stripComma(tokens.remove(tokens.size() - 1)));
        }
        if (!tokens.isEmpty()) {
            // "Martin Luther King, Jr.": the comma belongs to the suffix, not to a "Last, First" form
            int last = tokens.size() - 1;
            tokens.set(last, suffix.isEmpty() ? tokens.get(last) : stripComma(tokens.get(last)));
        }
        String joined = String.join(" ", tokens);
        if (joined.contains(",") || joined.contains("，")) {
            return written; // "Doe, Jane": the user or the file wrote it in sort form already
        }
        while (tokens.size() > 1 && HONORIFICS.contains(key(tokens.get(0)))) {
            tokens.remove(0);
        }
        if (tokens.size() < 2 || tokens.stream().anyMatch(t -> ORGANISATION.contains(t.toLowerCase(Locale.ROOT)))
                || familyNameFirst(joined)) {
            return written;
        }
        int surnameStart = tokens.size() - 1;
        List<String> trailingParticles = new ArrayList<>();
        // a particle needs a given name before it: "Al Gore" and "Les Paul" are not particles
        while (surnameStart > 1 && PARTICLES.contains(tokens.get(surnameStart - 1).toLowerCase(Locale.ROOT))) {
            String particle = tokens.get(surnameStart - 1);
            if (Character.isUpperCase(particle.codePointAt(0))) {
                surnameStart--; // "Le Guin", "Van Dyke": part of the surname as the person writes it
            } else {
                trailingParticles.add(0, particle); // "Ludwig van Beethoven": sorted under B
                tokens.remove(surnameStart - 1);
                surnameStart--;
            }
        }
        String surname = String.join(" ", tokens.subList(surnameStart, tokens.size()));
        List<String> given = new ArrayList<>(tokens.subList(0, surnameStart));
        given.addAll(trailingParticles);
        StringBuilder out = new StringBuilder(surname);
        if (!given.isEmpty()) {
            out.append(", ").append(String.join(" ", given));
        }
        if (!suffix.isEmpty()) {
            out.append(", ").append(String.join(" ", suffix));
        }
        return out.toString();
    }

    /** Chinese, Japanese and Korean names are written family name first already. */
    private static boolean familyNameFirst(String name) {
        return name.codePoints().anyMatch(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
        });
    }

    private static boolean isSuffix(String token) {
        return SUFFIXES.contains(key(token));
    }

    /** Lower case, without a trailing comma or dot: "Jr.," → "jr", "Ph.D." → "ph.d". */
    private static String key(String token) {
        String t = stripComma(token).toLowerCase(Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String stripComma(String token) {
        return token.endsWith(",") ? token.substring(0, token.length() - 1) : token;
    }

    /** "Jane Doe (editor)" → "Jane Doe"; a name that is nothing but brackets stays as written. */
    private static String withoutBrackets(String name) {
        String out = BRACKETS.matcher(name).replaceAll("").strip();
        return out.isEmpty() ? name : out;
    }
}
