package app.colophon.formats;

import app.colophon.formats.PdfFile.Stream;
import app.colophon.formats.PdfObjects.Name;
import app.colophon.formats.PdfObjects.Text;
import app.colophon.formats.PdfObjects.Unexpected;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
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

    private static final int MAX_SECTIONS = 64;
    private static final List<String> INFO_KEYS = List.of("Title", "Author", "Subject", "Keywords", "CreationDate");

    private final PdfFile file;

    private PdfQuick(PdfFile file) {
        this.file = file;
    }

    /** The document's values, or null when this reader leaves the file to PDFBox. */
    static Document read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new PdfQuick(new PdfFile(channel)).document();
        } catch (Unexpected | IOException | RuntimeException | StackOverflowError e) {
            // a bug here must cost the file its quick reading, not its reading
            return null;
        }
    }

    private Document document() throws IOException, Unexpected {
        if (!new String(file.bytes(0, 5), StandardCharsets.ISO_8859_1).equals("%PDF-")) {
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
        Map<String, Object> root = dictionary(file.resolve(trailer.get("Root")));
        Object pages = file.resolve(root.get("Pages"));
        if (!(pages instanceof Map<?, ?> tree)) {
            throw new Unexpected("no page tree");
        }
        Object count = file.resolve(tree.get("Count"));
        int pageCount = count instanceof Long n ? (int) (long) n : count instanceof Double d ? (int) (double) d : 0;
        Object lang = file.resolve(root.get("Lang"));
        String language = lang instanceof Text t ? new COSString(t.bytes()).getString() : null;
        return new Document(info(file.resolve(trailer.get("Info"))), language, xmp(file.resolve(root.get("Metadata"))), pageCount);
    }

    private PDDocumentInformation info(Object value) throws IOException, Unexpected {
        COSDictionary info = new COSDictionary();
        if (value instanceof Map<?, ?> map) {
            for (String key : INFO_KEYS) {
                Object v = file.resolve(map.get(key));
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
        byte[] packet = file.decode(stream, PdfReader.MAX_XMP_BYTES);
        if (packet == null) {
            throw new Unexpected("an XMP packet larger than the reader takes");
        }
        return packet;
    }

    private Object startxref() throws IOException, Unexpected {
        long from = Math.max(0, file.size() - 1024);
        String tail = new String(file.bytes(from, (int) (file.size() - from)), StandardCharsets.ISO_8859_1);
        int at = tail.lastIndexOf("startxref");
        if (at < 0) {
            throw new Unexpected("no startxref");
        }
        byte[] rest = tail.substring(at + 9).getBytes(StandardCharsets.ISO_8859_1);
        PdfObjects p = new PdfObjects(rest, 0, rest.length);
        p.skipSpace();
        return p.number();
    }

    /** One cross-reference section at {@code offset}, its entries added to the file's; returns its trailer. */
    private Map<String, Object> section(long offset) throws IOException, Unexpected {
        return file.parseAt(offset, p -> {
            if (p.startsWith("xref")) {
                return table(p);
            }
            Object object = PdfFile.indirect(p, offset, -1);
            if (!(object instanceof Stream stream) || !new Name("XRef").equals(stream.dictionary().get("Type"))) {
                throw new Unexpected("no cross-reference section at startxref");
            }
            rows(stream);
            return stream.dictionary();
        });
    }

    private Map<String, Object> table(PdfObjects p) throws Unexpected {
        p.keyword(); // xref
        Map<Integer, long[]> entries = new HashMap<>();
        while (!p.startsWith("trailer")) {
            long start = p.integer();
            long count = p.integer();
            if (start < 0 || count < 0 || start + count > Integer.MAX_VALUE) {
                throw new Unexpected("a subsection out of range");
            }
            for (long i = 0; i < count; i++) {
                long position = p.integer();
                long generation = p.integer();
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
        entries.forEach(file::addEntry);
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
        byte[] data = file.decode(stream, PdfFile.MAX_DECODED);
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
                    file.addEntry((int) (start + n), new long[] {type, a, b});
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dictionary(Object value) throws Unexpected {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new Unexpected("not a dictionary");
    }

}
