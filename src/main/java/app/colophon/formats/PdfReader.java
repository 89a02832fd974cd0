package app.colophon.formats;

import app.colophon.model.Contributor;
import app.colophon.model.FileFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PDF's document information dictionary and the catalog's {@code /Lang}, falling back to its XMP packet for
 * each value they lack (and for the publisher, which the Info dictionary has no key for). The cover is the first page, rendered later by the cover cache ({@code page:1}).
 *
 * <p>PDFBox is lenient and repairs what it can; what it cannot open becomes a {@link MetadataParseException}.
 * Decoded streams are cached in temporary files rather than on the heap, so a large PDF does not cost its
 * size in memory.
 */
public final class PdfReader implements FormatReader {

    /** The reference the cover cache resolves by rendering the first page. */
    public static final String FIRST_PAGE_COVER = "page:1";

    /** An XMP packet is a few KB; anything that inflates past this is not worth reading. */
    static final int MAX_XMP_BYTES = 4 * 1024 * 1024;

    /** Acrobat accepts the {@code %PDF-} header anywhere in the first 1024 bytes, so we do too. */
    private static final int HEADER_WINDOW = 1024;

    /*
     * Placeholders that tools write when the user gave them nothing: ImageMagick writes the file name or
     * "untitled" as title and its home page as author, ReportLab "untitled" / "anonymous" / "unspecified".
     * They are not metadata, and treating them as empty lets the XMP or the file path (a better title)
     * supply the value instead.
     */
    private static final Set<String> PLACEHOLDER_TITLES = Set.of("untitled", "unknown");
    private static final Set<String> PLACEHOLDER_AUTHORS = Set.of("anonymous", "unknown");
    private static final Set<String> PLACEHOLDER_SUBJECTS = Set.of("unspecified", "unknown");

    private static final Pattern PDF_DATE = Pattern.compile("^\\s*(?:D:)?(\\d{4})(\\d{2})?(\\d{2})?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    @Override
    public FileFormat format() {
        return FileFormat.PDF;
    }

    @Override
    public ParsedMetadata read(Path file) throws MetadataParseException {
        try {
            // PDFBox would decode an object, xref or XMP stream of any size into memory (see PdfDecodeLimit)
            return PdfDecodeLimit.during(() -> readLimited(file));
        } catch (MetadataParseException e) {
            throw e;
        } catch (Exception e) {
            throw damaged(e); // readLimited throws nothing else; kept total for the compiler
        }
    }

    private static ParsedMetadata readLimited(Path file) throws MetadataParseException {
        checkHeader(file);
        ParsedMetadata quick = readQuick(file);
        return quick != null ? quick : readWithPdfBox(file);
    }

    /** The file as {@link PdfQuick} reads it, or null when it leaves the file to PDFBox. */
    static ParsedMetadata readQuick(Path file) {
        PdfQuick.Document d = PdfQuick.read(file);
        return d == null ? null : metadata(d.info(), d.language(), d.xmp() == null ? XmpMetadata.EMPTY : xmp(d.xmp()),
                d.pages());
    }

    /** PDFBox's reading of the file, which repairs what it can: every file {@link PdfQuick} leaves to it. */
    static ParsedMetadata readWithPdfBox(Path file) throws MetadataParseException {
        PDDocument document;
        try {
            document = load(file);
        } catch (InvalidPasswordException e) {
            // The empty user password did not open it: only someone with the password can read this file.
            throw new MetadataParseException(FileFormat.PDF, "encrypted (password required)", e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // PDFBox throws IllegalArgumentException, ClassCastException, StackOverflowError … on broken files
            throw damaged(e);
        }
        try {
            return metadata(document.getDocumentInformation(), catalogLanguage(document), xmp(document),
                    document.getNumberOfPages());
        } catch (RuntimeException | StackOverflowError e) {
            throw damaged(e);
        } finally {
            closeQuietly(document);
        }
    }

    private static PDDocument load(Path file) throws IOException {
        RandomAccessReadBufferedFile source = new InterruptibleFile(file);
        try {
            return Loader.loadPDF(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
        } catch (IOException | RuntimeException | Error e) {
            IOUtils.closeQuietly(source);
            throw e;
        }
    }

    /**
     * The file, read so that a read given up (its thread interrupted when its time budget is spent) stops at its next
     * read instead of running on: PDFBox rebuilds a damaged 200 MB PDF for 10 s, a 2 GB one for minutes.
     */
    private static final class InterruptibleFile extends RandomAccessReadBufferedFile {
        InterruptibleFile(Path file) throws IOException {
            super(file);
        }

        @Override
        public int read() throws IOException {
            checkInterrupted();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            checkInterrupted();
            return super.read(b, off, len);
        }

        private static void checkInterrupted() throws InterruptedIOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("reading was given up");
            }
        }
    }

    private static MetadataParseException damaged(Throwable e) {
        String reason = Text.clean(Zips.describe(e));
        if (reason != null && reason.length() > 120) {
            reason = reason.substring(0, 117) + "...";
        }
        return new MetadataParseException(FileFormat.PDF, "damaged file: " + reason, e);
    }

    private static void closeQuietly(PDDocument document) {
        try {
            document.close();
        } catch (IOException | RuntimeException e) {
            // what we read is complete; failing to release a temp-file cache is no reason to discard it
        }
    }

    /** Tells a non-PDF (an HTML error page, a JPEG, an empty download) from a damaged PDF. */
    private static void checkHeader(Path file) throws MetadataParseException {
        byte[] head = new byte[HEADER_WINDOW];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
                n += r;
            }
        } catch (IOException e) {
            throw new MetadataParseException(FileFormat.PDF, "cannot read file (" + Zips.describe(e) + ")", e);
        }
        if (!new String(head, 0, n, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            throw new MetadataParseException(FileFormat.PDF, n == 0 ? "not a PDF file (empty)" : "not a PDF file");
        }
    }

    private static ParsedMetadata metadata(PDDocumentInformation info, String catalogLanguage, XmpMetadata xmp,
                                           int pageCount) {
        ParsedMetadata.Builder b = ParsedMetadata.builder();

        String title = title(info.getTitle());
        List<String> authors = authors(info.getAuthor());
        String description = description(info.getSubject());
        List<String> keywords = keywords(info.getKeywords());
        String date = creationDate(info);
        String language = language(catalogLanguage);
        String publisher = null; // the Info dictionary has no key for it

        // XMP fills every value the Info dictionary (or, for the language, the catalog) lacks
        title = title != null ? title : title(xmp.title());
        if (authors.isEmpty()) {
            // each dc:creator entry is one person; a name is never split further
            xmp.creators().stream().filter(a -> !isPlaceholderAuthor(a)).forEach(authors::add);
        }
        description = description != null ? description : description(xmp.description());
        if (keywords.isEmpty()) {
            keywords = keywords(xmp.keywords());
        }
        if (keywords.isEmpty()) {
            keywords = xmp.subjects();
        }
        date = date != null ? date : isoDate(xmp.createDate());
        date = date != null ? date : isoDate(xmp.date());
        language = language != null ? language : language(xmp.language());
        publisher = publisher != null ? publisher : Text.clean(xmp.publisher());

        b.title(title).description(description).releaseDate(date).language(language).publisher(publisher);
        authors.forEach(a -> b.author(Contributor.author(a)));
        keywords.forEach(b::tag);

        int pages = Math.max(0, pageCount);
        b.pageCount(pages);
        if (pages > 0) {
            b.cover(FIRST_PAGE_COVER);
        }
        return b.build();
    }

    /** The catalog's {@code /Lang} (PDF 1.4+: the document's natural language, e.g. {@code en-US}) as written. */
    private static String catalogLanguage(PDDocument document) {
        try {
            return document.getDocumentCatalog().getLanguage();
        } catch (RuntimeException e) {
            return null; // a /Lang of the wrong type: the XMP may still say it
        }
    }

    /** A language tag as written; "x-unknown" and such say nothing, and a tag is never longer than a few words. */
    static String language(String raw) {
        String tag = Text.clean(raw);
        if (tag == null || tag.length() > 64 || tag.toLowerCase(Locale.ROOT).startsWith("x-")
                || tag.equalsIgnoreCase("und")) {
            return null;
        }
        return tag;
    }

    static String title(String raw) {
        String title = Text.clean(raw);
        return title == null || PLACEHOLDER_TITLES.contains(title.toLowerCase(Locale.ROOT)) ? null : title;
    }

    static String description(String raw) {
        String subject = Text.cleanMultiline(raw);
        return subject == null || PLACEHOLDER_SUBJECTS.contains(subject.toLowerCase(Locale.ROOT)) ? null : subject;
    }

    /** The Info Author's names ({@link Names#split}: "A, B and C" is three people, "Doe, Jane" one), placeholders dropped. */
    static List<String> authors(String raw) {
        List<String> out = new ArrayList<>();
        for (String name : Names.split(raw)) {
            if (!isPlaceholderAuthor(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static boolean isPlaceholderAuthor(String name) {
        String lower = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        // ImageMagick credits its home page (https://imagemagick.org) as the author of every PDF it writes
        return lower.isEmpty() || PLACEHOLDER_AUTHORS.contains(lower)
                || lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** Keywords are comma or semicolon separated; some comic taggers stuff a whole ComicInfo.xml in there instead. */
    static List<String> keywords(String raw) {
        String keywords = Text.clean(raw);
        if (keywords == null || keywords.startsWith("<")) {
            return List.of();
        }
        return Text.split(keywords, "[,;]");
    }

    /** The creation date as written (in the time zone the PDF gives), as ISO {@code YYYY-MM-DD}. */
    private static String creationDate(PDDocumentInformation info) {
        Calendar calendar;
        try {
            calendar = info.getCreationDate();
        } catch (RuntimeException e) {
            calendar = null;
        }
        if (calendar != null) {
            // The Unix epoch itself (1970-01-01T00:00:00Z) is what tools write for "no timestamp"
            // (a zero time_t), e.g. comicbox; no book was made at that instant.
            if (calendar.getTimeInMillis() == 0L) {
                return null;
            }
            int year = calendar.get(Calendar.YEAR);
            if (calendar.get(Calendar.ERA) != GregorianCalendar.AD || year < 1 || year > 9999) {
                return null;
            }
            return LocalDate.of(year, calendar.get(Calendar.MONTH) + 1, calendar.get(Calendar.DAY_OF_MONTH)).toString();
        }
        // PDFBox could not read it as a date: take what we can from the D:YYYYMMDD prefix.
        String raw = info.getCOSObject().getString(COSName.CREATION_DATE);
        if (raw == null) {
            return null;
        }
        Matcher m = PDF_DATE.matcher(raw);
        return m.find() ? nonZeroYear(Dates.ymd(m.group(1), m.group(2), m.group(3))) : isoDate(raw);
    }

    /** An XMP date ({@code 2023-04-23T17:59:04+08:00}, {@code 1990-04-28} …) as ISO; null when not a date. */
    private static String isoDate(String raw) {
        String normalized = Dates.normalize(raw);
        return normalized != null && ISO_DATE.matcher(normalized).matches() ? nonZeroYear(normalized) : null;
    }

    private static String nonZeroYear(String iso) {
        return iso == null || iso.startsWith("0000") ? null : iso;
    }

    /** The XMP packet, or {@link XmpMetadata#EMPTY} when there is none or it cannot be read: it is only a fallback. */
    private static XmpMetadata xmp(PDDocument document) {
        try {
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            if (metadata == null) {
                return XmpMetadata.EMPTY;
            }
            byte[] packet;
            try (InputStream in = metadata.createInputStream()) {
                packet = readBounded(in);
            }
            return packet == null ? XmpMetadata.EMPTY : xmp(packet);
        } catch (Exception | StackOverflowError e) {
            // a broken XMP packet must not cost the Info values we already have
            return XmpMetadata.EMPTY;
        }
    }

    private static XmpMetadata xmp(byte[] packet) {
        try {
            return XmpMetadata.parse(packet);
        } catch (Exception | StackOverflowError e) {
            return XmpMetadata.EMPTY;
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > MAX_XMP_BYTES) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
