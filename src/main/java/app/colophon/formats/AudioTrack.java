package app.colophon.formats;

/**
 * Where one audio file sits in a book told in several files, for the library layer that groups a folder's files
 * into books: the files of one folder that share an {@link #album} are one book, ordered by {@link #disc}, then
 * {@link #track}, then file name.
 *
 * @param album      the album tag (ID3 {@code TALB}, MP4 {@code ©alb}) as written, trimmed; null when absent
 * @param disc       the disc number ({@code TPOS} "1/2" → 1, MP4 {@code disk}); null when absent or not a number
 * @param track      the track number ({@code TRCK} "3/12" → 3, MP4 {@code trkn}); null when absent or not a number
 * @param trackTitle the file's own title ({@code TIT2}, {@code ©nam}), in a chapter-per-file book the chapter's name
 * @param audiobook  whether the file's own tags say it is an audiobook and not music (docs/DECISIONS.md: an M4B
 *                   always; otherwise an audiobook genre, a narrator tag, an Audible ASIN, series tags, or MP4
 *                   media kind {@code stik} = 2 "Audiobook")
 */
public record AudioTrack(String album, Integer disc, Integer track, String trackTitle, boolean audiobook) {

    public AudioTrack {
        album = Text.clean(album);
        trackTitle = Text.clean(trackTitle);
        disc = positive(disc);
        track = positive(track);
    }

    private static Integer positive(Integer n) {
        return n == null || n <= 0 ? null : n;
    }
}
