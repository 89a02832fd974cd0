package colophon.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The deterministic plan of a synthetic library: for {@code (count, seed)} always the same books, with the same
 * metadata, templates and paths. Everything random is drawn here, in book order, from one {@link Random}; writing
 * the files afterwards (in parallel) only follows the plan.
 *
 * <p>Mix: about 70% EPUB, 15% CBZ, 10% PDF, 5% M4B (by book); about half the books in folder-per-author
 * ({@code Authors/<Author>/[<Series>/]<Title>.epub}, comics in {@code Comics/<Series>/}), half in a few flat folders
 * ({@code Inbox}, {@code Downloads}, {@code Papers}, {@code Audiobooks}, {@code Comics Inbox}); about 4% of the
 * foldered EPUBs have an audiobook next to them with the same stem (one book, two files).
 */
final class LibraryPlan {

    enum Format {
        EPUB("epub"), CBZ("cbz"), PDF("pdf"), M4B("m4b");

        final String ext;

        Format(String ext) {
            this.ext = ext;
        }
    }

    /** One file of a book: its path relative to the library root, its format and the template it is built from. */
    record FilePlan(String relPath, Format format, int template) {
    }

    /**
     * One book. {@code series} is null for a standalone book; {@code narrator} is used by audiobook files;
     * {@code year} by comics and PDFs; {@code uuid} becomes the EPUB's unique identifier.
     */
    record BookPlan(int index, String title, List<String> authors, String series, Integer seriesNumber,
                    String narrator, String artist, int year, String uuid, List<FilePlan> files) {
    }

    private LibraryPlan() {
    }

    static List<BookPlan> plan(int count, long seed, Templates templates) {
        Random r = new Random(seed);
        List<String> people = Names.people(r, clamp(count / 6, 40, 12_000));
        List<String> comicSeries = distinct(r, clamp(count / 40, 5, 2_000), Names::comicSeries);
        int[] nextIssue = new int[comicSeries.size()];
        int[] comicYear = new int[comicSeries.size()];
        for (int i = 0; i < comicYear.length; i++) {
            comicYear[i] = 1950 + r.nextInt(75);
        }
        Map<String, List<SeriesState>> seriesOf = new HashMap<>();
        Set<String> usedStems = new HashSet<>();
        List<BookPlan> books = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double f = r.nextDouble();
            Format format = f < 0.70 ? Format.EPUB : f < 0.85 ? Format.CBZ : f < 0.95 ? Format.PDF : Format.M4B;
            int template = templates.pick(format, r);
            String title = Names.title(r);
            // A few prolific authors and a long tail, as in a real collection.
            String author = people.get((int) (people.size() * Math.pow(r.nextDouble(), 2)));
            List<String> authors = new ArrayList<>(List.of(author));
            if (r.nextInt(10) == 0) {
                String co = people.get(r.nextInt(people.size()));
                if (!co.equals(author)) {
                    authors.add(co);
                }
            }
            String narrator = Names.person(r);
            String artist = Names.person(r);
            int year = 1900 + r.nextInt(125);
            String uuid = new UUID(r.nextLong(), r.nextLong()).toString();
            boolean foldered = r.nextBoolean();
            String series = null;
            Integer number = null;
            List<FilePlan> files = new ArrayList<>();
            String folder;
            String stem;
            if (format == Format.CBZ) {
                int s = r.nextInt(comicSeries.size());
                series = comicSeries.get(s);
                number = ++nextIssue[s];
                year = comicYear[s] + (number - 1) / 12;
                String issue = series + " #" + String.format(Locale.ROOT, "%03d", number);
                if (foldered) {
                    folder = "Comics/" + series;
                    stem = issue;
                } else {
                    folder = "Comics Inbox";
                    stem = issue + " (" + year + ")";
                }
            } else {
                if (format != Format.PDF && r.nextInt(100) < 30) {
                    List<SeriesState> own = seriesOf.computeIfAbsent(author, a -> new ArrayList<>());
                    SeriesState state;
                    if (!own.isEmpty() && r.nextInt(100) < 70) {
                        state = own.get(r.nextInt(own.size()));
                    } else {
                        String name = Names.series(r);
                        state = own.stream().filter(st -> st.name.equals(name)).findFirst().orElse(null);
                        if (state == null) {
                            state = new SeriesState(name);
                            own.add(state);
                        }
                    }
                    series = state.name;
                    number = ++state.last;
                }
                if (foldered) {
                    folder = "Authors/" + author;
                    if (series != null && r.nextInt(100) < 60) {
                        folder += "/" + series;
                        stem = title;
                    } else {
                        stem = series != null ? title + " (" + series + " #" + number + ")" : title;
                    }
                } else {
                    folder = switch (format) {
                        case PDF -> "Papers";
                        case M4B -> "Audiobooks";
                        default -> r.nextBoolean() ? "Inbox" : "Downloads";
                    };
                    stem = switch (r.nextInt(5)) {
                        case 0 -> "[" + String.join(", ", authors) + "] " + title;
                        case 1 -> author + " - " + title;
                        case 2 -> title + " - " + author;
                        case 3 -> title.replace(' ', '_');
                        default -> title;
                    };
                }
            }
            folder = pathSafe(folder);
            stem = unique(usedStems, folder, pathSafe(stem));
            String ext = format.ext;
            if (!foldered && r.nextInt(100) == 0) {
                ext = ext.toUpperCase(Locale.ROOT);
            }
            files.add(new FilePlan(folder + "/" + stem + "." + ext, format, template));
            if (format == Format.EPUB && foldered && r.nextInt(100) < 4) {
                files.add(new FilePlan(folder + "/" + stem + ".m4b", Format.M4B, templates.pick(Format.M4B, r)));
            }
            books.add(new BookPlan(i, title, List.copyOf(authors), series, number, narrator, artist, year, uuid,
                    List.copyOf(files)));
        }
        return books;
    }

    /**
     * The ASCII apostrophe in a folder or file name ("O'Brien", "Ender's Game.epub") makes Colophon's scan fail
     * with an SQL syntax error (ORMLite {@code where().eq(…)} inlines the value; see bench/README.md). Until that
     * is fixed, paths use the typographic apostrophe (U+2019), which tools commonly write too; titles and names
     * inside the files keep the ASCII one. {@code -Dcolophon.bench.pathApostrophe="'"} restores it.
     */
    static final String PATH_APOSTROPHE = System.getProperty("colophon.bench.pathApostrophe", "\u2019");

    static String pathSafe(String s) {
        return s.replace("'", PATH_APOSTROPHE);
    }

    /** Files in one folder whose stems are equal (ignoring case) would be one book: keep stems unique. */
    private static String unique(Set<String> used, String folder, String stem) {
        String candidate = stem;
        for (int n = 2; !used.add((folder + "/" + candidate).toLowerCase(Locale.ROOT)); n++) {
            candidate = stem + " (" + n + ")";
        }
        return candidate;
    }

    private static List<String> distinct(Random r, int n, java.util.function.Function<Random, String> maker) {
        Set<String> out = new java.util.LinkedHashSet<>();
        int attempts = 0;
        while (out.size() < n && attempts++ < n * 50) {
            out.add(maker.apply(r));
        }
        return new ArrayList<>(out);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static final class SeriesState {
        final String name;
        int last;

        SeriesState(String name) {
            this.name = name;
        }
    }
}
