package app.colophon.fuzz;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short variant of fuzzing that runs in every build (real fuzzing needs {@code JAZZER_FUZZ=1} and one JVM per
 * target: scripts/fuzz.sh). Each fuzz target gets 400 blind mutations of its regression inputs — bytes flipped,
 * inserted, deleted, cut — with a fixed seed, so a failure reproduces. Jazzer's coverage-guided runs find far more;
 * this catches a regression on the paths the seeds already reach.
 */
class QuickMutationTest {

    private static final int MUTATIONS = 400;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EpubReaderFuzzTest/archive", "EpubReaderFuzzTest/packageDocument",
        "EpubReaderFuzzTest/container", "CbzReaderFuzzTest/archive", "CbzReaderFuzzTest/comicInfo",
        "M4bReaderFuzzTest/file", "M4bReaderFuzzTest/tagItems", "PdfReaderFuzzTest/file", "PdfReaderFuzzTest/xmpPacket",
        "FilepathParserFuzzTest/fileAndFolderName", "Mp3ReaderFuzzTest/file", "Mp3ReaderFuzzTest/id3Frames",
        "M4aReaderFuzzTest/tagItems", "Cb7ReaderFuzzTest/archive", "Cb7ReaderFuzzTest/comicInfo",
        "CbrReaderFuzzTest/file"})
    void blindMutationsOfTheRegressionInputs(String target) throws Exception {
        String[] parts = target.split("/");
        Consumer<byte[]> fuzzTest = fuzzTest(parts[0], parts[1]);
        List<byte[]> seeds = seeds(parts[0] + "Inputs/" + parts[1]);
        assertThat(seeds).as("regression inputs of %s", target).isNotEmpty();
        Random random = new Random(target.hashCode());
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                fuzzTest.accept(input);
            } catch (Throwable e) {
                throw new AssertionError(target + ", mutation " + i + " (seed " + target.hashCode() + "): " + e, e);
            }
        }
    }

    private static Consumer<byte[]> fuzzTest(String testClass, String method) {
        return switch (testClass + "#" + method) {
            case "EpubReaderFuzzTest#archive" -> new EpubReaderFuzzTest()::archive;
            case "EpubReaderFuzzTest#packageDocument" -> new EpubReaderFuzzTest()::packageDocument;
            case "EpubReaderFuzzTest#container" -> new EpubReaderFuzzTest()::container;
            case "CbzReaderFuzzTest#archive" -> new CbzReaderFuzzTest()::archive;
            case "CbzReaderFuzzTest#comicInfo" -> new CbzReaderFuzzTest()::comicInfo;
            case "M4bReaderFuzzTest#file" -> new M4bReaderFuzzTest()::file;
            case "M4bReaderFuzzTest#tagItems" -> new M4bReaderFuzzTest()::tagItems;
            case "PdfReaderFuzzTest#file" -> new PdfReaderFuzzTest()::file;
            case "PdfReaderFuzzTest#xmpPacket" -> new PdfReaderFuzzTest()::xmpPacket;
            case "FilepathParserFuzzTest#fileAndFolderName" -> new FilepathParserFuzzTest()::fileAndFolderName;
            case "Mp3ReaderFuzzTest#file" -> new Mp3ReaderFuzzTest()::file;
            case "Mp3ReaderFuzzTest#id3Frames" -> new Mp3ReaderFuzzTest()::id3Frames;
            case "M4aReaderFuzzTest#tagItems" -> new M4aReaderFuzzTest()::tagItems;
            case "Cb7ReaderFuzzTest#archive" -> new Cb7ReaderFuzzTest()::archive;
            case "Cb7ReaderFuzzTest#comicInfo" -> new Cb7ReaderFuzzTest()::comicInfo;
            case "CbrReaderFuzzTest#file" -> new CbrReaderFuzzTest()::file;
            default -> throw new IllegalArgumentException(testClass + "#" + method);
        };
    }

    private static List<byte[]> seeds(String resourceDir) throws IOException, URISyntaxException {
        Path dir = Path.of(QuickMutationTest.class.getResource(resourceDir).toURI());
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                seeds.add(Files.readAllBytes(f));
            }
        }
        return seeds;
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        for (int n = 1 + random.nextInt(4); n > 0 && b.length > 0; n--) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> b = java.util.Arrays.copyOf(b, at);
                case 3 -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
                default -> {
                    byte[] shorter = new byte[b.length - 1];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                    b = shorter;
                }
            }
        }
        return b;
    }
}
