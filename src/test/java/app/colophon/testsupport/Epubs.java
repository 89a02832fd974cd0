package app.colophon.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes small valid EPUB 3 files with chosen metadata, for tests that need a file whose own metadata changes
 * (the corpus files are fixed). The result is checked by the real reader in the tests that use it.
 */
public final class Epubs {

    private Epubs() {
    }

    /** A minimal EPUB with the given title and author; a null value leaves the element out. */
    public static Path write(Path file, String title, String author) {
        return writeOpf(file, metadata(title, author));
    }

    public static Path writeOpf(Path file, String metadataXml) {
        String opf = """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <dc:identifier id="uid">urn:uuid:0f9c7c1e-1111-4222-8333-944455556666</dc:identifier>
                    <dc:language>en</dc:language>
                    %s
                  </metadata>
                  <manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest>
                  <spine><itemref idref="c"/></spine>
                </package>
                """.formatted(metadataXml);
        String container = """
                <?xml version="1.0"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
                </container>
                """;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Instant before = Files.exists(file) ? Files.getLastModifiedTime(file).toInstant() : null;
            try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
                stored(zip, "mimetype", "application/epub+zip");
                zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
                zip.write(container.getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("OEBPS/content.opf"));
                zip.write(opf.getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("OEBPS/c.xhtml"));
                zip.write("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>".getBytes(StandardCharsets.UTF_8));
            }
            if (before != null) {
                // A rewrite within the file system's timestamp resolution must still look changed to a scan.
                Files.setLastModifiedTime(file, FileTime.from(before.plusSeconds(2)));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String metadata(String title, String author) {
        StringBuilder sb = new StringBuilder();
        if (title != null) {
            sb.append("<dc:title>").append(title).append("</dc:title>");
        }
        if (author != null) {
            sb.append("<dc:creator>").append(author).append("</dc:creator>");
        }
        return sb.toString();
    }

    private static void stored(ZipOutputStream zip, String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(bytes);
    }
}
