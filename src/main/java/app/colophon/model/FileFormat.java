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
        if (name == null) {
            return Optional.empty();
        }
        String fileName = name.toString();
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (FileFormat format : values()) {
            if (format.extension.equals(ext)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
