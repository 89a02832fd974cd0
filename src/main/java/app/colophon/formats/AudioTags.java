package app.colophon.formats;

import app.colophon.model.Identifier;
import app.colophon.model.SeriesEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tag conventions the audio readers (MP3, M4A, M4B) share: Audiobookshelf's for series and grouping, the genres
 * and tags that mark an audiobook, track and disc numbers, and ID3's numbered genres.
 */
final class AudioTags {

    /** Genres that say "audiobook" in the languages audiobooks are sold in, plus ID3's Speech and Audio Theatre. */
    private static final Pattern AUDIOBOOK_GENRE = Pattern.compile("(?iu)\\b(?:audio[ -]?books?|h(?:ö|oe)rb(?:u|ü)ch(?:er)?"
            + "|h(?:ö|oe)rspiele?|livres? audio|audiolibros?|audiolivros?|audiolibri|luisterboek(?:en)?|lydbøker|ljudböcker"
            + "|spoken[ -]?word|speech|audio thea(?:tre|ter))\\b");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d{1,9})");
    private static final Pattern ID3_GENRE_REF = Pattern.compile("^\\((\\d{1,3}|RX|CR)\\)");

    /** The ID3v1 genres with Winamp's extensions, by number (as mutagen and TagLib list them). */
    private static final String[] ID3_GENRES = {
            "Blues", "Classic Rock", "Country", "Dance", "Disco", "Funk", "Grunge", "Hip-Hop", "Jazz", "Metal",
            "New Age", "Oldies", "Other", "Pop", "R&B", "Rap", "Reggae", "Rock", "Techno", "Industrial",
            "Alternative", "Ska", "Death Metal", "Pranks", "Soundtrack", "Euro-Techno", "Ambient", "Trip-Hop",
            "Vocal", "Jazz+Funk", "Fusion", "Trance", "Classical", "Instrumental", "Acid", "House", "Game",
            "Sound Clip", "Gospel", "Noise", "Alt. Rock", "Bass", "Soul", "Punk", "Space", "Meditative",
            "Instrumental Pop", "Instrumental Rock", "Ethnic", "Gothic", "Darkwave", "Techno-Industrial",
            "Electronic", "Pop-Folk", "Eurodance", "Dream", "Southern Rock", "Comedy", "Cult", "Gangsta Rap",
            "Top 40", "Christian Rap", "Pop/Funk", "Jungle", "Native American", "Cabaret", "New Wave", "Psychedelic",
            "Rave", "Showtunes", "Trailer", "Lo-Fi", "Tribal", "Acid Punk", "Acid Jazz", "Polka", "Retro", "Musical",
            "Rock & Roll", "Hard Rock", "Folk", "Folk-Rock", "National Folk", "Swing", "Fast-Fusion", "Bebop",
            "Latin", "Revival", "Celtic", "Bluegrass", "Avantgarde", "Gothic Rock", "Progressive Rock",
            "Psychedelic Rock", "Symphonic Rock", "Slow Rock", "Big Band", "Chorus", "Easy Listening", "Acoustic",
            "Humour", "Speech", "Chanson", "Opera", "Chamber Music", "Sonata", "Symphony", "Booty Bass", "Primus",
            "Porn Groove", "Satire", "Slow Jam", "Club", "Tango", "Samba", "Folklore", "Ballad", "Power Ballad",
            "Rhythmic Soul", "Freestyle", "Duet", "Punk Rock", "Drum Solo", "A Cappella", "Euro-House", "Dance Hall",
            "Goa", "Drum & Bass", "Club-House", "Hardcore", "Terror", "Indie", "BritPop", "Afro-Punk", "Polsk Punk",
            "Beat", "Christian Gangsta Rap", "Heavy Metal", "Black Metal", "Crossover", "Contemporary Christian",
            "Christian Rock", "Merengue", "Salsa", "Thrash Metal", "Anime", "JPop", "Synthpop", "Abstract",
            "Art Rock", "Baroque", "Bhangra", "Big Beat", "Breakbeat", "Chillout", "Downtempo", "Dub", "EBM",
            "Eclectic", "Electro", "Electroclash", "Emo", "Experimental", "Garage", "Global", "IDM", "Illbient",
            "Industro-Goth", "Jam Band", "Krautrock", "Leftfield", "Lounge", "Math Rock", "New Romantic",
            "Nu-Breakz", "Post-Punk", "Post-Rock", "Psytrance", "Shoegaze", "Space Rock", "Trop Rock", "World Music",
            "Neoclassical", "Audiobook", "Audio Theatre", "Neue Deutsche Welle", "Podcast", "Indie Rock", "G-Funk",
            "Dubstep", "Garage Rock", "Psybient"
    };

    private AudioTags() {
    }

    /** Whether a genre says the file is an audiobook (or a radio play, a lecture, a reading). */
    static boolean isAudiobookGenre(String genre) {
        return genre != null && AUDIOBOOK_GENRE.matcher(genre).find();
    }

    /** The number at the start of a track or disc tag ("3", "03/12"); null when it has none. */
    static Integer leadingNumber(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = LEADING_NUMBER.matcher(value);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /**
     * Series, by Audiobookshelf's conventions: the {@code SERIES} tag with {@code SERIES-PART} (several series as
     * "A; B" with parts "1; 2"); else the iTunes movement name and number; else the grouping, which may name several
     * series separated by ';', each as "Name #2", "Name, Book 2" or "Name".
     */
    static List<SeriesEntry> series(String series, String part, String movement, Double movementNumber,
                                    String grouping) {
        List<SeriesEntry> out = new ArrayList<>();
        String name = Text.clean(series);
        if (name != null) {
            List<String> names = Text.split(name, ";");
            List<String> parts = Text.split(part, ";");
            if (names.size() > 1 && names.size() == parts.size()) {
                for (int i = 0; i < names.size(); i++) {
                    out.add(new SeriesEntry(names.get(i), M4bReader.parseNumber(parts.get(i))));
                }
            } else {
                out.add(new SeriesEntry(name, M4bReader.parseNumber(part)));
            }
            return out;
        }
        String mvn = Text.clean(movement);
        if (mvn != null) {
            out.add(new SeriesEntry(mvn, movementNumber));
            return out;
        }
        for (String one : Text.split(grouping, ";")) {
            SeriesEntry entry = M4bReader.parseGrouping(one);
            if (entry != null) {
                out.add(entry);
            }
        }
        return out;
    }

    /** Genres from one tag value: several are separated by ',', ';' or '/'. */
    static List<String> genres(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            out.addAll(Text.split(value, "[,;/]"));
        }
        return out;
    }

    /**
     * An ID3 {@code TCON} value as genre names: ID3v2.3's "(17)" and "(17)Rock" (the text refines the number),
     * ID3v2.4's bare "17", "(RX)" remix and "(CR)" cover, and plain text.
     */
    static List<String> id3Genres(String value) {
        List<String> out = new ArrayList<>();
        String rest = value == null ? "" : value.trim();
        List<String> numbered = new ArrayList<>();
        Matcher m;
        while ((m = ID3_GENRE_REF.matcher(rest)).find()) {
            numbered.add(m.group(1));
            rest = rest.substring(m.end());
        }
        if (rest.startsWith("((")) {
            rest = rest.substring(1); // "((" escapes a text genre that starts with "("
        }
        String text = Text.clean(rest);
        if (text != null && !numbered.isEmpty()) {
            out.add(text);
            return out;
        }
        for (String ref : numbered) {
            String genre = id3Genre(ref);
            if (genre != null) {
                out.add(genre);
            }
        }
        if (text != null) {
            String genre = text.matches("\\d{1,3}") ? id3Genre(text) : text;
            if (genre != null) {
                out.add(genre);
            }
        }
        return out;
    }

    /** A numbered ID3 genre's name; null for numbers outside the list (255 means "none"). */
    static String id3Genre(String ref) {
        return switch (ref) {
            case "RX" -> "Remix";
            case "CR" -> "Cover";
            default -> {
                int n = Integer.parseInt(ref);
                yield n < ID3_GENRES.length ? ID3_GENRES[n] : null;
            }
        };
    }

    static void addIdentifier(ParsedMetadata.Builder b, String value, String scheme) {
        Identifier id = Identifiers.parse(value, scheme);
        if (id != null) {
            b.identifier(id);
        }
    }
}
