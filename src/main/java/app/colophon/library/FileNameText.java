package app.colophon.library;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Whether a path found on disk can be stored as text and found again. A name in another encoding (Latin-1 bytes
 * on a UTF-8 system) turns into replacement characters when read as text: the record could never find its file
 * again, and every scan would re-import it as a new book, dropping its edits.
 */
final class FileNameText {

    /** How a name's text alone can show that it came from the same bytes as the text's, in an encoding. */
    enum Judge {
        /**
         * UTF-8: a decoder that meets bytes that are not UTF-8 puts U+FFFD in their place, and UTF-8 writes every
         * text one way, so a name without U+FFFD comes from the bytes its text writes.
         */
        NO_REPLACEMENT,
        /** An encoding that writes ASCII as ASCII (the ISO-8859 family, …): an ASCII name. */
        ASCII,
        /** Any other: only a second path made from the text can tell ({@link #survivesAsText}). */
        NONE;

        static Judge of(String charsetName) {
            Charset charset;
            try {
                charset = Charset.forName(charsetName);
            } catch (RuntimeException e) {
                return NONE;
            }
            if (charset.equals(StandardCharsets.UTF_8)) {
                return NO_REPLACEMENT;
            }
            return writesAsciiAsAscii(charset) ? ASCII : NONE;
        }

        /** Whether the name read as {@code text} comes from the bytes {@code text} writes, as far as its text shows. */
        boolean faithful(String text) {
            return switch (this) {
                case NO_REPLACEMENT -> text.indexOf('\uFFFD') < 0;
                case ASCII -> isAscii(text);
                case NONE -> false;
            };
        }
    }

    private static final Judge JUDGE = Judge.of(System.getProperty("sun.jnu.encoding", StandardCharsets.UTF_8.name()));

    private FileNameText() {
    }

    /** Whether {@code path} is the path its own text names. */
    static boolean survivesAsText(Path path) {
        return Path.of(path.toString()).equals(path);
    }

    /**
     * Whether a name read from disk as {@code text} came from the bytes of that text, without asking
     * {@link #survivesAsText}, which makes a second path: a rescan asks for every file of the library. False when
     * only that can tell.
     */
    static boolean isFaithfulName(String text) {
        return JUDGE.faithful(text);
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean writesAsciiAsAscii(Charset charset) {
        byte[] ascii = new byte[127];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) (i + 1);
        }
        String text = new String(ascii, StandardCharsets.US_ASCII);
        return new String(ascii, charset).equals(text) && Arrays.equals(text.getBytes(charset), ascii);
    }
}
