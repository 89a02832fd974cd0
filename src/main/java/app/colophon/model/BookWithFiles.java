package app.colophon.model;

import java.util.List;

public record BookWithFiles(Book book, List<BookFile> files) {
    public BookWithFiles {
        files = List.copyOf(files);
    }

    /** The book's listening time: its files' durations summed (an audiobook in chapter files); null when none has one. */
    public Double durationSeconds() {
        return files.stream().map(BookFile::durationSeconds).filter(java.util.Objects::nonNull)
                .reduce(Double::sum).orElse(null);
    }
}
