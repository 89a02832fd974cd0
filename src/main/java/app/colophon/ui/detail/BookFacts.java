package app.colophon.ui.detail;

import app.colophon.model.BookFile;
import app.colophon.model.BookWithFiles;
import app.colophon.model.FileFormat;
import app.colophon.ui.common.Texts;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** What the detail window's header says about a book: its title (or its file's name) and its facts. */
final class BookFacts {

    private BookFacts() {
    }

    static String title(BookWithFiles full) {
        String t = full.book().title();
        if (t != null) {
            return Texts.visible(t);
        }
        return full.files().stream().findFirst().map(f -> Texts.visible(String.valueOf(f.path().getFileName())))
                .orElse("Untitled");
    }

    static String of(BookWithFiles full) {
        List<BookFile> all = full.files();
        String formats = all.stream().map(BookFile::format).distinct().sorted().map(FileFormat::name)
                .collect(Collectors.joining(", "));
        StringBuilder sb = new StringBuilder(all.size() == 1 ? "1 file" : all.size() + " files");
        if (!formats.isEmpty()) {
            sb.append(" · ").append(formats);
        }
        all.stream().map(BookFile::pageCount).filter(Objects::nonNull).findFirst()
                .ifPresent(p -> sb.append('\n').append(p).append(p == 1 ? " page" : " pages"));
        Double listening = full.durationSeconds();
        if (listening != null) {
            sb.append('\n').append(duration(listening));
        }
        sb.append("\nAdded ").append(Texts.date(full.book().addedAt()));
        return sb.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
        }
        return s >= 60 ? String.format("%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
