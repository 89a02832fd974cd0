package app.colophon.model;

import java.nio.file.Path;
import java.util.List;

public record Library(long id, String name, List<Path> roots) {
    public Library {
        roots = List.copyOf(roots);
    }
}
