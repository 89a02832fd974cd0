package app.colophon.model;

import java.util.List;

public record BookWithFiles(Book book, List<BookFile> files) {
    public BookWithFiles {
        files = List.copyOf(files);
    }
}
