package app.colophon.ui.common;

import app.colophon.model.Contributor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;

/** How the window writes the values it shows in several places: names, dates. */
public final class Texts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private Texts() {
    }

    /** "Jane Roe, Nora Narrator". */
    public static String names(List<Contributor> people) {
        return people.stream().map(Contributor::name).collect(Collectors.joining(", "));
    }

    /** A day in the user's locale and time zone, e.g. "3 Dec 2026". */
    public static String date(Instant instant) {
        return DATE.format(instant);
    }
}
