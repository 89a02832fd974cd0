package app.colophon.library;

import java.util.List;

/**
 * The browser's lists for one library. Authors are in sort-name order, series, genres and tags by name, formats and
 * languages by name, all ignoring case and accents; {@code problems} lists "Files that failed to read" and
 * "Missing files" when there are any.
 */
public record Facets(List<Facet> authors, List<Facet> series, List<Facet> genres, List<Facet> tags,
                     List<Facet> formats, List<Facet> languages, List<Facet> problems) {

    public static final String FAILED = "Files that failed to read";
    public static final String MISSING = "Missing files";

    public Facets {
        authors = List.copyOf(authors);
        series = List.copyOf(series);
        genres = List.copyOf(genres);
        tags = List.copyOf(tags);
        formats = List.copyOf(formats);
        languages = List.copyOf(languages);
        problems = List.copyOf(problems);
    }
}
