package org.sovereignai.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;

import org.sovereignai.io.AtomicFiles;

/**
 * The sha256 of release files as this program last computed it, each with the file's stamp at that moment (size,
 * modification and status-change times, device and inode), kept in {@code snapshots/.sha256-stamps}. Publishing checks
 * every existing release before it writes; a file whose stamp is unchanged need not be read again (the same rule git
 * uses for its index): at a million records that is 750 MB of hashing per release in the folder, on every release.
 *
 * <p>Any write to a file, and any {@code touch} that resets its modification time, changes its status-change time, which
 * no tool can set back. Where the file system does not report it (not a Unix-like system), nothing is trusted and every
 * file is hashed as before. {@code sai verify} never trusts a stamp; it hashes every byte and refreshes the stamps. A
 * missing or unreadable stamps file only means hashing again.
 */
final class HashStamps {
    static final String FILE = ".sha256-stamps";
    private static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,dev,ino";

    private final Path dir;
    private final Map<String, String> stamps = new TreeMap<>();   // relative path -> "stamp\tsha256"
    private boolean changed;

    private HashStamps(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The stamps recorded in the snapshots folder (none when the file is missing or unreadable). */
    static HashStamps load(Path dir) {
        HashStamps s = new HashStamps(dir);
        try {
            for (String line : Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) s.stamps.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (NoSuchFileException e) {
            // none yet
        } catch (IOException | RuntimeException e) {
            s.stamps.clear();
            s.changed = true;
        }
        return s;
    }

    /** The sha256 recorded for this file if its stamp is still the recorded one, else null (hash it). */
    synchronized String trusted(Path file) {
        String recorded = stamps.get(key(file));
        if (recorded == null) return null;
        String now = stamp(file);
        int tab = recorded.lastIndexOf('\t');
        return now != null && tab > 0 && recorded.substring(0, tab).equals(now) ? recorded.substring(tab + 1) : null;
    }

    /** Records the sha256 just computed from the file's bytes (or written into it), with the file's current stamp. */
    synchronized void record(Path file, String sha256) {
        String now = stamp(file);
        String key = key(file);
        String value = now == null ? null : now + "\t" + sha256;
        if (value == null ? stamps.remove(key) != null : !value.equals(stamps.put(key, value))) changed = true;
    }

    /** Forgets stamps of files that no longer exist, and writes the file when anything changed. */
    synchronized void save() throws IOException {
        if (stamps.keySet().removeIf(k -> !Files.isRegularFile(dir.resolve(k)))) changed = true;
        if (!changed) return;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : stamps.entrySet()) sb.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
        AtomicFiles.write(dir.resolve(FILE), sb.toString());
        changed = false;
    }

    private String key(Path file) {
        return dir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** size, mtime, ctime, device and inode, or null where the file system does not tell them all. */
    private static String stamp(Path file) {
        try {
            Map<String, Object> a = Files.readAttributes(file, ATTRIBUTES);
            return a.get("size") + " " + nanos(a.get("lastModifiedTime")) + " " + nanos(a.get("ctime")) + " " + a.get("dev")
                    + " " + a.get("ino");
        } catch (IOException | RuntimeException e) {
            return null;    // e.g. no "unix" attribute view: nothing is trusted, every file is hashed
        }
    }

    private static long nanos(Object time) {
        FileTime t = (FileTime) time;
        return t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
