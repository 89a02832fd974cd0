package app.colophon.ui.main;

/** The status bar's words for what is shown: "120 books", "3 of 120 books", "2 of 3 books selected". */
final class StatusLine {

    private StatusLine() {
    }

    static String of(int all, int shown, int chosen, boolean missingOnly) {
        if (chosen > 1) {
            return chosen + " of " + shown + " books selected";
        }
        if (missingOnly) {
            return shown + " missing " + (shown == 1 ? "book" : "books") + " (files no longer on disk)";
        }
        return shown == all ? all + (all == 1 ? " book" : " books") : shown + " of " + all + " books";
    }
}
