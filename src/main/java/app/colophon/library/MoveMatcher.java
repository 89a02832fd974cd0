package app.colophon.library;

import app.colophon.library.LibraryWalker.DiskFile;
import app.colophon.model.BookFile;
import app.colophon.model.FileField;
import app.colophon.model.FileFormat;
import app.colophon.model.Identifier;
import app.colophon.model.IdentifierType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Finds which new files of a scan are missing files moved or renamed (DESIGN §4, Moves), so that they take over
 * the missing file's record — its book, values, sources and id — instead of becoming new books.
 * <ol>
 * <li>By content, before anything is read: a new file with the size of a missing file gets a {@link Fingerprint},
 * and equal fingerprints pair up. Only those new files are fingerprinted here; unchanged files never are.</li>
 * <li>By identifier, once a new file has been read: a file whose content changed as it moved (its metadata edited
 * elsewhere) matches a missing file of the same format sharing an ISBN, ASIN or UUID that no other file of the
 * library has — so template books sharing one placeholder identifier never take each other's records.</li>
 * </ol>
 * Among equal candidates (identical copies) the same file name wins, then the same folder name, then path order;
 * a missing record is taken at most once, and a file on disk is never taken from: two copies of one book keep
 * their own records. Records from Colophon 0.1.0 have no fingerprint; they match a new file of the same size,
 * format and file name.
 * <p>The records under an unavailable root can be taken by content only (step 1): a book moved out of a folder
 * that it leaves empty — which then looks unmounted — keeps its record, and a book copied off a drive before it
 * was unmounted takes its edits along; nothing else under that root changes.
 */
final class MoveMatcher {

    private static final Set<IdentifierType> STRONG = Set.of(IdentifierType.ISBN13, IdentifierType.ISBN10,
            IdentifierType.ASIN, IdentifierType.UUID);

    private final List<BookFile> unclaimed;
    /** Records under unavailable roots: matched by content only, and only while unclaimed. */
    private final List<BookFile> outOfReach;
    private final Map<Path, BookFile> byContent = new HashMap<>();

    /** @param missing the missing files of the library under its available roots */
    MoveMatcher(List<BookFile> missing) {
        this(missing, List.of());
    }

    /** @param outOfReach the files known under the library's unavailable roots (not on disk as far as it knows) */
    MoveMatcher(List<BookFile> missing, List<BookFile> outOfReach) {
        this.unclaimed = new ArrayList<>(missing);
        this.outOfReach = new ArrayList<>(outOfReach);
    }

    /** New path to the missing record it pairs with by content (step 1), before any is claimed. */
    Map<Path, BookFile> contentMatches() {
        return Map.copyOf(byContent);
    }

    boolean isEmpty() {
        return unclaimed.isEmpty() && byContent.isEmpty();
    }


    /** Step 1: pairs new files with missing files of the same content. */
    void matchByContent(List<DiskFile> newFiles) {
        if ((unclaimed.isEmpty() && outOfReach.isEmpty()) || newFiles.isEmpty()) {
            return;
        }
        Set<Long> missingSizes = new HashSet<>();
        unclaimed.forEach(f -> missingSizes.add(f.sizeBytes()));
        outOfReach.forEach(f -> missingSizes.add(f.sizeBytes()));
        Map<String, List<Path>> newByKey = new LinkedHashMap<>();
        for (DiskFile f : newFiles) {
            if (missingSizes.contains(f.sizeBytes())) {
                String fingerprint = Fingerprint.of(f.path());
                if (fingerprint != null) {
                    newByKey.computeIfAbsent(fingerprint, k -> new ArrayList<>()).add(f.path());
                }
                legacyKey(f.path(), f.sizeBytes()).ifPresent(k -> newByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(f.path()));
            }
        }
        Map<String, List<BookFile>> missingByKey = new LinkedHashMap<>();
        List<BookFile> candidates = new ArrayList<>(unclaimed);
        candidates.addAll(outOfReach);
        for (BookFile m : candidates) {
            String key = m.fingerprint() != null ? m.fingerprint() : legacyKey(m.path(), m.sizeBytes()).orElse(null);
            if (key != null && newByKey.containsKey(key)) {
                missingByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
        }
        missingByKey.forEach((key, records) -> pair(records, newByKey.get(key)));
    }

    /** The missing record a new file takes over, found by content in step 1 or now by its identifiers (step 2). */
    Optional<BookFile> claim(FileReading reading, ToLongFunction<String> filesWithIdentifier) {
        BookFile matched = byContent.remove(reading.path());
        if (matched != null) {
            return Optional.of(matched);
        }
        if (reading.failed() || unclaimed.isEmpty()) {
            return Optional.empty();
        }
        List<Identifier> ids = strong(reading.fileValues().list(FileField.IDENTIFIERS));
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<BookFile> candidates = unclaimed.stream()
                .filter(m -> m.format() == reading.format())
                .filter(m -> strong(m.fields().list(FileField.IDENTIFIERS)).stream().anyMatch(ids::contains))
                .toList();
        if (candidates.size() != 1) {
            return Optional.empty();
        }
        BookFile candidate = candidates.get(0);
        boolean unique = strong(candidate.fields().list(FileField.IDENTIFIERS)).stream()
                .filter(ids::contains).anyMatch(id -> filesWithIdentifier.applyAsLong(id.value()) == 1);
        if (!unique) {
            return Optional.empty();
        }
        unclaimed.remove(candidate);
        return Optional.of(candidate);
    }

    private void pair(List<BookFile> records, List<Path> newPaths) {
        List<Path> free = new ArrayList<>(newPaths);
        free.removeIf(byContent::containsKey);
        List<BookFile> left = new ArrayList<>(records);
        left.removeIf(r -> !unclaimed.contains(r) && !outOfReach.contains(r));
        while (!left.isEmpty() && !free.isEmpty()) {
            BookFile bestRecord = null;
            Path bestPath = null;
            int bestScore = -1;
            for (BookFile r : left) {
                for (Path p : free) {
                    int score = likeness(r.path(), p);
                    if (score > bestScore) {
                        bestScore = score;
                        bestRecord = r;
                        bestPath = p;
                    }
                }
            }
            byContent.put(bestPath, bestRecord);
            unclaimed.remove(bestRecord);
            outOfReach.remove(bestRecord);
            left.remove(bestRecord);
            free.remove(bestPath);
        }
    }

    /** 2 for the same file name, 1 for the same folder name, 0 otherwise. */
    private static int likeness(Path was, Path now) {
        if (Objects.equals(was.getFileName(), now.getFileName())) {
            return 2;
        }
        Path a = was.getParent() == null ? null : was.getParent().getFileName();
        Path b = now.getParent() == null ? null : now.getParent().getFileName();
        return Objects.equals(a, b) ? 1 : 0;
    }

    /** What pairs a file with a record that has no fingerprint: size, format and file name. */
    private static Optional<String> legacyKey(Path path, long size) {
        Optional<FileFormat> format = FileFormat.fromPath(path);
        Path name = path.getFileName();
        return format.isEmpty() || name == null ? Optional.empty()
                : Optional.of("name:" + size + ":" + format.get() + ":" + name);
    }

    private static List<Identifier> strong(List<Identifier> ids) {
        return ids.stream().filter(i -> STRONG.contains(i.type()) && !i.value().isBlank())
                .sorted(Comparator.comparing(Identifier::value)).toList();
    }
}
