package colophon.bench;

import app.colophon.model.Edits;
import app.colophon.library.Colophon;
import app.colophon.model.BookField;
import app.colophon.model.BookSummary;
import app.colophon.model.BookWithFiles;
import app.colophon.model.Source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Moves and renames books of a scanned library after giving each a manual title, then checks after the next scan
 * that every edit is still on the moved file's book (issue "Never lose an edit", benchmark).
 *
 * <pre>
 * MoveBench prepare &lt;dataDir&gt; &lt;libraryDir&gt; &lt;count&gt; &lt;seed&gt; &lt;manifest&gt;
 * MoveBench check &lt;dataDir&gt; &lt;manifest&gt;      prints moves.kept=… moves.total=…
 * MoveBench restore &lt;manifest&gt;              moves the files back where they were
 * </pre>
 *
 * Half of the chosen files are renamed in their folder, half moved into new folders ({@code moved-<n>/}) under the
 * library. The manifest has one line per file: book id, old path, new path, manual title (tab-separated).
 */
public final class MoveBench {

    private MoveBench() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "prepare" -> prepare(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]),
                    Long.parseLong(args[4]), Path.of(args[5]));
            case "check" -> check(Path.of(args[1]), Path.of(args[2]));
            case "restore" -> restore(Path.of(args[1]));
            default -> throw new IllegalArgumentException("prepare | check | restore");
        }
    }

    private record Move(long bookId, Path from, Path to, String title) {
        String line() {
            return bookId + "\t" + from + "\t" + to + "\t" + title;
        }

        static Move parse(String line) {
            String[] f = line.split("\t", 4);
            return new Move(Long.parseLong(f[0]), Path.of(f[1]), Path.of(f[2]), f[3]);
        }
    }

    private static void prepare(Path dataDir, Path library, int count, long seed, Path manifest) throws IOException {
        List<Move> moves = new ArrayList<>();
        java.util.Set<Path> planned = new java.util.HashSet<>();
        try (Colophon app = Colophon.open(dataDir)) {
            List<BookSummary> books = new ArrayList<>(app.libraries().summaries(app.libraries().defaultLibrary().id()));
            Collections.shuffle(books, new Random(seed));
            for (BookSummary summary : books) {
                if (moves.size() == count) {
                    break;
                }
                BookWithFiles book = app.libraries().book(summary.id()).orElseThrow();
                if (book.files().size() != 1) {
                    continue;
                }
                Path from = book.files().get(0).path();
                String title = "Kept " + summary.id();
                app.editor().editBook(summary.id(), Edits.ofBook().set(BookField.TITLE, title).set(BookField.TAGS, List.of("moved")));
                Path to = moves.size() % 2 == 0
                        ? from.resolveSibling("renamed-" + from.getFileName())
                        : library.resolve("moved-" + moves.size() % 50).resolve(from.getFileName());
                if (Files.exists(to) || !planned.add(to)) {
                    // 100,000 books repeat file names: two of them must not land on one path of a moved-N folder
                    to = to.resolveSibling(summary.id() + " " + from.getFileName());
                    planned.add(to);
                }
                moves.add(new Move(summary.id(), from, to, title));
            }
        }
        // The manifest first, so that `restore` can put back whatever was moved even if a move fails part way.
        Files.write(manifest, moves.stream().map(Move::line).toList());
        for (Move m : moves) {
            Files.createDirectories(m.to().getParent());
            Files.move(m.from(), m.to());
        }
        System.out.printf(Locale.ROOT, "moves.prepared=%d%n", moves.size());
    }

    private static void check(Path dataDir, Path manifest) throws IOException {
        List<Move> moves = Files.readAllLines(manifest).stream().map(Move::parse).toList();
        int kept = 0;
        try (Colophon app = Colophon.open(dataDir)) {
            for (Move m : moves) {
                BookWithFiles book = app.libraries().book(m.bookId()).orElse(null);
                boolean ok = book != null && m.title().equals(book.book().title())
                        && book.book().fields().source(BookField.TITLE) == Source.MANUAL
                        && book.files().stream().anyMatch(f -> f.path().equals(m.to()) && !f.missing());
                kept += ok ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "moves.kept=%d%nmoves.total=%d%n", kept, moves.size());
    }

    private static void restore(Path manifest) throws IOException {
        for (String line : Files.readAllLines(manifest)) {
            Move m = Move.parse(line);
            if (Files.exists(m.to())) {
                Files.move(m.to(), m.from());
            }
        }
    }
}
