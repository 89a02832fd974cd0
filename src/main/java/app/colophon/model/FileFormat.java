package app.colophon.model;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The supported formats, declared in the order their files contribute book-level values (DESIGN §3): EPUB, the
 * comics (CBZ, then CB7, then CBR, which is recognised only to say it cannot be read), PDF, then M4B.
 */
public enum FileFormat {
    EPUB("epub"),
    CBZ("cbz"),
    CB7("cb7"),
    CBR("cbr"),
    PDF("pdf"),
    M4B("m4b");

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
