package app.colophon.formats;

import app.colophon.model.FileFormat;

import java.nio.file.Path;

/**
 * Reads the metadata inside one file format. Implementations treat every file as hostile: bounded reads,
 * no external entities, and a {@link MetadataParseException} for anything they cannot read; never an
 * unchecked exception, a hang or an out-of-memory. Readers are stateless and thread-safe.
 */
public interface FormatReader {

    FileFormat format();

    ParsedMetadata read(Path file) throws MetadataParseException;
}
