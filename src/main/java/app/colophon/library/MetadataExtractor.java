package app.colophon.library;

import app.colophon.formats.FilepathParser;
import app.colophon.formats.FormatReaders;
import app.colophon.formats.MetadataParseException;
import app.colophon.formats.ParsedMetadata;
import app.colophon.formats.ValueLimits;
import app.colophon.model.Field;
import app.colophon.model.FieldValues;
import app.colophon.model.FileFormat;
import app.colophon.model.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads one file from disk into a {@link FileReading}: its path-derived values, overlaid by the values found
 * inside it. Never throws for a bad file: the problem becomes the reading's error.
 */
public final class MetadataExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataExtractor.class);

    private final FormatReaders readers;

    public MetadataExtractor(FormatReaders readers) {
        this.readers = readers;
    }

    public FileReading read(Path path) {
        FileFormat format = FileFormat.fromPath(path).orElseThrow(
                () -> new IllegalArgumentException("Not a supported book file: " + path));
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return FileReading.missing(path, format);
        } catch (IOException e) {
            return failed(path, format, 0, 0, "Cannot read file: " + e.getMessage());
        }
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        if (!attributes.isRegularFile()) {
            return failed(path, format, size, modified, "Not a regular file");
        }
        if (!Files.isReadable(path)) {
            return failed(path, format, size, modified, "Cannot read file: permission denied");
        }
        ParsedMetadata fromPath = pathValues(path, format);
        String fingerprint = Fingerprint.of(path);
        ParsedMetadata inside;
        try {
            inside = readers.forFormat(format).read(path);
        } catch (MetadataParseException e) {
            LOG.debug("{}: {}", path, e.getMessage(), e);
            if (!Files.exists(path)) {
                return FileReading.missing(path, format);
            }
            return reading(path, format, size, modified, fromPath, ParsedMetadata.empty(), e.getMessage(), fingerprint);
        } catch (RuntimeException | StackOverflowError e) {
            // A reader bug must cost one file, not the scan; the stack trace goes to the log once, here. Not an
            // OutOfMemoryError: after one, nothing in the JVM can be trusted to go on (the readers bound what they
            // inflate so that none happens).
            LOG.error("Unexpected failure reading {}", path, e);
            return reading(path, format, size, modified, fromPath, ParsedMetadata.empty(),
                    "Failed to parse " + format + ": unexpected error (" + e + ")", fingerprint);
        }
        return reading(path, format, size, modified, fromPath, inside, null, fingerprint);
    }

    /** A reading that records {@code error} for a file whose reading was given up (e.g. it ran out of time). */
    public FileReading failure(Path path, String error) {
        FileFormat format = FileFormat.fromPath(path).orElseThrow();
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return failed(path, format, a.size(), a.lastModifiedTime().toMillis(), error);
        } catch (IOException e) {
            return failed(path, format, 0, 0, error);
        }
    }

    /** The reading of a file given up after {@code budget}: the one message of scans and resyncs alike. */
    public FileReading timedOut(Path path, java.time.Duration budget) {
        FileFormat format = FileFormat.fromPath(path).orElseThrow();
        return failure(path, "Failed to parse " + format + ": reading took longer than " + budget.toSeconds() + " s");
    }

    private FileReading failed(Path path, FileFormat format, long size, long modified, String error) {
        return reading(path, format, size, modified, pathValues(path, format), ParsedMetadata.empty(), error, null);
    }

    /**
     * The values in the file's path. A bug in the name parser must cost this file its path values, not the whole
     * scan: an exception escaping here ends the scan (fuzzing found one: a file named "Title ( Book 1).epub").
     */
    private static ParsedMetadata pathValues(Path path, FileFormat format) {
        try {
            return FilepathParser.parse(path, format);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure parsing the name of {}", path, e);
            return ParsedMetadata.empty();
        }
    }

    private static FileReading reading(Path path, FileFormat format, long size, long modified,
                                       ParsedMetadata fromPath, ParsedMetadata inside, String error, String fingerprint) {
        // a parser's message may quote the file: held to a line, like the values
        error = ValueLimits.cut("error", error, ValueLimits.LINE, new java.util.ArrayList<>());
        return new FileReading(path, format, size, modified, false,
                overlay(fromPath.bookValues(Source.FILEPATH), inside.bookValues(Source.FILE_METADATA)),
                overlay(fromPath.fileValues(Source.FILEPATH), inside.fileValues(Source.FILE_METADATA)),
                inside.pageCount(), inside.durationSeconds(), error, fingerprint, inside.audio(), fromPathAndInside(fromPath, inside));
    }

    private static java.util.List<String> fromPathAndInside(ParsedMetadata fromPath, ParsedMetadata inside) {
        if (fromPath.cut().isEmpty()) {
            return inside.cut();
        }
        java.util.List<String> all = new java.util.ArrayList<>(inside.cut());
        fromPath.cut().forEach(c -> all.add(c + " in the file's name"));
        return all;
    }

    /** The file's own values where it has them, the path's elsewhere. */
    private static <F extends Field<?>> FieldValues<F> overlay(FieldValues<F> base, FieldValues<F> top) {
        FieldValues<F> result = base;
        for (Field<?> field : top.fields()) {
            if (!top.get(field).isEmpty()) {
                result = result.withValueOf(field, top);
            }
        }
        return result;
    }

}
