package app.colophon.formats;

import app.colophon.formats.PdfObjects.EndOfWindow;
import app.colophon.formats.PdfObjects.Name;
import app.colophon.formats.PdfObjects.Ref;
import app.colophon.formats.PdfObjects.Unexpected;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PDF's objects by number, for {@link PdfQuick}: read where its cross-reference entries say they are, in the file
 * or in an object stream, streams decoded. Windows, streams and object streams are bounded: a plain document's are
 * small, and anything larger is {@link Unexpected}, left to PDFBox, which streams it (holding it here cost a scan's
 * two readers their share of a 128 MB heap in HostileLibraryScanTest).
 */
final class PdfFile {

    /** A stream object: its dictionary, and where its data starts in the file. */
    record Stream(Map<String, Object> dictionary, long dataStart) {
    }

    private record ObjectStream(byte[] data, int first, Map<Integer, Integer> offsets) {
    }

    @FunctionalInterface
    interface WindowParser<T> {
        T parse(PdfObjects window) throws IOException, Unexpected;
    }

    private static final int WINDOW = 4096;
    private static final int MAX_WINDOW = 2 << 20;
    private static final int MAX_RAW_STREAM = 2 << 20;
    /** What a cross-reference or object stream may decode to. */
    static final long MAX_DECODED = 8 << 20;

    private final FileChannel channel;
    private final long size;
    /** Object number → {type, offset or object stream, generation or index}; the first entry given wins. */
    private final Map<Integer, long[]> xref = new HashMap<>();
    private final Map<Integer, ObjectStream> objectStreams = new HashMap<>();
    /** Object streams being decoded: one whose /Length is inside itself (or another's that is) goes round. */
    private final Set<Integer> decoding = new HashSet<>();

    PdfFile(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    long size() {
        return size;
    }

    /**
     * Adds a cross-reference entry ({type, offset or object stream, generation or index}) unless the object has one:
     * sections are added newest first, and the newest entry is the object's.
     */
    void addEntry(int number, long[] entry) {
        xref.putIfAbsent(number, entry);
    }

    /** A value with its references followed (a few levels: a chain longer than that is no document's). */
    Object resolve(Object value) throws IOException, Unexpected {
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
        byte[] data = Arrays.copyOf(decoded, decoded.length + 1);
        data[decoded.length] = ' ';
        PdfObjects header = new PdfObjects(data, 0, (int) (long) first);
        Map<Integer, Integer> offsets = new HashMap<>();
        for (long i = 0; i < n; i++) {
            long object = header.integer();
            long offset = header.integer();
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
        return parseAt(offset, p -> indirect(p, offset, number));
    }

    /** What {@code parse} reads at {@code offset}, in a window of the file that grows until it holds it. */
    <T> T parseAt(long offset, WindowParser<T> parse) throws IOException, Unexpected {
        if (offset < 0 || offset >= size) {
            throw new Unexpected("an offset outside the file");
        }
        for (int window = WINDOW; ; window *= 4) {
            int length = (int) Math.min(window, size - offset);
            byte[] buf = bytes(offset, length);
            try {
                return parse.parse(new PdfObjects(buf, 0, buf.length));
            } catch (EndOfWindow e) {
                if (length >= size - offset || window >= MAX_WINDOW) {
                    throw e;
                }
            }
        }
    }

    /** {@code n g obj} and its value at the window's start; a dictionary followed by {@code stream} is a Stream. */
    static Object indirect(PdfObjects p, long offset, int number) throws Unexpected {
        long n = p.integer();
        p.integer();
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
    byte[] decode(Stream stream, long limit) throws IOException, Unexpected {
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

    byte[] bytes(long offset, int length) throws IOException, Unexpected {
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
