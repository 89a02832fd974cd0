package app.colophon.library;

import app.colophon.formats.CoverExtractor;
import app.colophon.formats.MetadataParseException;
import app.colophon.model.BookFile;
import app.colophon.model.FileField;
import app.colophon.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Optional;

/**
 * Cover thumbnails on disk, made on first request from the cover inside the book file (DESIGN §4: lazily, off
 * the scan's path). A thumbnail is keyed by the file's id, size and modified time, so a changed file gets a new
 * one; a file without a usable cover is remembered too, so it is not opened again.
 */
public final class CoverCache {

    public static final int WIDTH = 240;
    public static final int HEIGHT = 360;
    private static final Logger LOG = LoggerFactory.getLogger(CoverCache.class);

    private final Database db;
    private final Path dir;

    public CoverCache(Database db, Path dir) {
        this.db = db;
        this.dir = dir;
    }

    /** A JPEG thumbnail of the file's cover, made now if needed; empty when there is none. Blocks: not on the FX thread. */
    public Optional<Path> thumbnail(long fileId) {
        Optional<BookFile> found = db.files().find(fileId);
        if (found.isEmpty() || found.get().fields().text(FileField.COVER) == null) {
            return Optional.empty();
        }
        BookFile file = found.get();
        String key = file.id() + "-" + file.sizeBytes() + "-" + file.modifiedMillis();
        Path jpeg = dir.resolve(key + ".jpg");
        Path none = dir.resolve(key + ".none");
        if (Files.exists(jpeg)) {
            return Optional.of(jpeg);
        }
        if (Files.exists(none)) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(dir);
            BufferedImage thumb = decode(CoverExtractor.extract(file.path(), file.format(), file.fields().text(FileField.COVER)));
            if (thumb == null) {
                Files.writeString(none, "");
                return Optional.empty();
            }
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            ImageIO.write(thumb, "jpg", tmp.toFile());
            Files.move(tmp, jpeg, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(jpeg);
        } catch (MetadataParseException | IOException | RuntimeException e) {
            LOG.info("No cover for {}: {}", file.path(), e.toString());
            try {
                Files.writeString(none, "");
            } catch (IOException ignored) {
                // the cache folder is not writable: we will try again next time
            }
            return Optional.empty();
        }
    }

    /** Decodes with subsampling so that a huge (or hostile) image never becomes a huge bitmap, then scales to fit. */
    static BufferedImage decode(byte[] encoded) throws IOException {
        if (encoded == null || encoded.length == 0) {
            return null;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.min(w / (WIDTH * 2), h / (HEIGHT * 2)));
                param.setSourceSubsampling(step, step, 0, 0);
                return fit(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage fit(BufferedImage source) {
        double scale = Math.min(1.0, Math.min((double) WIDTH / source.getWidth(), (double) HEIGHT / source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
