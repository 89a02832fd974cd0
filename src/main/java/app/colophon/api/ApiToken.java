package app.colophon.api;

import app.colophon.library.ColophonException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bearer token of the local HTTP API: 32 random bytes, URL-safe Base64, generated on first use into
 * {@code <data folder>/api-token}, a file only its owner may read (POSIX mode {@code rw-------}, or an ACL
 * granting only the owner on Windows). Delete the file to get a new token the next time the API starts.
 */
public final class ApiToken {

    public static final String FILE_NAME = "api-token";

    private static final int RANDOM_BYTES = 32;
    /** A token we generated is 43 characters; a hand-made one must be as strong. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{43,256}");
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final byte[] token;

    private ApiToken(Path file, String token) {
        this.file = file;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the data folder's token, creating it (and the folder) on first use. */
    public static ApiToken loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                create(file);
            }
            restrictToOwner(file);
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!VALID.matcher(text).matches()) {
                throw new ColophonException("The API token file " + file
                        + " does not hold a valid token; delete it and Colophon will make a new one");
            }
            return new ApiToken(file, text);
        } catch (IOException e) {
            throw new ColophonException("Cannot read or create the API token file " + file + ": " + e, e);
        }
    }

    public Path file() {
        return file;
    }

    /** True when {@code candidate} is the token; the comparison takes the same time wherever they differ. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.US_ASCII));
    }

    private static void create(Path file) throws IOException {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        boolean posix = posix(file);
        // Written to a private temporary file first, so nobody ever reads a half-written or world-readable token.
        Path tmp = posix
                ? Files.createTempFile(file.getParent(), FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            if (!posix) {
                restrictToOwner(tmp);
            }
            Files.writeString(tmp, token + System.lineSeparator(), StandardCharsets.US_ASCII);
            try {
                // A link fails if another Colophon created the token meanwhile: then both use that one.
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException raced) {
                // keep theirs
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(file)) {
                    Files.move(tmp, file);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Owner-only access, also for a token file made by hand or loosened since. */
    private static void restrictToOwner(Path file) throws IOException {
        if (posix(file)) {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl != null) {
            UserPrincipal owner = Files.getOwner(file);
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
        }
    }
}
