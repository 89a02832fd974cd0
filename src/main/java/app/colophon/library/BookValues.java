package app.colophon.library;

import app.colophon.model.BookField;
import app.colophon.model.BookFile;
import app.colophon.model.FieldValues;
import app.colophon.model.FileOrder;
import app.colophon.model.Source;
import app.colophon.model.Sourced;

import java.util.List;

/**
 * Derives a book's candidate values from what each of its files says (DESIGN §3, several files, one book).
 * Files are taken in {@link FileOrder} and for each field the first non-empty value read from inside a file wins; a value derived from a file's path is used only when no
 * file has one inside. The result never depends on which file was scanned last.
 */
final class BookValues {

    private BookValues() {
    }

    static FieldValues<BookField<?>> derive(List<BookFile> files) {
        List<BookFile> ordered = files.stream().sorted(FileOrder.FILES).toList();
        FieldValues<BookField<?>> result = BookField.none();
        for (BookField<?> field : BookField.values()) {
            result = choose(result, field, ordered);
        }
        return result;
    }

    /** The first file's value inside it, else the first file's value from its path. */
    private static <T> FieldValues<BookField<?>> choose(FieldValues<BookField<?>> result, BookField<T> field,
                                                        List<BookFile> ordered) {
        Sourced<T> chosen = firstWithSource(ordered, field, Source.FILE_METADATA);
        if (chosen == null) {
            chosen = firstWithSource(ordered, field, Source.FILEPATH);
        }
        return chosen == null ? result : result.with(field, chosen);
    }

    private static <T> Sourced<T> firstWithSource(List<BookFile> files, BookField<T> field, Source source) {
        for (BookFile file : files) {
            Sourced<T> value = file.bookValues().get(field);
            if (!value.isEmpty() && value.source() == source) {
                return value;
            }
        }
        return null;
    }
}
