package org.sovereignai.curation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import org.sovereignai.io.AtomicFiles;
import org.sovereignai.io.Hashes;

/**
 * What the inbox may take, and where what it refuses is kept. The inbox takes only regular files that are really
 * inside it: a symbolic link (to a file or from a curator's folder), a hard link (a second name of a file that lives
 * elsewhere, such as the database), a FIFO, a device or a folder is refused without reading anything of it. Every
 * refused or rejected file is kept under {@code curation/rejected/CURATOR/} with a name made from its content hash, and
 * each refusal gets its own dated report beside it; every file the inbox takes, accepted or not, also gets a dated
 * report in {@code curation/reports/CURATOR/}. Nothing there is ever overwritten.
 */
public final class InboxFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

    private InboxFiles() {
    }

    /** Null when the inbox may read {@code file}; else why not, for the curator's report and the operator's log. */
    public static String refusal(Path inbox, Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return "it could not be examined (" + e.getMessage() + ")";
        }
        if (a.isSymbolicLink()) return "it is a symbolic link; the inbox takes only regular files, and nothing of the link's target was read";
        if (!a.isRegularFile()) return "it is not a regular file (a folder, FIFO, socket or device); nothing of it was read";
        try {
            Object links = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            if (links instanceof Integer n && n > 1) {
                return "it is a hard link (the same file has " + n + " names); the inbox takes only files copied into it, and nothing of it was read";
            }
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            // no unix view on this file system (Windows): hard links cannot be told apart there
        }
        try {
            Path realInbox = inbox.toRealPath();
            Path lexical = inbox.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
            Path folder = lexical.getParent() == null ? realInbox : realInbox.resolve(lexical.getParent());
            if (lexical.startsWith("..") || !file.toAbsolutePath().getParent().toRealPath().equals(folder)) {
                return "it is reached through a symbolic link (its real place is outside the inbox); nothing of it was read";
            }
        } catch (IOException e) {
            return "it could not be examined (" + e.getMessage() + ")";
        }
        return null;
    }

    /**
     * A name for a file we keep, from a received name: an ASCII stem of at most 60 characters, a dash-free extension
     * taken from the whole name (so that a 250-character name keeps its {@code .csv}).
     */
    public static String safeName(String originalName) {
        return FileNames.stem(originalName) + "." + FileNames.extension(originalName);
    }

    /**
     * Keeps a refused or rejected inbox file in {@code curation/rejected/CURATOR/}: the content (when {@code file} is
     * not null: it is copied and hashed in one read) as {@code SHA16-NAME}, and a dated report
     * {@code SHA16-NAME.STAMP.report.txt} and {@code .report.json} that is never overwritten. For a file not read (a
     * link or special file) the name starts with {@code unread} and only the reports are written. Returns the report.
     */
    public static Path keep(Workspace workspace, String curator, String originalName, Path file, CuratorReport report)
            throws IOException {
        Path dir = workspace.rejected().resolve(FileNames.stem(curator));
        Files.createDirectories(dir);
        String base;
        if (file != null && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            Path tmp = Files.createTempFile(dir, ".incoming-", ".tmp");
            try {
                MessageDigest md = Hashes.sha256();
                try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), md);
                     OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
                    in.transferTo(out);
                }
                base = HexFormat.of().formatHex(md.digest()).substring(0, 16) + "-" + safeName(originalName);
                Path kept = dir.resolve(base);
                if (!Files.exists(kept, LinkOption.NOFOLLOW_LINKS)) AtomicFiles.move(tmp, kept); // same hash: same bytes
            } finally {
                Files.deleteIfExists(tmp);
            }
        } else {
            base = "unread-" + safeName(originalName);
        }
        String stamp = stamp();
        return writeNew(dir, n -> base + "." + stamp + (n == 1 ? "" : "-" + n), report);
    }

    /**
     * The curator's dated report of one file the inbox took, whatever became of it, in {@code curation/reports/CURATOR/}
     * as {@code STAMP-NAME.report.txt} and {@code .report.json} (named by time first, so the folder lists them in the
     * order received); never overwritten. Returns the text report.
     */
    public static Path report(Workspace workspace, String curator, String originalName, CuratorReport report) throws IOException {
        Path dir = workspace.reports().resolve(FileNames.stem(curator));
        Files.createDirectories(dir);
        String stamp = stamp();
        String name = safeName(originalName);
        return writeNew(dir, n -> stamp + (n == 1 ? "" : "-" + n) + "-" + name, report);
    }

    private static String stamp() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
    }

    /** Writes {@code NAME.report.txt} (created new: the first free name of {@code names}) and {@code NAME.report.json}. */
    private static Path writeNew(Path dir, java.util.function.IntFunction<String> names, CuratorReport report) throws IOException {
        for (int n = 1; ; n++) {
            String name = names.apply(n);
            Path txt = dir.resolve(name + ".report.txt");
            try {
                Files.writeString(txt, report.text(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            AtomicFiles.write(dir.resolve(name + ".report.json"), report.json());
            return txt;
        }
    }
}
