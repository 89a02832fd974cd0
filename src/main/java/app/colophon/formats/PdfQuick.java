package app.colophon.formats;

import app.colophon.formats.PdfObjects.EndOfWindow;
import app.colophon.formats.PdfObjects.Name;
import app.colophon.formats.PdfObjects.Ref;
import app.colophon.formats.PdfObjects.Text;
import app.colophon.formats.PdfObjects.Unexpected;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link PdfReader} needs of a well-formed, unencrypted PDF, read straight from its cross-reference data: the
 * Info dictionary, the catalog's {@code /Lang} and {@code /Metadata}, the page tree's {@code /Count}. PDFBox's loader
 * parses every object of each object stream it passes on the way to the page tree, and its many small calls ran
 * interpreted for a fresh window's first resyncs: a PDF was the slowest book to resync (2.7 ms against 1.2 for an
 * EPUB). Anything this reader does not expect — a damaged table, an object not where the table says, encryption, a
 * filter other than Flate — makes {@link #read} return null, and PDFBox, which repairs what it can, reads the file.
 */
final class PdfQuick {

    /** The values PdfReader takes from a document; {@code xmp} null when it has no metadata stream. */
    record Document(PDDocumentInformation info, String language, byte[] xmp, int pages) {
    }

    private record Stream(Map<String, Object> dictionary, long dataStart) {
    }

    private record ObjectStream(byte[] data, int first, Map<Integer, Integer> offsets) {
    }

    private static final int WINDOW = 4096;
    /*
     * What a plain document needs: its objects, tables and streams are small. Anything larger is left to PDFBox,
     * which streams it; holding it here cost a scan's two readers their share of a 128 MB heap (HostileLibraryScanTest).
     */
    private static final int MAX_WINDOW = 2 << 20;
    private static final int MAX_RAW_STREAM = 2 << 20;
    private static final long MAX_DECODED = 8 << 20;
    private static final int MAX_SECTIONS = 64;
    private static final List<String> INFO_KEYS = List.of("Title", "Author", "Subject", "Keywords", "CreationDate");

    private final FileChannel channel;
    private final long size;
    /** Object number → {type, offset or object stream, generation or index}; the newest section's entry wins. */
    private final Map<Integer, long[]> xref = new HashMap<>();
    private final Map<Integer, ObjectStream> objectStreams = new HashMap<>();
    /** Object streams being decoded: one whose /Length is inside itself (or another's that is) goes round. */
    private final Set<Integer> decoding = new HashSet<>();

    private PdfQuick(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    /** The document's values, or null when this reader leaves the file to PDFBox. */
    static Document read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new PdfQuick(channel).document();
        } catch (Unexpected | IOException | RuntimeException | StackOverflowError e) {
            // a bug here must cost the file its quick reading, not its reading
            return null;
        }
    }

    private Document document() throws IOException, Unexpected {
        if (!new String(bytes(0, 5), StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new Unexpected("the header is not at the start");
        }
        Map<String, Object> trailer = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        Object next = startxref();
        while (next != null) {
            if (!(next instanceof Long offset) || !seen.add(offset) || seen.size() > MAX_SECTIONS) {
                throw new Unexpected("a broken chain of cross-reference sections");
            }
            Map<String, Object> section = section(offset);
            if (section.containsKey("XRefStm") || section.containsKey("Encrypt")) {
                throw new Unexpected("a hybrid or encrypted file");
            }
            section.forEach(trailer::putIfAbsent);
            next = section.get("Prev");
        }
        Map<String, Object> root = dictionary(resolve(trailer.get("Root")));
        Object pages = resolve(root.get("Pages"));
        if (!(pages instanceof Map<?, ?> tree)) {
            throw new Unexpected("no page tree");
        }
        Object count = resolve(tree.get("Count"));
        int pageCount = count instanceof Long n ? (int) (long) n : count instanceof Double d ? (int) (double) d : 0;
        Object lang = resolve(root.get("Lang"));
        String language = lang instanceof Text t ? new COSString(t.bytes()).getString() : null;
        return new Document(info(resolve(trailer.get("Info"))), language, xmp(resolve(root.get("Metadata"))), pageCount);
    }

    private PDDocumentInformation info(Object value) throws IOException, Unexpected {
        COSDictionary info = new COSDictionary();
        if (value instanceof Map<?, ?> map) {
            for (String key : INFO_KEYS) {
                Object v = resolve(map.get(key));
                if (v instanceof Text t) {
                    info.setItem(COSName.getPDFName(key), new COSString(t.bytes()));
                } else if (v != null && v != PdfObjects.NULL) {
                    throw new Unexpected("an Info value that is not a string");
                }
            }
        } else if (value != null && value != PdfObjects.NULL) {
            throw new Unexpected("an Info that is not a dictionary");
        }
        return new PDDocumentInformation(info);
    }

    private byte[] xmp(Object value) throws IOException, Unexpected {
        if (!(value instanceof Stream stream)) {
            return null; // PDFBox's catalog has no metadata either unless it is a stream
        }
        byte[] packet = decode(stream, PdfReader.MAX_XMP_BYTES);
        if (packet == null) {
            throw new Unexpected("an XMP packet larger than the reader takes");
        }
        return packet;
    }

    private Object startxref() throws IOException, Unexpected {
        long from = Math.max(0, size - 1024);
        String tail = new String(bytes(from, (int) (size - from)), StandardCharsets.ISO_8859_1);
        int at = tail.lastIndexOf("startxref");
        if (at < 0) {
            throw new Unexpected("no startxref");
        }
        byte[] rest = tail.substring(at + 9).getBytes(StandardCharsets.ISO_8859_1);
        PdfObjects p = new PdfObjects(rest, 0, rest.length);
        p.skipSpace();
        return p.number();
    }

    /** One cross-reference section at {@code offset}, its entries added to {@link #xref}; returns its trailer. */
    private Map<String, Object> section(long offset) throws IOException, Unexpected {
        for (int window = WINDOW; ; window *= 4) {
            int length = (int) Math.min(window, size - offset);
            byte[] buf = bytes(offset, length);
            PdfObjects p = new PdfObjects(buf, 0, buf.length);
            try {
                if (p.startsWith("xref")) {
                    return table(p);
                }
                Object object = indirect(p, offset, -1);
                if (!(object instanceof Stream stream) || !new Name("XRef").equals(stream.dictionary().get("Type"))) {
                    throw new Unexpected("no cross-reference section at startxref");
                }
                rows(stream);
                return stream.dictionary();
            } catch (EndOfWindow e) {
                if (length >= size - offset || window >= MAX_WINDOW) {
                    throw e;
                }
            }
        }
    }

    private Map<String, Object> table(PdfObjects p) throws Unexpected {
        p.keyword(); // xref
        Map<Integer, long[]> entries = new HashMap<>();
        while (!p.startsWith("trailer")) {
            long start = integer(p);
            long count = integer(p);
            if (start < 0 || count < 0 || start + count > Integer.MAX_VALUE) {
                throw new Unexpected("a subsection out of range");
            }
            for (long i = 0; i < count; i++) {
                long position = integer(p);
                long generation = integer(p);
                String type = p.keyword();
                entries.putIfAbsent((int) (start + i), type.equals("n") ? new long[] {1, position, generation}
                        : type.equals("f") ? new long[] {0} : null);
                if (entries.get((int) (start + i)) == null) {
                    throw new Unexpected("an entry of type " + type);
                }
            }
        }
        p.keyword(); // trailer
        Map<String, Object> trailer = dictionary(p.value());
        entries.forEach(xref::putIfAbsent);
        return trailer;
    }

    /** The rows of a cross-reference stream (ISO 32000-1 §7.5.8.3). */
    private void rows(Stream stream) throws IOException, Unexpected {
        Map<String, Object> dict = stream.dictionary();
        List<?> widths = dict.get("W") instanceof List<?> w && w.size() == 3 ? w : null;
        if (widths == null || !(dict.get("Size") instanceof Long objects)) {
            throw new Unexpected("a cross-reference stream without /W or /Size");
        }
        int[] w = new int[3];
        for (int i = 0; i < 3; i++) {
            if (!(widths.get(i) instanceof Long n) || n < 0 || n > 8) {
                throw new Unexpected("a /W out of range");
            }
            w[i] = (int) (long) n;
        }
        List<?> index = dict.get("Index") instanceof List<?> list ? list : List.of(0L, objects);
        byte[] data = decode(stream, MAX_DECODED);
        int row = w[0] + w[1] + w[2];
        int at = 0;
        for (int i = 0; i + 1 < index.size(); i += 2) {
            if (!(index.get(i) instanceof Long start) || !(index.get(i + 1) instanceof Long count)) {
                throw new Unexpected("an /Index that is not numbers");
            }
            for (long n = 0; n < count; n++, at += row) {
                if (data == null || at + row > data.length) {
                    throw new Unexpected("a cross-reference stream shorter than its /Index");
                }
                long type = w[0] == 0 ? 1 : field(data, at, w[0]);
                long a = field(data, at + w[0], w[1]);
                long b = field(data, at + w[0] + w[1], w[2]);
                if (type <= 2) {
                    xref.putIfAbsent((int) (start + n), new long[] {type, a, b});
                }
            }
        }
    }

    private static long field(byte[] data, int at, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = value << 8 | (data[at + i] & 0xff);
        }
        return value;
    }

    /** A value with its references followed (a few levels: a chain longer than that is no document's). */
    private Object resolve(Object value) throws IOException, Unexpected {
        for (int hops = 0; value instanceof Ref ref; hops++) {
            if (hops > 8) {
                throw new Unexpected("references that go round");
            }
            value = object(ref.number());
        }
        return value;
    }

    private Object object(int number) throws IOException, Unexpected {
        long[] entry = xref.get(number);
        if (entry == null || entry[0] == 0) {
            return PdfObjects.NULL;
        }
        if (entry[0] == 1) {
            return at(entry[1], number);
        }
        ObjectStream os = objectStream((int) entry[1]);
        Integer offset = os.offsets().get(number);
        if (offset == null) {
            throw new Unexpected("an object not in its object stream");
        }
        PdfObjects p = new PdfObjects(os.data(), os.first() + offset, os.data().length);
        return p.value();
    }

    private ObjectStream objectStream(int number) throws IOException, Unexpected {
        ObjectStream known = objectStreams.get(number);
        if (known != null) {
            return known;
        }
        if (!decoding.add(number) || decoding.size() > 8) {
            throw new Unexpected("object streams that need each other");
        }
        long[] entry = xref.get(number);
        if (entry == null || entry[0] != 1 || !(at(entry[1], number) instanceof Stream stream)
                || !(stream.dictionary().get("N") instanceof Long n) || !(stream.dictionary().get("First") instanceof Long first)) {
            throw new Unexpected("an object stream that is not one");
        }
        byte[] decoded = decode(stream, MAX_DECODED);
        if (decoded == null || first < 0 || first > decoded.length || n < 0 || n > decoded.length) {
            throw new Unexpected("an object stream out of its bounds");
        }
        // a space after the last object, so that a number there ends where the data does
        byte[] data = java.util.Arrays.copyOf(decoded, decoded.length + 1);
        data[decoded.length] = ' ';
        PdfObjects header = new PdfObjects(data, 0, (int) (long) first);
        Map<Integer, Integer> offsets = new HashMap<>();
        for (long i = 0; i < n; i++) {
            long object = integer(header);
            long offset = integer(header);
            if (object < 0 || object > Integer.MAX_VALUE || offset < 0 || first + offset >= data.length) {
                throw new Unexpected("an object stream's header out of its bounds");
            }
            offsets.putIfAbsent((int) object, (int) offset);
        }
        ObjectStream parsed = new ObjectStream(data, (int) (long) first, offsets);
        objectStreams.put(number, parsed);
        decoding.remove(number);
        return parsed;
    }

    /** The object {@code number} at {@code offset}, as the table says it is. */
    private Object at(long offset, int number) throws IOException, Unexpected {
        if (offset < 0 || offset >= size) {
            throw new Unexpected("an offset outside the file");
        }
        for (int window = WINDOW; ; window *= 4) {
            int length = (int) Math.min(window, size - offset);
            byte[] buf = bytes(offset, length);
            try {
                return indirect(new PdfObjects(buf, 0, buf.length), offset, number);
            } catch (EndOfWindow e) {
                if (length >= size - offset || window >= MAX_WINDOW) {
                    throw e;
                }
            }
        }
    }

    /** {@code n g obj} and its value at the window's start; a dictionary followed by {@code stream} is a Stream. */
    private static Object indirect(PdfObjects p, long offset, int number) throws Unexpected {
        long n = integer(p);
        integer(p);
        if (!p.keyword().equals("obj") || number >= 0 && n != number) {
            throw new Unexpected("object " + number + " is not at " + offset);
        }
        Object value = p.value();
        if (value instanceof Map<?, ?> && p.startsWith("stream")) {
            p.pos += 6;
            if (p.byteAt(p.pos) == '\r') {
                p.pos++;
            }
            if (p.byteAt(p.pos) == '\n') {
                p.pos++;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> dict = (Map<String, Object>) value;
            return new Stream(dict, offset + p.pos);
        }
        return value;
    }

    /** A stream's data, decoded; null when it decodes to more than {@code limit} bytes. */
    private byte[] decode(Stream stream, long limit) throws IOException, Unexpected {
        Object length = resolve(stream.dictionary().get("Length"));
        if (!(length instanceof Long n) || n < 0 || stream.dataStart() + n > size) {
            throw new Unexpected("a stream without a usable /Length");
        }
        if (n > MAX_RAW_STREAM) {
            throw new Unexpected("a stream larger than this reader takes");
        }
        byte[] raw = bytes(stream.dataStart(), (int) (long) n);
        byte[] after = bytes(stream.dataStart() + n, (int) Math.min(32, size - stream.dataStart() - n));
        PdfObjects end = new PdfObjects(after, 0, after.length);
        if (!end.startsWith("endstream")) {
            throw new Unexpected("a stream whose /Length does not end it");
        }
        Object filter = stream.dictionary().get("Filter");
        Object parameters = stream.dictionary().get("DecodeParms");
        if (filter instanceof List<?> filters && filters.size() == 1) {
            filter = filters.get(0);
            parameters = parameters instanceof List<?> each && each.size() == 1 ? each.get(0) : parameters;
        }
        if (filter == null) {
            return parameters == null && raw.length <= limit ? raw : null;
        }
        if (!new Name("FlateDecode").equals(filter) && !new Name("Fl").equals(filter)) {
            throw new Unexpected("a filter other than Flate");
        }
        byte[] inflated = PdfFilters.inflate(raw, limit);
        return inflated == null ? null : PdfFilters.undoPredictor(inflated, parameters);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dictionary(Object value) throws Unexpected {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new Unexpected("not a dictionary");
    }

    private static long integer(PdfObjects p) throws Unexpected {
        p.skipSpace();
        if (p.number() instanceof Long n) {
            return n;
        }
        throw new Unexpected("not an integer");
    }

    private byte[] bytes(long offset, int length) throws IOException, Unexpected {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new Unexpected("a read outside the file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new Unexpected("the file is shorter than it was");
            }
        }
        return buffer.array();
    }
}
