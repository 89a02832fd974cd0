package app.colophon.formats;

import app.colophon.model.FileFormat;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads EPUB 2 and 3 metadata from {@code META-INF/container.xml} and the OPF it points to (or, without a usable
 * container, the archive's one OPF: {@link #packageDocument}).
 *
 * <p>Metadata comes from one hardened StAX pass over the OPF rather than from epublib's
 * {@code readEpubLazy}: epublib flattens EPUB 3 refines (creator roles, title types, collection positions),
 * silently "succeeds" on packages with no rootfile or a wrong namespace, loops on non-ZIP input, and costs
 * ~15x more time per book (DESIGN §1). epublib is used where it is good and the cost does not matter:
 * finding a cover image on demand ({@link CoverExtractor}).
 */
public final class EpubReader implements FormatReader {

    static final int MAX_CONTAINER_BYTES = 1024 * 1024;
    static final int MAX_OPF_BYTES = 16 * 1024 * 1024;
    private static final String CONTAINER = "META-INF/container.xml";

    @Override
    public FileFormat format() {
        return FileFormat.EPUB;
    }

    @Override
    public ParsedMetadata read(Path file) throws MetadataParseException {
        try (ZipFile zip = Zips.open(file, FileFormat.EPUB)) {
            ZipEntry opfEntry = packageDocument(zip);
            OpfPackage pkg = OpfParser.parse(Zips.read(zip, opfEntry, MAX_OPF_BYTES, FileFormat.EPUB));
            return OpfInterpreter.interpret(pkg, opfEntry.getName());
        } catch (IOException e) {
            throw new MetadataParseException(FileFormat.EPUB, "cannot read file (" + Zips.describe(e) + ")", e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new MetadataParseException(FileFormat.EPUB, "unreadable file (" + Zips.describe(e) + ")", e);
        }
    }

    /**
     * The OPF that container.xml names; when container.xml is missing, malformed, names none or names one that is
     * not in the archive, the one OPF the archive holds (the shallowest, see {@link #fallbackOpf}). Real books ship
     * that way (a whole book zipped from its build folder without META-INF); Calibre's converter opens them too.
     */
    static ZipEntry packageDocument(ZipFile zip) throws MetadataParseException {
        MetadataParseException unusable;
        try {
            String opfPath = rootfile(zip);
            ZipEntry named = Zips.find(zip, opfPath);
            if (named != null) {
                return named;
            }
            unusable = new MetadataParseException(FileFormat.EPUB, "invalid OPF structure (package document "
                    + opfPath + " is missing)");
        } catch (MetadataParseException e) {
            if (e.getMessage().contains("inflates past")) {
                throw e; // a container.xml bomb is refused, not worked around
            }
            unusable = e;
        }
        ZipEntry fallback = fallbackOpf(zip);
        if (fallback == null) {
            throw unusable;
        }
        return fallback;
    }

    /**
     * The {@code .opf} entry (any letter case) nearest the root: fewest folders, then the shortest name, then name
     * order, so the choice never depends on the order of the ZIP directory. Entries under {@code __MACOSX}, hidden
     * names ({@code ._content.opf} is a resource fork) and names that climb out of the archive are not candidates.
     */
    static ZipEntry fallbackOpf(ZipFile zip) {
        ZipEntry best = null;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        int seen = 0;
        while (entries.hasMoreElements() && seen++ < MAX_ENTRIES_SEARCHED) {
            ZipEntry e = entries.nextElement();
            String name = e.getName().replace('\\', '/');
            if (e.isDirectory() || !name.toLowerCase(Locale.ROOT).endsWith(".opf") || !EntryNames.isSafe(name)
                    || EntryNames.isJunk(name)) {
                continue;
            }
            if (best == null || FALLBACK_ORDER.compare(e, best) < 0) {
                best = e;
            }
        }
        return best;
    }

    private static final int MAX_ENTRIES_SEARCHED = 100_000;
    private static final Comparator<ZipEntry> FALLBACK_ORDER = Comparator
            .<ZipEntry>comparingInt(e -> EntryNames.depth(e.getName().replace('\\', '/')))
            .thenComparingInt(e -> e.getName().length())
            .thenComparing(ZipEntry::getName);

    /** The first rootfile with a non-empty {@code full-path}: the default rendition (OCF 3.3 §3.5.2.2). */
    static String rootfile(ZipFile zip) throws MetadataParseException {
        ZipEntry container = Zips.find(zip, CONTAINER);
        if (container == null) {
            throw new MetadataParseException(FileFormat.EPUB, "not an EPUB (no " + CONTAINER + ")");
        }
        byte[] xml = Zips.read(zip, container, MAX_CONTAINER_BYTES, FileFormat.EPUB);
        try {
            XMLStreamReader r = SafeXml.reader(xml);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("rootfile")) {
                        String path = SafeXml.attribute(r, "full-path");
                        String mediaType = SafeXml.attribute(r, "media-type");
                        boolean isPackage = mediaType == null || mediaType.trim().equals("application/oebps-package+xml");
                        if (path != null && !path.isBlank() && isPackage) {
                            return path.trim().startsWith("/") ? path.trim().substring(1) : path.trim();
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new MetadataParseException(FileFormat.EPUB, "invalid container.xml (malformed XML)", e);
        }
        throw new MetadataParseException(FileFormat.EPUB, "invalid OPF structure (container.xml names no package document)");
    }
}
