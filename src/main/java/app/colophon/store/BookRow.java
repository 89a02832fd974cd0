package app.colophon.store;

import com.j256.ormlite.field.DatabaseField;
import com.j256.ormlite.table.DatabaseTable;

@DatabaseTable(tableName = "book")
final class BookRow {
    @DatabaseField(generatedId = true)
    long id;
    @DatabaseField(columnName = "library_id")
    long libraryId;
    @DatabaseField(canBeNull = false)
    String folder;
    @DatabaseField(columnName = "group_key", canBeNull = false)
    String groupKey;
    @DatabaseField
    String title;
    @DatabaseField(columnName = "title_src")
    String titleSrc;
    @DatabaseField(columnName = "sort_title")
    String sortTitle;
    @DatabaseField(columnName = "sort_title_src")
    String sortTitleSrc;
    @DatabaseField
    String subtitle;
    @DatabaseField(columnName = "subtitle_src")
    String subtitleSrc;
    @DatabaseField
    String description;
    @DatabaseField(columnName = "description_src")
    String descriptionSrc;
    @DatabaseField
    String authors;
    @DatabaseField(columnName = "authors_src")
    String authorsSrc;
    @DatabaseField
    String series;
    @DatabaseField(columnName = "series_src")
    String seriesSrc;
    @DatabaseField
    String genres;
    @DatabaseField(columnName = "genres_src")
    String genresSrc;
    @DatabaseField
    String tags;
    @DatabaseField(columnName = "tags_src")
    String tagsSrc;
    @DatabaseField(columnName = "added_at")
    long addedAt;
    @DatabaseField(columnName = "updated_at")
    long updatedAt;
}
