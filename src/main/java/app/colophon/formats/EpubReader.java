package app.colophon.formats;

import app.colophon.model.FileFormat;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads EPUB 2 and 3 metadata from {@code META-INF/container.xml} and the OPF it points to.
 *
 * <p>Metadata comes from one hardened StAX pass over the OPF rather than from epublib's
 * {@code readEpubLazy}: epublib flattens EPUB 3 refines (creator roles, title types, collection positions),
 * silently "succeeds" on packages with no rootfile or a wrong namespace, loops on non-ZIP input, and costs
 * ~15x more time per book (DESIGN §1). epublib is used where it is good and the cost does not matter:
 * loading a cover image on demand ({@link EpubCovers}).
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
            String opfPath = rootfile(zip);
            ZipEntry opfEntry = Zips.find(zip, opfPath);
            if (opfEntry == null) {
                throw new MetadataParseException(FileFormat.EPUB, "invalid OPF structure (package document "
                        + opfPath + " is missing)");
            }
            OpfPackage pkg = OpfParser.parse(Zips.read(zip, opfEntry, MAX_OPF_BYTES, FileFormat.EPUB));
            return OpfInterpreter.interpret(pkg, opfEntry.getName());
        } catch (IOException e) {
            throw new MetadataParseException(FileFormat.EPUB, "cannot read file (" + Zips.describe(e) + ")", e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new MetadataParseException(FileFormat.EPUB, "unreadable file (" + Zips.describe(e) + ")", e);
        }
    }

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
