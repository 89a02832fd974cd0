package app.colophon.store;

import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;

@DatabaseTable(tableName = "library_root")
final class LibraryRootRow {
    @DatabaseField(generatedId = true)
    long id;
    @DatabaseField(columnName = "library_id")
    long libraryId;
    @DatabaseField(canBeNull = false)
    String path;
}
