package app.colophon.fuzz;

import app.colophon.formats.FilepathParser;
import app.colophon.formats.ParsedMetadata;
import app.colophon.model.FileFormat;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Fuzzes {@link FilepathParser} with any folder and file name a file system can hold (each at most 255 bytes, no
 * NUL, no '/'): the input's text up to its first newline is the folder name, the rest the file name, and its first
 * byte picks the format. It must never throw, and never take long (its patterns must not backtrack badly).
 */
class FilepathParserFuzzTest {

    private static final FileFormat[] FORMATS = FileFormat.values();

    @FuzzTest(maxDuration = "3m")
    void fileAndFolderName(byte[] input) {
        FileFormat format = FORMATS[input.length == 0 ? 0 : (input[0] & 0xFF) % FORMATS.length];
        String text = new String(input, StandardCharsets.UTF_8).replace('\0', ' ').replace('/', ' ');
        int newline = text.indexOf('\n');
        String folder = name(newline < 0 ? "" : text.substring(0, newline));
        String file = name(newline < 0 ? text : text.substring(newline + 1)) + "." + format.name().toLowerCase();
        Path path = folder.isBlank() ? Path.of(file) : Path.of("/library", folder, file);

        long start = System.nanoTime();
        ParsedMetadata m = FilepathParser.parse(path, format);
        long took = System.nanoTime() - start;

        if (m == null) {
            throw new AssertionError("no result for " + path);
        }
        m.series().forEach(s -> {
            if (s.name().isBlank() || (s.number() != null && !Double.isFinite(s.number()))) {
                throw new AssertionError("unusable series " + s + " from " + path);
            }
            s.display(); // what the window and the command line show: must not throw
        });
        if (took > TimeUnit.SECONDS.toNanos(2)) {
            throw new AssertionError("took " + TimeUnit.NANOSECONDS.toMillis(took) + " ms on " + path);
        }
    }

    /** At most 255 bytes of UTF-8, as ext4, APFS and NTFS allow; never "." or ".." (not names of a file). */
    private static String name(String s) {
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > 250) {
                break;
            }
            sb.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        String name = sb.toString();
        return name.equals(".") || name.equals("..") ? "_" : name;
    }
}
