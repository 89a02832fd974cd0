package app.colophon.testsupport;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * Writes the files of {@code src/test/resources/corpus/made/} that are made in Java (the others are made with
 * ffmpeg, mid3v2 and 7-Zip: the folder's README.md has their commands). Run it from the project folder after
 * {@code mvn test-compile}:
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *   app.colophon.testsupport.MadeCorpusGenerator
 * </pre>
 *
 * The metadata is fixed, so the files' contents are the same on every run (PDFBox adds a random document ID to
 * each PDF, which no reader looks at). The tests read the committed files, never this class.
 */
public final class MadeCorpusGenerator {

    private MadeCorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]) : MadeCorpus.root();
        pdfs(root.resolve("pdf"));
    }

    // ------------------------------------------------------------------ PDF

    static void pdfs(Path dir) throws IOException {
        Files.createDirectories(dir);
        // The catalog's /Lang wins over XMP dc:language; an Oxford-comma author list from a real PDF (HyperSQL's guide)
        pdf(dir.resolve("lang-in-catalog.pdf"), 1, info -> {
            info.setTitle("Language in the Catalog");
            info.setAuthor(", Blaine Simpson, and Fred Toussi");
            info.setCreationDate(date(2011, 5, 17));
        }, "de-CH", xmp("""
                <dc:language><rdf:Bag><rdf:li>fr</rdf:li></rdf:Bag></dc:language>
                <dc:publisher><rdf:Bag><rdf:li>The HSQL Development Group</rdf:li></rdf:Bag></dc:publisher>
                """));
        // No Info dictionary values at all: every field comes from XMP
        pdf(dir.resolve("xmp-only.pdf"), 2, info -> { }, null, xmp("""
                <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Only in XMP</rdf:li></rdf:Alt></dc:title>
                <dc:creator><rdf:Seq><rdf:li>Ann Leckie</rdf:li><rdf:li>Doe, Jane</rdf:li></rdf:Seq></dc:creator>
                <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Told by the packet.</rdf:li></rdf:Alt></dc:description>
                <dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>
                <dc:publisher><rdf:Bag><rdf:li>Orchard Press</rdf:li></rdf:Bag></dc:publisher>
                <dc:subject><rdf:Bag><rdf:li>gardens</rdf:li><rdf:li>orchards</rdf:li></rdf:Bag></dc:subject>
                <xmp:CreateDate>2019-03-04T10:00:00Z</xmp:CreateDate>
                """));
        // Info has title and author; XMP fills keywords (pdf:Keywords), date, language and publisher
        pdf(dir.resolve("info-and-xmp.pdf"), 3, info -> {
            info.setTitle("Info Title Wins");
            info.setAuthor("Jane Roe & John Doe");
        }, null, xmp("""
                <dc:title><rdf:Alt><rdf:li xml:lang="x-default">XMP Title Loses</rdf:li></rdf:Alt></dc:title>
                <dc:creator><rdf:Seq><rdf:li>Someone Else</rdf:li></rdf:Seq></dc:creator>
                <dc:language><rdf:Bag><rdf:li>nl</rdf:li></rdf:Bag></dc:language>
                <dc:publisher><rdf:Bag><rdf:li>Uitgeverij Boom</rdf:li></rdf:Bag></dc:publisher>
                <pdf:Keywords>tulips; windmills</pdf:Keywords>
                <dc:date><rdf:Seq><rdf:li>1999-12-31</rdf:li></rdf:Seq></dc:date>
                """));
    }

    private interface InfoFiller {
        void fill(PDDocumentInformation info);
    }

    private static void pdf(Path file, int pages, InfoFiller info, String lang, String xmp) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage());
            }
            PDDocumentInformation information = new PDDocumentInformation();
            info.fill(information);
            doc.setDocumentInformation(information);
            if (lang != null) {
                doc.getDocumentCatalog().getCOSObject().setString(COSName.LANG, lang);
            }
            if (xmp != null) {
                doc.getDocumentCatalog().setMetadata(
                        new PDMetadata(doc, new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8))));
            }
            doc.save(file.toFile());
        }
    }

    private static String xmp(String properties) {
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                %s</rdf:Description>
                </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>
                """.formatted(properties);
    }

    private static Calendar date(int year, int month, int day) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.clear();
        c.set(year, month - 1, day, 12, 0, 0);
        return c;
    }
}
