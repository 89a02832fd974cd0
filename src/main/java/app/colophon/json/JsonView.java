package app.colophon.json;

import app.colophon.library.ResyncResult;
import app.colophon.model.Book;
import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.BookSummary;
import app.colophon.model.BookWithFiles;
import app.colophon.model.Contributor;
import app.colophon.model.Field;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.model.Identifier;
import app.colophon.model.SeriesEntry;
import app.colophon.model.Sourced;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** The JSON shapes of DESIGN §7, shared by the command line and the HTTP API. */
public final class JsonView {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static {
        JSON.getFactory().setCharacterEscapes(new Controls());
    }
    private static final ObjectWriter STREAMING = JSON.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonView() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    /**
     * Writes the summaries {@code source} hands over as one JSON array — the same text as {@link #write} of the list —
     * as they come: 100,000 books are never held in memory, as objects or as text. Flushes {@code out} at the end.
     */
    public static void writeSummaries(OutputStream out, Consumer<Consumer<BookSummary>> source) throws IOException {
        writeSummaries(STREAMING.createGenerator(out), source);
    }

    /** {@link #writeSummaries(OutputStream, Consumer)} to text. */
    public static void writeSummaries(Writer out, Consumer<Consumer<BookSummary>> source) throws IOException {
        writeSummaries(STREAMING.createGenerator(out), source);
    }

    private static void writeSummaries(JsonGenerator json, Consumer<Consumer<BookSummary>> source) throws IOException {
        json.writeStartArray();
        try {
            source.accept(book -> {
                try {
                    STREAMING.writeValue(json, summary(book));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        json.writeEndArray();
        json.flush();
    }

    /**
     * JSON escapes C0 controls ({@code \u001B}) already; DEL, the C1 controls (U+009B is a terminal's CSI too) and
     * the invisible bidirectional overrides are escaped the same way, so no JSON we print carries a raw one.
     */
    private static final class Controls extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        Controls() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            boolean control = c >= 0x80 && c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
                    || c == 0x2028 || c == 0x2029;
            return control ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", c)) : null;
        }
    }

    /** The short form used by {@code books}: id, title, authors, series. */
    public static Map<String, Object> summary(BookSummary book) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", book.id());
        out.put("title", book.title());
        out.put("authors", contributors(book.authors()));
        out.put("series", series(book.series()));
        return out;
    }

    public static Map<String, Object> book(BookWithFiles bwf) {
        Book book = bwf.book();
        FieldValues<BookField<?>> f = book.fields();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", book.id());
        out.put("title", f.text(BookField.TITLE));
        out.put("sortTitle", f.text(BookField.SORT_TITLE));
        out.put("subtitle", f.text(BookField.SUBTITLE));
        out.put("description", f.text(BookField.DESCRIPTION));
        out.put("authors", contributorsWithSortNames(f.list(BookField.AUTHORS)));
        out.put("series", series(f.list(BookField.SERIES)));
        out.put("genres", f.list(BookField.GENRES));
        out.put("tags", f.list(BookField.TAGS));
        out.put("sources", sources(f));
        out.put("durationSeconds", bwf.durationSeconds());
        List<Object> files = new ArrayList<>();
        bwf.files().forEach(file -> files.add(file(file)));
        out.put("files", files);
        return out;
    }

    public static Map<String, Object> file(BookFile file) {
        FieldValues<FileField<?>> f = file.fields();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", file.id());
        out.put("bookId", file.bookId());
        out.put("path", file.path().toString());
        out.put("format", file.format().jsonName());
        out.put("sizeBytes", file.sizeBytes());
        out.put("publisher", f.text(FileField.PUBLISHER));
        out.put("releaseDate", f.text(FileField.RELEASE_DATE));
        out.put("language", f.text(FileField.LANGUAGE));
        List<Map<String, Object>> ids = new ArrayList<>();
        for (Identifier id : f.<Identifier>list(FileField.IDENTIFIERS)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", id.type().jsonName());
            m.put("value", id.value());
            ids.add(m);
        }
        out.put("identifiers", ids);
        out.put("narrators", f.list(FileField.NARRATORS));
        out.put("pageCount", file.pageCount());
        out.put("durationSeconds", file.durationSeconds());
        out.put("sources", sources(f));
        out.put("error", file.error());
        out.put("missing", file.missing());
        return out;
    }

    public static Map<String, Object> resync(ResyncResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (result instanceof ResyncResult.Removed removed) {
            out.put("status", "removed");
            out.put("fileDeleted", removed.fileDeleted());
            out.put("bookDeleted", removed.bookDeleted());
            return out;
        }
        ResyncResult.Updated updated = (ResyncResult.Updated) result;
        out.put("status", "updated");
        if (updated.file() != null) {
            out.put("file", file(updated.file()));
        } else {
            out.put("book", book(updated.book()));
        }
        if (!updated.failures().isEmpty()) {
            out.put("failures", updated.failures());
        }
        if (!updated.removedFiles().isEmpty()) {
            out.put("removedFiles", updated.removedFiles().stream().map(Object::toString).toList());
        }
        return out;
    }

    /** Field → source, for the fields the JSON shows (the cover reference is not one of them). */
    private static <F extends Field<?>> Map<String, String> sources(FieldValues<F> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (F field : values.fields()) {
            Sourced<?> v = values.get((Field<?>) field);
            if (v.source() != null && field != FileField.COVER) {
                out.put(field.jsonName(), v.source().jsonName());
            }
        }
        return out;
    }

    /** A book's authors with the name each sorts by: the file's {@code file-as}, else "Last, First". */
    private static List<Map<String, Object>> contributorsWithSortNames(List<Contributor> contributors) {
        List<Map<String, Object>> out = contributors(contributors);
        for (int i = 0; i < out.size(); i++) {
            out.get(i).put("sortName", contributors.get(i).sortName());
        }
        return out;
    }

    private static List<Map<String, Object>> contributors(List<Contributor> contributors) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Contributor c : contributors) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("role", c.role());
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> series(List<SeriesEntry> series) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SeriesEntry s : series) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("number", s.number());
            out.add(m);
        }
        return out;
    }
}
