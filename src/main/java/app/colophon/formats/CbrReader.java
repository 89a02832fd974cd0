package app.colophon.formats;

import app.colophon.model.FileFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A CBR is meant to be a RAR archive of pages, and RAR cannot be read here: the RAR licence forbids using its
 * code to re-create the compression algorithm, so the open Java readers stop at RAR 4 (junrar) or need native
 * code — a RAR comic is reported with a clear error instead of being skipped in silence. Many files named
 * {@code .cbr} are really ZIP or 7-Zip archives (renamed by tools and shops); those are read as the comics they are.
 */
public final class CbrReader implements FormatReader {

    static final String NOT_SUPPORTED = "RAR comics are not supported (RAR's licence rules out the usual Java"
            + " readers); convert it to CBZ or CB7 to read it";

    private static final byte[] RAR = {'R', 'a', 'r', '!', 0x1A, 0x07};
    private static final byte[] ZIP_ENTRY = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};

    @Override
    public FileFormat format() {
        return FileFormat.CBR;
    }

    @Override
    public ParsedMetadata read(Path file) throws MetadataParseException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        } catch (NoSuchFileException e) {
            throw new MetadataParseException(FileFormat.CBR, "file not found", e);
        } catch (IOException e) {
            throw new MetadataParseException(FileFormat.CBR, "cannot read file (" + Zips.describe(e) + ")", e);
        }
        if (startsWith(head, RAR)) {
            throw new MetadataParseException(FileFormat.CBR, NOT_SUPPORTED);
        }
        if (startsWith(head, ZIP_ENTRY) || startsWith(head, ZIP_EMPTY)) {
            return new CbzReader(FileFormat.CBR).read(file);
        }
        if (Cb7Reader.hasSignature(head)) {
            return new Cb7Reader(FileFormat.CBR).read(file);
        }
        throw new MetadataParseException(FileFormat.CBR, head.length == 0
                ? "not a comic archive (empty file)" : "not a comic archive (neither RAR, ZIP nor 7-Zip)");
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
