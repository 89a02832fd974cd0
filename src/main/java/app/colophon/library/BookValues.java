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

    static FieldValues<BookField> derive(List<BookFile> files) {
        List<BookFile> ordered = files.stream().sorted(FileOrder.FILES).toList();
        FieldValues<BookField> result = FieldValues.empty(BookField.class);
        for (BookField field : BookField.values()) {
            Sourced<?> chosen = firstWithSource(ordered, field, Source.FILE_METADATA);
            if (chosen == null) {
                chosen = firstWithSource(ordered, field, Source.FILEPATH);
            }
            if (chosen != null) {
                result = result.with(field, chosen);
            }
        }
        return result;
    }

    private static Sourced<?> firstWithSource(List<BookFile> files, BookField field, Source source) {
        for (BookFile file : files) {
            Sourced<?> value = file.bookValues().get(field);
            if (!value.isEmpty() && value.source() == source) {
                return value;
            }
        }
        return null;
    }
}
