package app.colophon.formats;

import app.colophon.model.FileFormat;

import java.nio.file.Path;

/**
 * Reads an M4A: the same MP4 boxes as an M4B ({@link M4bReader}), with the values of a file that is one part of a
 * book told in several files (title and authors from the album) and whether its tags make it an audiobook rather
 * than music ({@link AudioTrack#audiobook()}).
 */
public final class M4aReader implements FormatReader {

    private final M4bReader boxes = new M4bReader(FileFormat.M4A);

    @Override
    public FileFormat format() {
        return FileFormat.M4A;
    }

    @Override
    public ParsedMetadata read(Path file) throws MetadataParseException {
        return boxes.read(file);
    }
}
