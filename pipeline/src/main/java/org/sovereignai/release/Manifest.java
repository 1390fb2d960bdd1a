package org.sovereignai.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.sovereignai.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A release's {@code manifest.json}: what the release is (id, dataset version, previous release, date), what it holds
 * (record counts by layer, change summary, the record contract it was cut against, the data's licence: an SPDX id,
 * absent in releases made before it was recorded) and the SHA-256 and size of every
 * other file in its folder, so {@code verify} can prove nothing was changed.
 */
public record Manifest(
        String release,
        String version,
        String previous,
        String date,
        Map<String, Long> counts,
        Map<String, Long> changes,
        SchemaContract schema,
        String license,
        Map<String, FileEntry> files) {

    public static final String FILE = ReleaseFiles.MANIFEST_JSON;

    public record FileEntry(String sha256, long bytes) {
    }

    public String toJson() {
        Map<String, Object> m = new TreeMap<>();
        m.put("release", release);
        m.put("version", version);
        m.put("previous", previous);
        m.put("date", date);
        m.put("counts", new TreeMap<>(counts));
        m.put("changes", new TreeMap<>(changes));
        m.put("schema", schema.toJson());
        if (license != null) m.put("license", license);
        Map<String, Object> fs = new TreeMap<>();
        for (Map.Entry<String, FileEntry> e : files.entrySet()) {
            Map<String, Object> f = new TreeMap<>();
            f.put("sha256", e.getValue().sha256());
            f.put("bytes", e.getValue().bytes());
            fs.put(e.getKey(), f);
        }
        m.put("files", fs);
        return Json.write(m);
    }

    /** Reads a manifest; fails with a message naming the file when it is not one. */
    public static Manifest read(Path file) throws IOException {
        JsonNode n;
        try {
            n = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject() || !n.path("release").isTextual() || !n.path("version").isTextual() || !n.path("files").isObject()) {
            throw new IOException(file + " is not a release manifest (release, version and files are required)");
        }
        Map<String, FileEntry> files = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : n.path("files").properties()) {
            files.put(e.getKey(), new FileEntry(e.getValue().path("sha256").asText(), e.getValue().path("bytes").asLong(-1)));
        }
        return new Manifest(n.path("release").asText(), n.path("version").asText(),
                n.path("previous").isTextual() ? n.path("previous").asText() : null,
                n.path("date").asText(null), longs(n.path("counts")), longs(n.path("changes")),
                SchemaContract.fromJson(n.path("schema")), n.path("license").isTextual() ? n.path("license").asText() : null, files);
    }

    private static Map<String, Long> longs(JsonNode n) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) m.put(e.getKey(), e.getValue().asLong());
        return m;
    }
}
