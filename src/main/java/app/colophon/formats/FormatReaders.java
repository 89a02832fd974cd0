package app.colophon.formats;

import app.colophon.model.FileFormat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One reader per supported format. */
public final class FormatReaders {

    private final Map<FileFormat, FormatReader> readers = new EnumMap<>(FileFormat.class);

    public FormatReaders(List<FormatReader> readers) {
        for (FormatReader reader : readers) {
            this.readers.put(reader.format(), reader);
        }
    }

    public static FormatReaders standard() {
        return new FormatReaders(List.of(new EpubReader(), new CbzReader(), new Cb7Reader(), new CbrReader(),
                new PdfReader(), new M4bReader(), new M4aReader(), new Mp3Reader()));
    }

    public FormatReader forFormat(FileFormat format) {
        FormatReader reader = readers.get(format);
        if (reader == null) {
            throw new IllegalArgumentException("No reader for " + format);
        }
        return reader;
    }
}
