package app.colophon.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Files only their owner may read: the data folder ({@code rwx------}), the database and its WAL, the log and the API
 * token ({@code rw-------}); on Windows an ACL that grants the owner alone, as for the token. A library of what
 * someone reads, with their notes, is nobody else's business on a shared machine.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_FOLDER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private PrivateFiles() {
    }

    /**
     * Creates {@code folder} and its missing parents, each created one owner-only. A folder that exists is left as
     * it is: it may be one the user chose and shares on purpose ({@code --data-dir}).
     */
    public static void createFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createFolder(parent);
        }
        try {
            if (posix(absolute)) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
                // the process's umask may have taken bits away, never added any: set exactly
                Files.setPosixFilePermissions(absolute, OWNER_FOLDER);
            } else {
                Files.createDirectory(absolute);
                restrictAcl(absolute, true);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) {
                throw new FileSystemException(absolute.toString(), null, "a file is in the way of the folder");
            }
        }
    }

    /** Creates an empty owner-only {@code file} unless it exists; an existing one is made owner-only if it is not. */
    public static void createFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                if (posix(file)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile by another Colophon: restricted below like any existing file
            }
        }
        restrict(file);
    }

    /** Makes an existing file owner-only (read and write), if it is not already. */
    public static void restrict(Path file) throws IOException {
        if (posix(file)) {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_FILE)) {
                Files.setPosixFilePermissions(file, OWNER_FILE);
            }
        } else {
            restrictAcl(file, false);
        }
    }

    /** Whether only the owner may read or write {@code file} (always true where POSIX permissions do not exist). */
    public static boolean isPrivate(Path file) throws IOException {
        if (!posix(file)) {
            return true;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        return mode.stream().allMatch(p -> p.name().startsWith("OWNER_"));
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void restrictAcl(Path file, boolean folder) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl != null) {
            AclEntry.Builder owner = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(Files.getOwner(file))
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class));
            if (folder) {
                owner.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
            }
            acl.setAcl(List.of(owner.build()));
        }
    }
}
