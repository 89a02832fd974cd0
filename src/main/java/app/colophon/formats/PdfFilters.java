package app.colophon.formats;

import app.colophon.formats.PdfObjects.Unexpected;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The Flate filter for {@link PdfQuick}, bounded, and the PNG predictors of its {@code /DecodeParms} (ISO 32000-1
 * §7.4.4.4), as cross-reference streams use them: each row is a filter byte and the row's bytes as differences from
 * its neighbours. A truncated or damaged stream is {@link Unexpected}: PDFBox reads what it can of it instead.
 */
final class PdfFilters {

    private PdfFilters() {
    }

    /** The zlib data inflated, or null when it inflates to more than {@code limit} bytes. */
    static byte[] inflate(byte[] raw, long limit) throws Unexpected {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(raw);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, Math.min(raw.length * 4, 256 * 1024)));
            byte[] chunk = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Unexpected("a truncated Flate stream");
                }
                out.write(chunk, 0, n);
                if (out.size() > limit) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new Unexpected("a damaged Flate stream");
        } finally {
            inflater.end();
        }
    }

    /** The data with its rows' predictions undone, as its {@code /DecodeParms} say they were made. */
    static byte[] undoPredictor(byte[] data, Object parameters) throws Unexpected {
        if (parameters == null || parameters == PdfObjects.NULL) {
            return data;
        }
        if (!(parameters instanceof Map<?, ?> p)) {
            throw new Unexpected("/DecodeParms that are not a dictionary");
        }
        long predictor = number(p.get("Predictor"), 1);
        if (predictor <= 1) {
            return data;
        }
        long colors = number(p.get("Colors"), 1);
        long bits = number(p.get("BitsPerComponent"), 8);
        long columns = number(p.get("Columns"), 1);
        if (predictor < 10 || bits != 8 || colors < 1 || colors > 32 || columns < 1 || columns > 1 << 20) {
            throw new Unexpected("a predictor this reader does not undo");
        }
        int pixel = (int) colors;
        int row = (int) (colors * columns);
        if (data.length % (row + 1) != 0) {
            throw new Unexpected("predicted rows that do not fill the data");
        }
        int rows = data.length / (row + 1);
        byte[] out = new byte[rows * row];
        for (int r = 0; r < rows; r++) {
            int filter = data[r * (row + 1)];
            int in = r * (row + 1) + 1;
            int at = r * row;
            for (int i = 0; i < row; i++) {
                int raw = data[in + i] & 0xff;
                int left = i >= pixel ? out[at + i - pixel] & 0xff : 0;
                int up = r > 0 ? out[at - row + i] & 0xff : 0;
                int upLeft = r > 0 && i >= pixel ? out[at - row + i - pixel] & 0xff : 0;
                int value = switch (filter) {
                    case 0 -> raw;
                    case 1 -> raw + left;
                    case 2 -> raw + up;
                    case 3 -> raw + ((left + up) >> 1);
                    case 4 -> raw + paeth(left, up, upLeft);
                    default -> throw new Unexpected("PNG filter " + filter);
                };
                out[at + i] = (byte) value;
            }
        }
        return out;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static long number(Object value, long otherwise) throws Unexpected {
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Long n) {
            return n;
        }
        throw new Unexpected("a predictor parameter that is not an integer");
    }
}
