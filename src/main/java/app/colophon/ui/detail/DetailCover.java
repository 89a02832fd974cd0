package app.colophon.ui.detail;

import app.colophon.model.BookFile;
import app.colophon.model.FileOrder;
import app.colophon.model.BookWithFiles;
import app.colophon.model.FileField;
import app.colophon.ui.common.CoverImages;
import app.colophon.ui.common.CoverView;

import java.util.List;
import java.util.Objects;

/**
 * The detail window's cover: the cover of the first file, in format order, that has one (loaded lazily through
 * {@link CoverImages}); when that file's cover cannot be decoded the next file's is tried, so a book shows a
 * picture whenever any of its files has one, and a placeholder otherwise.
 */
final class DetailCover {

    static final double WIDTH = 200;
    static final double HEIGHT = 300;

    private final CoverView view = new CoverView(WIDTH, HEIGHT);
    private final CoverImages covers;
    private Long coverFileId;
    private String title;

    DetailCover(CoverImages covers) {
        this.covers = covers;
    }

    CoverView view() {
        return view;
    }

    void placeholder(String title) {
        this.title = title;
        view.showPlaceholder(title);
    }

    /** Shows the book's cover; the current image stays until a different one has loaded. */
    void show(BookWithFiles full, String bookTitle) {
        title = bookTitle;
        List<Long> candidates = full.files().stream()
                .sorted(FileOrder.FILES)
                .filter(f -> f.fields().text(FileField.COVER) != null)
                .map(BookFile::id).toList();
        Long first = candidates.isEmpty() ? null : candidates.get(0);
        if (!Objects.equals(first, coverFileId) || !view.hasImage()) {
            view.showPlaceholder(title);
        }
        coverFileId = first;
        load(candidates, 0, first);
    }

    private void load(List<Long> candidates, int index, Long forFirst) {
        Long fileId = index < candidates.size() ? candidates.get(index) : null;
        covers.load(fileId, image -> {
            if (!Objects.equals(forFirst, coverFileId)) {
                return;
            }
            if (image != null) {
                view.setImage(image);
            } else if (index + 1 < candidates.size()) {
                load(candidates, index + 1, forFirst);
            } else {
                view.showPlaceholder(title);
            }
        });
    }
}
