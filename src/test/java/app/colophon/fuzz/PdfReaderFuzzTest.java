package app.colophon.fuzz;

import app.colophon.formats.PdfReader;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static app.colophon.fuzz.FuzzSupport.check;

/**
 * Fuzzes {@link PdfReader}: whole files, and XMP packets embedded as the catalog's metadata stream of a valid PDF
 * (our own XMP parser, reached only when the Info dictionary lacks a value — here it has none).
 */
class PdfReaderFuzzTest {

    private final PdfReader reader = new PdfReader();

    @FuzzTest(maxDuration = "3m")
    void file(byte[] file) {
        check(reader, file);
    }

    @FuzzTest(maxDuration = "3m")
    void xmpPacket(byte[] xmp) {
        check(reader, pdfWithXmp(xmp));
    }

    static byte[] pdfWithXmp(byte[] xmp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.7\n");
        String[] objects = {"<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 99 99] >>"};
        for (int i = 0; i < objects.length; i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
        }
        offsets.add(out.size());
        write(out, "4 0 obj\n<< /Type /Metadata /Subtype /XML /Length " + xmp.length + " >>\nstream\n");
        out.writeBytes(xmp);
        write(out, "\nendstream\nendobj\n");
        int xref = out.size();
        StringBuilder sb = new StringBuilder("xref\n0 5\n0000000000 65535 f \n");
        offsets.forEach(o -> sb.append(String.format("%010d 00000 n \n", o)));
        sb.append("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, sb.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
