package app.colophon.formats;

import app.colophon.model.FileFormat;
import nl.siegmann.epublib.domain.Resource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads the cover image a reader pointed at ({@link ParsedMetadata#cover()}), as encoded image bytes. Called
 * lazily by the cover cache, one book at a time, never during a scan.
 */
public final class CoverExtractor {

    static final int MAX_IMAGE_BYTES = 32 * 1024 * 1024;
    private static final Pattern IMG_SRC = Pattern.compile(
            "<(?:img|image)\\b[^>]*?\\s(?:src|xlink:href|href)\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final float PDF_COVER_DPI = 60f;
    private static final float MAX_RENDER_PIXELS = 800f;

    private CoverExtractor() {
    }

    /** The encoded image (JPEG, PNG …), or null when the file has no usable cover. */
    public static byte[] extract(Path file, FileFormat format, String coverRef) throws MetadataParseException {
        try {
            return switch (format) {
                case EPUB -> epub(file, coverRef);
                case CBZ, CB7, CBR -> coverRef != null && coverRef.startsWith(CbzReader.COVER_PREFIX)
                        ? comicEntry(file, format, coverRef.substring(CbzReader.COVER_PREFIX.length())) : null;
                case M4B, M4A -> coverRef != null && coverRef.startsWith("covr:") ? m4b(file, coverRef) : null;
                case MP3 -> mp3(file, coverRef);
                case PDF -> coverRef != null ? pdfFirstPage(file) : null;
            };
        } catch (IOException e) {
            throw new MetadataParseException(format, "cannot read cover (" + Zips.describe(e) + ")", e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new MetadataParseException(format, "unreadable cover (" + Zips.describe(e) + ")", e);
        }
    }

    private static byte[] epub(Path file, String coverRef) throws MetadataParseException, IOException {
        if (coverRef != null && !coverRef.startsWith("page:")) {
            return zipEntry(file, FileFormat.EPUB, coverRef);
        }
        if (coverRef != null) {
            String page = coverRef.substring("page:".length());
            byte[] image = imageOfPage(file, page);
            if (image != null) {
                return image;
            }
        }
        return epublibCover(file);
    }

    /** The first image a cover page (XHTML or SVG wrapper) shows. */
    private static byte[] imageOfPage(Path file, String pagePath) throws MetadataParseException, IOException {
        try (ZipFile zip = Zips.open(file, FileFormat.EPUB)) {
            ZipEntry page = Zips.find(zip, pagePath);
            if (page == null) {
                return null;
            }
            String html = new String(Zips.read(zip, page, 1024 * 1024, FileFormat.EPUB), StandardCharsets.UTF_8);
            Matcher m = IMG_SRC.matcher(html);
            if (!m.find()) {
                return null;
            }
            ZipEntry image = Zips.find(zip, OpfInterpreter.resolve(pagePath, m.group(1)));
            return image == null ? null : Zips.read(zip, image, MAX_IMAGE_BYTES, FileFormat.EPUB);
        }
    }

    /**
     * epublib's own cover detection, for books whose OPF declares no cover image. Opening through
     * {@link Zips#open} first keeps epublib away from non-ZIP input, on which it loops (DESIGN §1).
     */
    private static byte[] epublibCover(Path file) throws MetadataParseException, IOException {
        Zips.open(file, FileFormat.EPUB).close();
        net.sf.jazzlib.ZipFile zip = new net.sf.jazzlib.ZipFile(file.toFile());
        try {
            Resource cover = new nl.siegmann.epublib.epub.EpubReader().readEpubLazy(zip, "UTF-8").getCoverImage();
            if (cover == null || cover.getMediaType() == null || !cover.getMediaType().getName().startsWith("image/")) {
                return null;
            }
            if (cover.getSize() > MAX_IMAGE_BYTES) {
                return null;
            }
            return cover.getData();
        } finally {
            zip.close();
        }
    }

    /** A page of a comic archive: CBZ is a ZIP, CB7 a 7-Zip archive, and a CBR whichever of the two it really is. */
    private static byte[] comicEntry(Path file, FileFormat format, String name) throws MetadataParseException, IOException {
        boolean sevenZip = format == FileFormat.CB7;
        if (format == FileFormat.CBR) {
            byte[] head = new byte[6];
            try (var in = java.nio.file.Files.newInputStream(file)) {
                int n = in.readNBytes(head, 0, head.length);
                sevenZip = n == head.length && Cb7Reader.hasSignature(head);
            }
        }
        return sevenZip ? sevenZipEntry(file, format, name) : zipEntry(file, format, name);
    }

    private static byte[] sevenZipEntry(Path file, FileFormat format, String name) throws MetadataParseException, IOException {
        try (var archive = Cb7Reader.open(file, format)) {
            var entries = Cb7Reader.entries(archive, format);
            var entry = entries.stream().filter(e -> Cb7Reader.name(e).equals(name)).findFirst()
                    .or(() -> entries.stream().filter(e -> Cb7Reader.name(e).equalsIgnoreCase(name)).findFirst())
                    .orElse(null);
            if (entry == null || entry.isDirectory()) {
                return null;
            }
            return Cb7Reader.unpack(archive, entries, entry, java.nio.file.Files.size(file), MAX_IMAGE_BYTES, format);
        }
    }

    private static byte[] zipEntry(Path file, FileFormat format, String name) throws MetadataParseException, IOException {
        try (ZipFile zip = Zips.open(file, format)) {
            ZipEntry entry = Zips.find(zip, name);
            return entry == null ? null : Zips.read(zip, entry, MAX_IMAGE_BYTES, format);
        }
    }

    /**
     * {@code apic:<offset>:<length>:<mime>} (the image lies in the file as it is: read like an M4B cover), or
     * {@link Mp3Reader#DECODED_COVER} (an unsynchronised tag: read the tag again, keeping the picture).
     */
    private static byte[] mp3(Path file, String ref) throws IOException {
        if (ref == null) {
            return null;
        }
        if (ref.startsWith("apic:")) {
            return m4b(file, ref);
        }
        if (!ref.equals(Mp3Reader.DECODED_COVER)) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Id3v2.Tag tag = Id3v2.readWithPicture(ch, MAX_IMAGE_BYTES);
            return tag == null || tag.picture() == null ? null : tag.picture().bytes();
        }
    }

    /** {@code covr:<offset>:<length>:<mime>} from {@link M4bReader}. */
    private static byte[] m4b(Path file, String ref) throws IOException {
        String[] parts = ref.split(":");
        long offset = Long.parseLong(parts[1]);
        long length = Long.parseLong(parts[2]);
        if (length <= 0 || length > MAX_IMAGE_BYTES) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (offset + length > ch.size()) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) length);
            while (buf.hasRemaining()) {
                if (ch.read(buf, offset + buf.position()) < 0) {
                    return null;
                }
            }
            return buf.array();
        }
    }

    private static byte[] pdfFirstPage(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (doc.getNumberOfPages() == 0) {
                return null;
            }
            var box = doc.getPage(0).getMediaBox();
            float longest = Math.max(1f, Math.max(box.getWidth(), box.getHeight()));
            // A thumbnail needs few pixels; a poster-sized page must not become a gigapixel image.
            float scale = Math.min(PDF_COVER_DPI / 72f, MAX_RENDER_PIXELS / longest);
            BufferedImage page = new PDFRenderer(doc).renderImage(0, scale, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(page, "png", out);
            return out.toByteArray();
        }
    }
}
