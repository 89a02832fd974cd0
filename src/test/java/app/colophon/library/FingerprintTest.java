package app.colophon.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

/** Fingerprints stored by earlier versions must keep matching: the text is "v1:size:crc32c crc32" in fixed hex. */
class FingerprintTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, 64 * 1024, 64 * 1024 + 1, 128 * 1024, 300_000})
    void aFingerprintIsTheChecksumsOfTheFirstAndLast64KiBInFixedWidthHex(int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path file = Files.write(temp.resolve("f.bin"), content);

        assertThat(Fingerprint.of(file)).isEqualTo(expected(content));
    }

    @Test
    void checksumsKeepTheirLeadingZeros() throws IOException {
        byte[] content = contentWhoseChecksumsBothStartWithAZeroDigit();
        Path file = Files.write(temp.resolve("small.bin"), content);

        String fingerprint = Fingerprint.of(file);

        assertThat(fingerprint).isEqualTo(expected(content)).matches("v1:4:0[0-9a-f]{7}0[0-9a-f]{7}");
    }

    @Test
    void anUnreadableFileHasNoFingerprint() {
        assertThat(Fingerprint.of(temp.resolve("absent.epub"))).isNull();
    }

    private static byte[] contentWhoseChecksumsBothStartWithAZeroDigit() {
        for (int i = 0; ; i++) {
            byte[] content = {(byte) (i >> 24), (byte) (i >> 16), (byte) (i >> 8), (byte) i};
            CRC32C c = new CRC32C();
            c.update(content);
            CRC32 d = new CRC32();
            d.update(content);
            if (c.getValue() < 0x1000_0000L && d.getValue() < 0x1000_0000L) {
                return content;
            }
        }
    }

    /** The same text written the way the first version wrote it. */
    private static String expected(byte[] content) {
        int head = Math.min(content.length, Fingerprint.END_BYTES);
        int tailStart = Math.max(head, content.length - Fingerprint.END_BYTES);
        byte[] ends = new byte[head + content.length - tailStart];
        System.arraycopy(content, 0, ends, 0, head);
        System.arraycopy(content, tailStart, ends, head, content.length - tailStart);
        CRC32C c = new CRC32C();
        c.update(ends);
        CRC32 d = new CRC32();
        d.update(ends);
        return String.format(Locale.ROOT, "v1:%d:%08x%08x", content.length, c.getValue(), d.getValue());
    }
}
