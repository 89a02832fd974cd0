package app.colophon.ui.common;

import app.colophon.library.CoverCache;
import app.colophon.library.LibraryService;
import app.colophon.library.MetadataEditor;
import app.colophon.library.Resync;

/** The library services the window uses; the UI reaches the data only through these. */
public record UiServices(LibraryService libraries, Resync resync, MetadataEditor editor, CoverCache covers) {
}
