package app.colophon.formats;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The bodies of ID3v2 frames that are more than text: a comment (COMM) and the head of a picture (APIC, PIC). */
final class Id3FrameBodies {

    /** Where a picture frame's image starts, what it is and what kind of picture (3: front cover). */
    record PictureHead(int type, String mime, int imageAt) {
    }

    private Id3FrameBodies() {
    }

    /** COMM: encoding, a three-letter language, a short description, then the text; null when there is none. */
    static Id3v2.Comment comment(byte[] data) {
        if (data.length < 5) {
            return null;
        }
        byte[] rest = new byte[data.length - 3];
        rest[0] = data[0];
        System.arraycopy(data, 4, rest, 1, data.length - 4);
        List<String> parts = Id3Text.strings(rest, 1);
        if (parts.size() >= 2) {
            return new Id3v2.Comment(parts.get(0), String.join("\n", parts.subList(1, parts.size())));
        }
        return parts.size() == 1 ? new Id3v2.Comment("", parts.get(0)) : null; // no description terminator
    }

    /**
     * APIC: encoding, MIME type (Latin-1, NUL-ended), picture type, description (NUL-ended), image. ID3v2.2's PIC has
     * a three-letter image format instead of the MIME type. Null when the head is cut short or names no image.
     */
    static PictureHead pictureHead(byte[] head, int version) {
        if (head.length < 4) {
            return null;
        }
        int enc = head[0];
        int at = 1;
        String mime;
        if (version == 2) {
            String format = new String(head, 1, 3, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
            mime = format.equals("PNG") ? "image/png" : format.equals("JPG") ? "image/jpeg" : null;
            at = 4;
        } else {
            int nul = Id3Text.indexOf(head, at, 1);
            if (nul < 0) {
                return null;
            }
            mime = new String(head, at, nul - at, StandardCharsets.ISO_8859_1).trim().toLowerCase(Locale.ROOT);
            at = nul + 1;
        }
        if (at >= head.length) {
            return null;
        }
        int type = head[at] & 0xFF;
        int unit = enc == 1 || enc == 2 ? 2 : 1;
        int descEnd = Id3Text.indexOf(head, at + 1, unit);
        if (descEnd < 0) {
            return null;
        }
        at = descEnd + unit;
        mime = imageMime(mime, head, at);
        return mime == null || at >= head.length ? null : new PictureHead(type, mime, at);
    }

    /** The declared MIME type when it names an image (some taggers write "jpg"), else what the first bytes say. */
    private static String imageMime(String declared, byte[] head, int at) {
        if (at + 3 <= head.length) {
            if ((head[at] & 0xFF) == 0xFF && (head[at + 1] & 0xFF) == 0xD8) {
                return "image/jpeg";
            }
            if ((head[at] & 0xFF) == 0x89 && head[at + 1] == 'P' && head[at + 2] == 'N') {
                return "image/png";
            }
        }
        if (declared == null || declared.isEmpty() || declared.equals("-->")) {
            return null; // "-->" is a link to an image elsewhere, not an image
        }
        return declared.startsWith("image/") ? declared : "image/" + declared.replace("jpg", "jpeg");
    }
}
