package app.colophon.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The test corpus in {@code src/test/resources/corpus} (third-party files, see its README) and its MANIFEST.tsv,
 * read in place. {@code -Dcolophon.corpus=<folder>} points the tests at another copy.
 */
public final class Corpus {

    private static Map<String, Map<String, String>> manifest;

    private Corpus() {
    }

    public static Path root() {
        String configured = System.getProperty("colophon.corpus");
        Path root = configured != null ? Path.of(configured) : Path.of("src", "test", "resources", "corpus");
        return root.toAbsolutePath().normalize();
    }

    /**
     * The folders of third-party files, each listed in MANIFEST.tsv: what a test that scans "the whole corpus" scans,
     * so that files made for other tests ({@code made/}) do not change what it expects.
     */
    public static List<Path> thirdPartyFolders() {
        return Stream.of("epub", "opf", "comics", "audio", "pdf", "generated").map(root()::resolve).toList();
    }

    /** A corpus file by its manifest name, e.g. {@code epub/idpf-trees.epub}. */
    public static Path file(String name) {
        Path p = root().resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("not in the corpus: " + p);
        }
        return p;
    }

    /** Copies a corpus file into a test folder (the corpus itself is read-only), returning the copy. */
    public static Path copy(String name, Path folder) {
        return copy(name, folder, Path.of(name).getFileName().toString());
    }

    public static Path copy(String name, Path folder, String newFileName) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(newFileName);
            Files.copy(file(name), target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().setWritable(true);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest row for a file: column name to value (empty string when blank). */
    public static synchronized Map<String, String> manifest(String name) {
        if (manifest == null) {
            manifest = loadManifest();
        }
        Map<String, String> row = manifest.get(name);
        if (row == null) {
            throw new IllegalArgumentException("not in MANIFEST.tsv: " + name);
        }
        return row;
    }

    private static Map<String, Map<String, String>> loadManifest() {
        try {
            List<String> lines = Files.readAllLines(root().resolve("MANIFEST.tsv"));
            String[] header = lines.get(0).split("\t", -1);
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : "");
                }
                rows.put(row.get("file"), row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
