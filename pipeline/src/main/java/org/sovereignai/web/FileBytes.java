package org.sovereignai.web;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sovereignai.app.BrowseReleases.PublishedFile;

/**
 * The bytes of small published files, kept in memory once read: a published file never changes (its sha256 is in the
 * manifest and is the key here), so the most requested files are served without reading the disk again. Bounded in
 * total size; the least recently used go first.
 */
final class FileBytes {
    /** Larger files are read (or streamed) on each request. */
    static final long MAX_FILE = 1L << 20;
    static final long MAX_TOTAL = 64L << 20;

    private final Map<String, byte[]> byHash = new LinkedHashMap<>(64, 0.75f, true);
    private long total;

    /** The file's bytes, or null when it is too large to keep. */
    byte[] get(PublishedFile f) throws IOException {
        return get(f, false);
    }

    /** The file's bytes gzipped (compressed once, then kept like the plain ones), or null when it is too large. */
    byte[] gzipped(PublishedFile f) throws IOException {
        return get(f, true);
    }

    private byte[] get(PublishedFile f, boolean gzip) throws IOException {
        if (f.bytes() > MAX_FILE) return null;
        String key = (gzip ? "gz:" : "") + f.sha256() + ":" + f.file();
        synchronized (this) {
            byte[] b = byHash.get(key);
            if (b != null) return b;
        }
        byte[] b = gzip ? ReplyWriter.gzip(get(f, false)) : Files.readAllBytes(f.file());
        synchronized (this) {
            if (byHash.put(key, b) == null) total += b.length;
            var it = byHash.entrySet().iterator();
            while (total > MAX_TOTAL && it.hasNext()) {
                total -= it.next().getValue().length;
                it.remove();
            }
        }
        return b;
    }
}
