package app.colophon.formats;

import app.colophon.model.FileFormat;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.DecodeResult;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Bounds what PDFBox may decode while {@link PdfReader} reads a file.
 *
 * <p>PDFBox 3 decodes every filtered stream it touches — object streams and cross-reference streams while it loads
 * a file, the XMP packet when we ask for it — completely into memory, without any limit: a 1 MB PDF whose object
 * stream or XMP stream inflates to 1 GB takes the whole heap, and with it the scan and every other thread. PDFBox has
 * no setting for this, so its inflating filters (Flate, LZW, RunLength: the ones that can multiply their input) are
 * wrapped, once, in its filter registry: on a thread inside {@link #during} one stream may decode to at most
 * {@link #MAX_DECODED_BYTES}; past that the decode fails with an IOException, which PDFBox treats as a damaged
 * stream. Other threads (the cover cache rendering a page) decode as before.
 *
 * <p>The registry is a private field, reached by reflection because PDFBox offers no way to register a filter. Should
 * a future PDFBox move it, the bound is lost (logged once) and the hostile-input tests fail loudly.
 */
final class PdfDecodeLimit {

    /** Far more than any object stream, cross-reference stream or XMP packet needs; far less than a heap. */
    static final long MAX_DECODED_BYTES = 32L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PdfDecodeLimit.class);
    private static final String TOO_LARGE = "a stream decodes to more than " + (MAX_DECODED_BYTES >> 20) + " MB";
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);
    private static final ThreadLocal<Boolean> EXCEEDED = ThreadLocal.withInitial(() -> false);
    private static final boolean INSTALLED = install();

    private PdfDecodeLimit() {
    }

    /**
     * Runs {@code work} with the bound in force on this thread. PDFBox swallows many stream errors (a broken object
     * stream just makes its objects missing), so a stream cut off at the bound is reported here, as the file's
     * error, rather than as metadata that silently lacks what the bomb hid: a bomb is refused, not truncated.
     */
    static <T> T during(Callable<T> work) throws Exception {
        ACTIVE.set(true);
        EXCEEDED.set(false);
        try {
            T result = work.call();
            if (EXCEEDED.get()) {
                throw new MetadataParseException(FileFormat.PDF, "damaged file: " + TOO_LARGE);
            }
            return result;
        } finally {
            ACTIVE.set(false);
        }
    }

    static boolean installed() {
        return INSTALLED;
    }

    @SuppressWarnings("unchecked")
    private static boolean install() {
        try {
            Field field = FilterFactory.class.getDeclaredField("filters");
            field.setAccessible(true);
            Map<COSName, Filter> filters = (Map<COSName, Filter>) field.get(FilterFactory.INSTANCE);
            for (COSName name : List.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION, COSName.LZW_DECODE,
                    COSName.LZW_DECODE_ABBREVIATION, COSName.RUN_LENGTH_DECODE,
                    COSName.RUN_LENGTH_DECODE_ABBREVIATION)) {
                Filter filter = filters.get(name);
                if (filter != null && !(filter instanceof Bounded)) {
                    // replaces the value of an existing key: no structural change to the map readers may see
                    filters.put(name, new Bounded(filter));
                }
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Cannot bound PDF stream decoding (PDFBox changed?): {}", e.toString());
            return false;
        }
    }

    /** A PDFBox filter whose decoded output is counted, and cut off past the bound while it is in force. */
    private static final class Bounded extends Filter {
        private final Filter delegate;

        Bounded(Filter delegate) {
            this.delegate = delegate;
        }

        @Override
        public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index)
                throws IOException {
            return delegate.decode(encoded, limit(decoded), parameters, index);
        }

        @Override
        public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index,
                                   DecodeOptions options) throws IOException {
            return delegate.decode(encoded, limit(decoded), parameters, index, options);
        }

        @Override
        protected void encode(InputStream input, OutputStream encoded, COSDictionary parameters) throws IOException {
            delegate.encode(input, encoded, parameters, 0);
        }

        private static OutputStream limit(OutputStream out) {
            return ACTIVE.get() ? new Counting(out) : out;
        }
    }

    private static final class Counting extends FilterOutputStream {
        private long written;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }

        private void count(int n) throws IOException {
            written += n;
            if (written > MAX_DECODED_BYTES) {
                EXCEEDED.set(true);
                throw new IOException(TOO_LARGE);
            }
        }
    }
}
