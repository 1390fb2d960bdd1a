package org.sovereignai.release;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sovereignai.io.AtomicFiles;
import org.sovereignai.io.CrashPoints;
import org.sovereignai.io.Json;

/**
 * The releases in a snapshots folder. The truth is the release folders themselves (a folder named by a release id
 * holding a manifest.json, which only a complete release ever has, because releases appear by renaming a finished
 * temporary folder); {@code index.json} and {@code latest} are conveniences derived from them and rewritten atomically.
 */
final class Catalog {
    static final String INDEX = ReleaseFiles.INDEX_JSON;
    static final String LATEST = ReleaseFiles.LATEST;
    /** Temporary folders are hidden and say what they are: {@code .2026-Q1.tmp-<random>}. */
    static final String TMP_MARK = ".tmp-";

    private Catalog() {
    }

    /** Release folders sorted by id (oldest first); hidden and temporary folders are never releases. */
    static List<Releases.Release> scan(Path dir) throws IOException {
        List<Releases.Release> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                ReleaseId id = ReleaseId.parse(p.getFileName().toString());
                if (id == null || !Files.isDirectory(p)) continue;
                out.add(new Releases.Release(id, p));
            }
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    static boolean isTemporary(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith(".") && n.contains(TMP_MARK);
    }

    /** Removes temporary folders a killed release left behind. Call only while holding the snapshots lock. */
    static List<Path> removeLeftovers(Path dir) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) return removed;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (isTemporary(p)) {
                    org.sovereignai.io.FileTrees.deleteTree(p);
                    removed.add(p);
                }
            }
        }
        return removed;
    }

    /** The index.json text for these releases (manifests read from their folders). */
    static String indexJson(List<Releases.Release> releases) throws IOException {
        List<Object> entries = new ArrayList<>();
        for (Releases.Release r : releases) {
            Manifest m = r.manifest();
            Map<String, Object> e = new TreeMap<>();
            e.put("id", r.id().toString());
            e.put("version", m.version());
            e.put("date", m.date());
            e.put("counts", new TreeMap<>(m.counts()));
            e.put("path", r.id() + "/");
            entries.add(e);
        }
        Map<String, Object> index = new TreeMap<>();
        index.put("latest", releases.isEmpty() ? null : releases.get(releases.size() - 1).id().toString());
        index.put("releases", entries);
        return Json.write(index);
    }

    /** Rewrites index.json, then latest, each atomically, from the release folders. */
    static void rewrite(Path dir) throws IOException {
        List<Releases.Release> releases = scan(dir);
        AtomicFiles.write(dir.resolve(INDEX), indexJson(releases));
        CrashPoints.reach(CrashPoints.AFTER_INDEX);
        if (!releases.isEmpty()) AtomicFiles.write(dir.resolve(LATEST), releases.get(releases.size() - 1).id() + "\n");
    }
}
