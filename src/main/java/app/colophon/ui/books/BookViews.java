package app.colophon.ui.books;

import app.colophon.ui.common.CoverImages;
import app.colophon.ui.common.FxTasks;
import app.colophon.ui.common.Notifier;
import app.colophon.ui.common.UiServices;

/**
 * What every view of books works with: the library's services, the books on screen, the way to do slow work, the
 * notifications and the covers. One per window set, made by the composition root.
 */
public record BookViews(UiServices services, LibraryModel model, FxTasks tasks, Notifier notifier, CoverImages covers) {
}
