package app.colophon.store;

import java.nio.file.Path;

/**
 * The stored paths under a folder, as a range of strings: {@code folder/} inclusive to {@code folder0} exclusive
 * ('0' follows '/' in every collation SQLite uses here), so the (library_id, path) index answers it and no
 * character of the folder's name needs escaping, as it would in a LIKE pattern.
 */
record PathRange(String from, String to) {

    static PathRange under(Path folder) {
        String f = folder.toString();
        String separator = folder.getFileSystem().getSeparator();
        String prefix = f.endsWith(separator) ? f : f + separator;
        char last = prefix.charAt(prefix.length() - 1);
        return new PathRange(prefix, prefix.substring(0, prefix.length() - 1) + (char) (last + 1));
    }
}
