package colophon.bench;

import app.colophon.formats.EpubReader;
import app.colophon.formats.FormatReader;
import app.colophon.formats.FormatReaders;
import app.colophon.formats.MetadataParseException;
import app.colophon.model.FileFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What reading one MP3 chapter file costs beside reading one EPUB (issue #16), in one JVM, warm page cache:
 *
 * <pre>
 * java -cp "target-bench/bench-classes:target-bench/classes:target-bench/lib/*" colophon.bench.AudioReadBench \
 *   &lt;scratch dir&gt; [chapters=20] [MB per chapter=8] [rounds=200] [epub dir=src/test/resources/corpus/epub]
 * </pre>
 *
 * It writes a 20-chapter book as real taggers and encoders leave one: per file an ID3v2.4 tag with the usual frames
 * and a 100 KB cover, a LAME-style "Info" frame, then silent MPEG-1 layer III frames up to the chapter's size. It
 * then reads every chapter {@code rounds} times with the MP3 reader (tags and first frame only: no audio is
 * decoded) and every readable EPUB of the corpus with {@link EpubReader}, after a warm-up, and prints the median
 * and 90th percentile per file and the total for the whole book.
 */
public final class AudioReadBench {

    private static final int FRAME_BYTES = 417; // 128 kbit/s, 44.1 kHz, no padding
    private static final int SAMPLES_PER_FRAME = 1152;

    private AudioReadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int chapters = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int mb = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Path epubs = Path.of(args.length > 4 ? args[4] : "src/test/resources/corpus/epub");

        List<Path> mp3s = writeBook(dir.resolve("mp3-book"), chapters, mb);
        List<Path> books = readable(new EpubReader(), epubs);
        System.out.printf("MP3 book: %d chapters of %d MB; EPUBs: %d readable files in %s%n", chapters, mb,
                books.size(), epubs);

        // by name, so that bench/run.sh --src can still compile this class against a Colophon without MP3 support
        FormatReader mp3Reader = FormatReaders.standard().forFormat(FileFormat.valueOf("MP3"));
        double[] mp3 = perFileMicros(mp3Reader, mp3s, rounds);
        double[] epub = perFileMicros(new EpubReader(), books, Math.max(1, rounds * chapters / Math.max(1, books.size())));
        System.out.printf("%-22s %10s %10s%n", "reader", "median us", "p90 us");
        System.out.printf("%-22s %10.1f %10.1f%n", "MP3 chapter (tags)", mp3[0], mp3[1]);
        System.out.printf("%-22s %10.1f %10.1f%n", "EPUB (container+OPF)", epub[0], epub[1]);
        System.out.printf("whole %d-chapter MP3 book: %.2f ms (median per file x %d)%n", chapters, mp3[0] * chapters / 1000,
                chapters);
        FormatReader jaudiotagger = jaudiotagger();
        if (jaudiotagger != null) {
            double[] j = perFileMicros(jaudiotagger, mp3s, Math.max(1, rounds / 10));
            System.out.printf("%-22s %10.1f %10.1f%n", "jaudiotagger 3.0.1", j[0], j[1]);
        }
    }

    /**
     * jaudiotagger's {@code AudioFileIO.read} (tags and audio header), when its jar is on the class path — it is not a
     * dependency of Colophon: add {@code ~/.m2/repository/net/jthink/jaudiotagger/3.0.1/jaudiotagger-3.0.1.jar} to
     * compare the ID3 library we did not take.
     */
    private static FormatReader jaudiotagger() {
        try {
            Class<?> io = Class.forName("org.jaudiotagger.audio.AudioFileIO");
            java.lang.reflect.Method read = io.getMethod("read", java.io.File.class);
            java.util.logging.Logger.getLogger("org.jaudiotagger").setLevel(java.util.logging.Level.OFF);
            return new FormatReader() {
                @Override
                public FileFormat format() {
                    return FileFormat.EPUB; // not used
                }

                @Override
                public app.colophon.formats.ParsedMetadata read(Path file) {
                    try {
                        Object audio = read.invoke(null, file.toFile());
                        audio.getClass().getMethod("getTag").invoke(audio);
                        return null;
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return null;
        }
    }

    /** Median and 90th percentile of one read, in microseconds, over {@code rounds} passes after a warm-up. */
    static double[] perFileMicros(FormatReader reader, List<Path> files, int rounds) throws MetadataParseException {
        for (int i = 0; i < Math.max(2000, files.size() * 20); i++) {
            reader.read(files.get(i % files.size()));
        }
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (Path f : files) {
                long t = System.nanoTime();
                reader.read(f);
                times.add((System.nanoTime() - t) / 1000.0);
            }
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)]};
    }

    private static List<Path> readable(FormatReader reader, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".epub")).sorted().toList()) {
                try {
                    reader.read(f);
                    out.add(f);
                } catch (MetadataParseException e) {
                    // the corpus's broken EPUBs fail fast; only real books are timed
                }
            }
        }
        return out;
    }

    static List<Path> writeBook(Path dir, int chapters, int mb) throws IOException {
        Files.createDirectories(dir);
        byte[] cover = new byte[100 * 1024];
        new Random(16).nextBytes(cover);
        cover[0] = (byte) 0xFF;
        cover[1] = (byte) 0xD8;
        int frames = (int) ((long) mb * 1024 * 1024 / FRAME_BYTES);
        List<Path> out = new ArrayList<>();
        for (int c = 1; c <= chapters; c++) {
            Path file = dir.resolve(String.format("%02d Chapter %d.mp3", c, c));
            out.add(file);
            if (Files.exists(file) && Files.size(file) > (long) frames * FRAME_BYTES) {
                continue;
            }
            try (OutputStream o = Files.newOutputStream(file)) {
                o.write(tag(c, chapters, cover));
                o.write(infoFrame(frames));
                byte[] silent = silentFrame();
                byte[] block = new byte[silent.length * 256];
                for (int i = 0; i < 256; i++) {
                    System.arraycopy(silent, 0, block, i * silent.length, silent.length);
                }
                for (int i = 0; i < frames; i += 256) {
                    o.write(block, 0, Math.min(256, frames - i) * silent.length);
                }
            }
        }
        return out;
    }

    private static byte[] tag(int chapter, int chapters, byte[] cover) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        text(frames, "TALB", "The Benchmark Book");
        text(frames, "TPE1", "Jane Roe, Nora Narrator");
        text(frames, "TPE2", "Jane Roe");
        text(frames, "TCOM", "Nora Narrator");
        text(frames, "TIT2", "Chapter " + chapter);
        text(frames, "TRCK", chapter + "/" + chapters);
        text(frames, "TCON", "Audiobook");
        text(frames, "TDRC", "2021");
        text(frames, "TPUB", "Bench Press");
        text(frames, "TSSE", "Lavf59.27.100");
        frame(frames, "TXXX", concat(new byte[] {3}, utf8("SERIES"), new byte[1], utf8("Bench Saga")));
        frame(frames, "COMM", concat(new byte[] {3}, utf8("eng"), new byte[1], utf8("Chapter " + chapter + " of a book.")));
        frame(frames, "APIC", concat(new byte[] {0}, utf8("image/jpeg"), new byte[] {0, 3, 0}, cover));
        byte[] body = concat(frames.toByteArray(), new byte[1024]); // padding, as taggers leave
        ByteBuffer b = ByteBuffer.allocate(10 + body.length);
        b.put(new byte[] {'I', 'D', '3', 4, 0, 0}).put(syncsafe(body.length)).put(body);
        return b.array();
    }

    private static void text(ByteArrayOutputStream out, String id, String value) {
        frame(out, id, concat(new byte[] {3}, utf8(value)));
    }

    private static void frame(ByteArrayOutputStream out, String id, byte[] data) {
        out.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(syncsafe(data.length));
        out.writeBytes(new byte[2]);
        out.writeBytes(data);
    }

    /** A LAME-style "Info" frame: the first frame carries the frame count, as every CBR file from LAME or ffmpeg does. */
    private static byte[] infoFrame(int frames) {
        byte[] f = silentFrame();
        int at = 4 + 32; // MPEG-1 stereo side information
        System.arraycopy("Info".getBytes(StandardCharsets.US_ASCII), 0, f, at, 4);
        ByteBuffer.wrap(f).putInt(at + 4, 1).putInt(at + 8, frames + 1);
        return f;
    }

    private static byte[] silentFrame() {
        byte[] f = new byte[FRAME_BYTES];
        f[0] = (byte) 0xFF;
        f[1] = (byte) 0xFB;
        f[2] = (byte) 0x90;
        f[3] = (byte) 0x00; // stereo
        return f;
    }

    private static byte[] syncsafe(int n) {
        return new byte[] {(byte) ((n >> 21) & 0x7F), (byte) ((n >> 14) & 0x7F), (byte) ((n >> 7) & 0x7F),
            (byte) (n & 0x7F)};
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }

    static double seconds(int frames) {
        return (double) frames * SAMPLES_PER_FRAME / 44_100;
    }
}
