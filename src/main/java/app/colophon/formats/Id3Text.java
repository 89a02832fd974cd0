package app.colophon.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The byte-level rules of ID3v2: text encodings, NUL-separated values, unsynchronisation, syncsafe integers. */
final class Id3Text {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private Id3Text() {
    }

    /**
     * The strings of a text frame: its encoding byte, then values separated by NUL (ID3v2.4 allows several).
     * An unknown encoding byte makes the frame unreadable. Latin-1 text that is valid UTF-8 with non-ASCII
     * characters is taken as UTF-8: many taggers write UTF-8 and call it Latin-1; such a byte sequence is almost
     * never meant as Latin-1 ("Ã©").
     */
    static List<String> strings(byte[] data, int from) {
        List<String> out = new ArrayList<>();
        if (data.length <= from - 1 || from < 1) {
            return out;
        }
        int enc = data[from - 1];
        if (enc < 0 || enc > 3) {
            return out;
        }
        int unit = enc == 1 || enc == 2 ? 2 : 1;
        int at = from;
        while (at < data.length) {
            int end = indexOf(data, at, unit);
            int stop = end < 0 ? data.length : end;
            out.add(decode(data, at, stop - at, enc));
            if (end < 0) {
                break;
            }
            at = end + unit;
        }
        // a value list ends with a terminator, which is not another (empty) value
        while (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    static String decode(byte[] data, int from, int length, int enc) {
        return switch (enc) {
            case 1 -> utf16WithBom(data, from, length);
            case 2 -> new String(data, from, length - (length % 2), StandardCharsets.UTF_16BE);
            case 3 -> new String(data, from, length, StandardCharsets.UTF_8);
            default -> latin1(data, from, length);
        };
    }

    static String utf16WithBom(byte[] data, int from, int length) {
        int even = length - (length % 2);
        if (even >= 2 && (data[from] & 0xFF) == 0xFF && (data[from + 1] & 0xFF) == 0xFE) {
            return new String(data, from + 2, even - 2, StandardCharsets.UTF_16LE);
        }
        if (even >= 2 && (data[from] & 0xFF) == 0xFE && (data[from + 1] & 0xFF) == 0xFF) {
            return new String(data, from + 2, even - 2, StandardCharsets.UTF_16BE);
        }
        return new String(data, from, even, StandardCharsets.UTF_16LE); // no BOM: Windows taggers mean little-endian
    }

    static String latin1(byte[] data, int from, int length) {
        boolean ascii = true;
        for (int i = from; i < from + length; i++) {
            if (data[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (!ascii) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(data, from, length)).toString();
            } catch (CharacterCodingException e) {
                // really Latin-1, or its Windows superset (curly quotes in 0x80-0x9F)
                return new String(data, from, length, CP1252);
            }
        }
        return new String(data, from, length, StandardCharsets.ISO_8859_1);
    }

    /** The index of the first NUL (a pair of NULs at an even offset for UTF-16) at or after {@code from}, or -1. */
    static int indexOf(byte[] data, int from, int unit) {
        for (int i = from; i + unit <= data.length; i += unit) {
            if (data[i] == 0 && (unit == 1 || data[i + 1] == 0)) {
                return i;
            }
        }
        return -1;
    }

    /** Undoes unsynchronisation: every 0xFF 0x00 was written for a 0xFF. */
    static byte[] resync(byte[] raw) {
        byte[] out = new byte[raw.length];
        int n = 0;
        for (int i = 0; i < raw.length; i++) {
            out[n++] = raw[i];
            if ((raw[i] & 0xFF) == 0xFF && i + 1 < raw.length && raw[i + 1] == 0) {
                i++;
            }
        }
        return n == raw.length ? out : Arrays.copyOf(out, n);
    }

    /** A 28-bit "syncsafe" integer (7 bits per byte), or -1 when a byte has its top bit set. */
    static int syncsafe(byte[] b, int at) {
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            if ((b[i] & 0x80) != 0) {
                return -1;
            }
            v = (v << 7) | b[i];
        }
        return v;
    }
}
