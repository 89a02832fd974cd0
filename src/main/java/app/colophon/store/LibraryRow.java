package app.colophon.store;

import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;

@DatabaseTable(tableName = "library")
final class LibraryRow {
    @DatabaseField(generatedId = true)
    long id;
    @DatabaseField(canBeNull = false)
    String name;
    @DatabaseField(columnName = "created_at")
    long createdAt;
}
