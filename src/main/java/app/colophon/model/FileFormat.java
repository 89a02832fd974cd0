package app.colophon.model;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The supported formats, declared in the order their files contribute book-level values (DESIGN §3): EPUB, the
 * comics (CBZ, then CB7, then CBR, which is recognised only to say it cannot be read), PDF, then the audio formats
 * (M4B, then M4A and MP3, whose files are often one chapter of a book each).
 */
public enum FileFormat {
    EPUB("epub"),
    CBZ("cbz"),
    CB7("cb7"),
    CBR("cbr"),
    PDF("pdf"),
    M4B("m4b"),
    M4A("m4a"),
    MP3("mp3");

    /** {@code values()} copies its array on every call; a scan asks once per file. */
    private static final FileFormat[] ALL = values();

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public String jsonName() {
        return extension;
    }

    public static Optional<FileFormat> fromPath(Path path) {
        Path name = path.getFileName();
        return name == null ? Optional.empty() : fromFileName(name.toString());
    }

    /** The format a file named {@code fileName} (no folder) has by its extension, in any case. */
    public static Optional<FileFormat> fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (FileFormat format : ALL) {
            if (format.extension.equals(ext)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
