package app.colophon.fuzz;

import app.colophon.formats.Cb7Reader;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import static app.colophon.fuzz.FuzzSupport.check;

/** Fuzzes {@link Cb7Reader}: whole files, and ComicInfo.xml documents inside a well-formed 7-Zip archive. */
class Cb7ReaderFuzzTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

    private final Cb7Reader reader = new Cb7Reader();

    @FuzzTest(maxDuration = "3m")
    void archive(byte[] file) {
        check(reader, file);
    }

    @FuzzTest(maxDuration = "3m")
    void comicInfo(byte[] xml) {
        check(reader, sevenZip("page1.jpg", JPEG, "page2.jpg", JPEG, "ComicInfo.xml", xml));
    }

    /** A 7-Zip archive (LZMA2) of the given entries, made in memory. */
    static byte[] sevenZip(Object... nameThenBytes) {
        try (SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel()) {
            try (SevenZOutputFile out = new SevenZOutputFile(channel)) {
                for (int i = 0; i < nameThenBytes.length; i += 2) {
                    byte[] bytes = (byte[]) nameThenBytes[i + 1];
                    SevenZArchiveEntry entry = new SevenZArchiveEntry();
                    entry.setName((String) nameThenBytes[i]);
                    entry.setSize(bytes.length);
                    out.putArchiveEntry(entry);
                    out.write(bytes);
                    out.closeArchiveEntry();
                }
            }
            return Arrays.copyOf(channel.array(), (int) channel.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
