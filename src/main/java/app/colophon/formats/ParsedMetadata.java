package app.colophon.formats;

import app.colophon.model.BookField;
import app.colophon.model.Contributor;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.model.Identifier;
import app.colophon.model.SeriesEntry;
import app.colophon.model.Source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What one reader found in one file (or what the filepath parser found in its path). Text values are
 * trimmed and null when absent; lists are never null and free of duplicates.
 *
 * @param cover a reader-specific reference to the cover image inside the file, resolved lazily by the cover cache
 * @param audio where an audio file (MP3, M4A, M4B) sits in a book of several files, and whether its tags call it an
 *              audiobook; null for other formats
 * @param cut   what was too long and was cut to the {@link ValueLimits}, one note per value or list ("title (15,728,640
 *              characters, cut to 4,096)"); empty when nothing was
 */
public record ParsedMetadata(String title, String sortTitle, String subtitle, String description,
                             List<Contributor> authors, List<SeriesEntry> series, List<String> genres,
                             List<String> tags, String publisher, String releaseDate, String language,
                             List<Identifier> identifiers, List<String> narrators, String cover,
                             Integer pageCount, Double durationSeconds, AudioTrack audio, List<String> cut) {

    /** Every value cleaned and held to its {@link ValueLimits}: whatever a reader found, only that much is kept. */
    public ParsedMetadata {
        List<String> notes = new ArrayList<>(cut == null ? List.of() : cut);
        title = ValueLimits.cut("title", Text.clean(title), ValueLimits.LINE, notes);
        sortTitle = ValueLimits.cut("sort title", Text.clean(sortTitle), ValueLimits.LINE, notes);
        subtitle = ValueLimits.cut("subtitle", Text.clean(subtitle), ValueLimits.LINE, notes);
        description = ValueLimits.cut("description", Text.cleanMultiline(description), ValueLimits.DESCRIPTION, notes);
        publisher = ValueLimits.cut("publisher", Text.clean(publisher), ValueLimits.LINE, notes);
        releaseDate = ValueLimits.cut("release date", Text.clean(releaseDate), ValueLimits.SHORT, notes);
        language = ValueLimits.cut("language", Text.clean(language), ValueLimits.SHORT, notes);
        cover = Text.clean(cover);
        if (cover != null && cover.length() > ValueLimits.LINE) {
            notes.add("cover (a reference of " + cover.length() + " characters, not kept)");
            cover = null; // a cut reference would name another entry, or none
        }
        authors = distinct("authors", authors, notes, c -> new Contributor(
                ValueLimits.cutEach("authors' names", c.name(), ValueLimits.NAME, notes),
                ValueLimits.cutEach("authors' roles", c.role(), ValueLimits.SHORT, notes),
                ValueLimits.cutEach("authors' sort names", Text.clean(c.fileAs()), ValueLimits.NAME, notes)));
        series = distinct("series", series, notes, s -> new SeriesEntry(
                ValueLimits.cutEach("series names", s.name(), ValueLimits.NAME, notes), s.number()));
        genres = distinct("genres", genres, notes, g -> ValueLimits.cutEach("genres", g, ValueLimits.NAME, notes));
        tags = distinct("tags", tags, notes, t -> ValueLimits.cutEach("tags", t, ValueLimits.NAME, notes));
        identifiers = distinct("identifiers", identifiers, notes, i -> new Identifier(i.type(),
                ValueLimits.cutEach("identifiers", i.value(), ValueLimits.SHORT, notes)));
        narrators = distinct("narrators", narrators, notes,
                n -> ValueLimits.cutEach("narrators' names", n, ValueLimits.NAME, notes));
        if (audio != null) {
            audio = new AudioTrack(ValueLimits.cut("album", audio.album(), ValueLimits.NAME, notes), audio.disc(),
                    audio.track(), ValueLimits.cut("track title", audio.trackTitle(), ValueLimits.LINE, notes),
                    audio.audiobook());
        }
        cut = List.copyOf(notes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ParsedMetadata empty() {
        return builder().build();
    }

    /** The book-level values, all marked with {@code source}. */
    public FieldValues<BookField<?>> bookValues(Source source) {
        return BookField.none()
                .with(BookField.TITLE, title, source)
                .with(BookField.SORT_TITLE, sortTitle, source)
                .with(BookField.SUBTITLE, subtitle, source)
                .with(BookField.DESCRIPTION, description, source)
                .with(BookField.AUTHORS, authors, source)
                .with(BookField.SERIES, series, source)
                .with(BookField.GENRES, genres, source)
                .with(BookField.TAGS, tags, source);
    }

    /** The file-level values, all marked with {@code source}. */
    public FieldValues<FileField<?>> fileValues(Source source) {
        return FileField.none()
                .with(FileField.PUBLISHER, publisher, source)
                .with(FileField.RELEASE_DATE, releaseDate, source)
                .with(FileField.LANGUAGE, language, source)
                .with(FileField.IDENTIFIERS, identifiers, source)
                .with(FileField.NARRATORS, narrators, source)
                .with(FileField.COVER, cover, source);
    }

    /**
     * Cleaned, each entry capped ({@code cap}), without duplicates, and at most {@link ValueLimits#ENTRIES} of them:
     * the rest of a longer list is not even looked at, so a file with a million genres costs what one with a hundred does.
     */
    private static <T> List<T> distinct(String field, List<T> values, List<String> notes, UnaryOperator<T> cap) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<T> out = new LinkedHashSet<>();
        for (T value : values) {
            @SuppressWarnings("unchecked")
            T cleaned = value instanceof String s ? (T) Text.clean(s) : value;
            if (cleaned == null) {
                continue;
            }
            if (out.size() == ValueLimits.ENTRIES && !out.contains(cap.apply(cleaned))) {
                notes.add(String.format(Locale.ROOT, "%s (%,d entries, kept the first %,d)", field, values.size(),
                        ValueLimits.ENTRIES));
                break;
            }
            out.add(cap.apply(cleaned));
        }
        return List.copyOf(out);
    }

    public static final class Builder {
        private String title;
        private String sortTitle;
        private String subtitle;
        private String description;
        private final List<Contributor> authors = new ArrayList<>();
        private final List<SeriesEntry> series = new ArrayList<>();
        private final List<String> genres = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private String publisher;
        private String releaseDate;
        private String language;
        private final List<Identifier> identifiers = new ArrayList<>();
        private final List<String> narrators = new ArrayList<>();
        private String cover;
        private Integer pageCount;
        private Double durationSeconds;
        private AudioTrack audio;

        public Builder title(String v) { title = v; return this; }
        public Builder sortTitle(String v) { sortTitle = v; return this; }
        public Builder subtitle(String v) { subtitle = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder author(Contributor v) { authors.add(v); return this; }
        public Builder authors(List<Contributor> v) { authors.addAll(v); return this; }
        public Builder series(SeriesEntry v) { series.add(v); return this; }
        public Builder genre(String v) { genres.add(v); return this; }
        public Builder tag(String v) { tags.add(v); return this; }
        public Builder publisher(String v) { publisher = v; return this; }
        public Builder releaseDate(String v) { releaseDate = v; return this; }
        public Builder language(String v) { language = v; return this; }
        public Builder identifier(Identifier v) { identifiers.add(v); return this; }
        public Builder narrator(String v) { narrators.add(v); return this; }
        public Builder cover(String v) { cover = v; return this; }
        public Builder pageCount(Integer v) { pageCount = v; return this; }
        public Builder durationSeconds(Double v) { durationSeconds = v; return this; }
        public Builder audio(AudioTrack v) { audio = v; return this; }

        public ParsedMetadata build() {
            return new ParsedMetadata(title, sortTitle, subtitle, description, authors, series, genres, tags,
                    publisher, releaseDate, language, identifiers, narrators, cover, pageCount, durationSeconds, audio,
                    List.of());
        }
    }
}
