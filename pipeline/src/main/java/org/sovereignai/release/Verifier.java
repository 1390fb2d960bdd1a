package org.sovereignai.release;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.check.Validator;
import org.sovereignai.io.Hashes;
import org.sovereignai.io.Json;
import org.sovereignai.record.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** Rechecks releases: every file against the manifest, nothing extra or missing, and the records against the contract. */
final class Verifier {
    /** Bytes read to hash them, over the process's life (tests see which files a check really read). */
    private static final java.util.concurrent.atomic.AtomicLong BYTES_HASHED = new java.util.concurrent.atomic.AtomicLong();

    private Verifier() {
    }

    static long bytesHashed() {
        return BYTES_HASHED.get();
    }

    static Verification verify(Path dir, Schema schema, boolean content) {
        List<Verification.Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new Verification.Problem(true, dir.toString(), "no such snapshots folder"));
            return new Verification(problems, 0);
        }
        List<Releases.Release> releases;
        try {
            releases = Catalog.scan(dir);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    String name = p.getFileName().toString();
                    if (Catalog.isTemporary(p)) {
                        problems.add(new Verification.Problem(false, name,
                                "temporary folder of an interrupted release; it is not a release and the next release removes it"));
                    } else if (Files.isDirectory(p) && ReleaseId.parse(name) == null && !name.startsWith(".")) {
                        problems.add(new Verification.Problem(false, name, "folder is not named like a release (YYYY-Qn[.N]); ignored"));
                    }
                }
            }
        } catch (IOException e) {
            problems.add(new Verification.Problem(true, dir.toString(), "cannot list: " + e.getMessage()));
            return new Verification(problems, 0);
        }
        try {
            problems.addAll(verifyAll(releases, schema, content));
        } catch (IOException e) {
            problems.add(new Verification.Problem(true, dir.toString(), "cannot check: " + e.getMessage()));
        }
        checkIndex(dir, releases, problems);
        return new Verification(problems, releases.size());
    }

    /**
     * Every release checked in full (every byte hashed; with {@code content} the records too), two releases at a time:
     * each check reads its own files and mostly waits for one core, so two share a 2-core machine well (verify of two
     * 1M-record releases: see docs/releases.md). Problems are listed in release order.
     */
    private static List<Verification.Problem> verifyAll(List<Releases.Release> releases, Schema schema, boolean content)
            throws IOException {
        String currentContract = content ? SchemaContract.of(schema).sha256() : null;
        // compiled once for the whole run, not once per release
        JsonChecker json = content ? new JsonChecker(org.sovereignai.check.ProjectJsonSchema.checker(schema)) : null;
        List<Verification.Problem> problems = new ArrayList<>();
        for (int i = 0; i < releases.size(); i += 2) {
            Releases.Release a = releases.get(i);
            Releases.Release b = i + 1 < releases.size() ? releases.get(i + 1) : null;
            Parallel.Both<List<Verification.Problem>, List<Verification.Problem>> two = Parallel.both(
                    () -> check(a, schema, true, content ? currentContract : null, json),
                    () -> b == null ? List.of() : check(b, schema, true, content ? currentContract : null, json));
            problems.addAll(two.first());
            problems.addAll(two.second());
        }
        return problems;
    }

    /**
     * What publishing needs to know about the existing releases: each one is complete as its manifest says (present,
     * readable, naming its folder, every file listed there with the recorded size, nothing else), and the newest one,
     * which the release reads (its records for the diff, its manifest for the version), also has every file's sha256.
     * Earlier releases are not hashed again on every release: {@code verify} does that.
     */
    static Verification checkBeforePublishing(List<Releases.Release> releases, Schema schema) {
        List<Verification.Problem> problems = new ArrayList<>();
        for (int i = 0; i < releases.size(); i++) {
            problems.addAll(check(releases.get(i), schema, i == releases.size() - 1, null, null));
        }
        return new Verification(problems, releases.size());
    }

    /** One release: manifest, files (hashed when {@code hash}), and with a contract sha256 given, its records. */
    private static List<Verification.Problem> check(Releases.Release r, Schema schema, boolean hash, String currentContract,
                                                     JsonChecker json) {
        List<Verification.Problem> problems = new ArrayList<>();
        String id = r.id().toString();
        Path manifestFile = r.folder().resolve(ReleaseFiles.MANIFEST_JSON);
        if (!Files.isRegularFile(manifestFile)) {
            problems.add(new Verification.Problem(true, id + "/" + ReleaseFiles.MANIFEST_JSON,
                    "missing: the folder is named like a release but is not a complete release"));
            return problems;
        }
        Manifest m;
        try {
            m = Manifest.read(manifestFile);
        } catch (IOException e) {
            problems.add(new Verification.Problem(true, id + "/" + ReleaseFiles.MANIFEST_JSON, e.getMessage()));
            return problems;
        }
        if (!id.equals(m.release())) {
            problems.add(new Verification.Problem(true, id + "/" + ReleaseFiles.MANIFEST_JSON,
                    "names release " + m.release() + " but sits in folder " + id));
        }
        boolean intact = checkFiles(r, m, problems, hash);
        checkDataPackage(r, m, problems);
        if (currentContract != null && intact) checkContent(r, m, schema, currentContract, json, problems);
        return problems;
    }

    private static boolean checkFiles(Releases.Release r, Manifest m, List<Verification.Problem> problems, boolean hash) {
        String id = r.id().toString();
        int before = problems.size();
        Set<String> onDisk;
        try {
            onDisk = new TreeSet<>(ReleaseWriter.listFiles(r.folder()));
        } catch (IOException e) {
            problems.add(new Verification.Problem(true, id, "cannot list: " + e.getMessage()));
            return false;
        }
        onDisk.remove(ReleaseFiles.MANIFEST_JSON);
        for (String f : onDisk) {
            if (!m.files().containsKey(f)) problems.add(new Verification.Problem(true, id + "/" + f, "not listed in the manifest (added after publishing?)"));
        }
        for (Map.Entry<String, Manifest.FileEntry> e : m.files().entrySet()) {
            String f = e.getKey();
            Path file = r.folder().resolve(f).normalize();
            if (!file.startsWith(r.folder()) || !onDisk.contains(f)) {
                problems.add(new Verification.Problem(true, id + "/" + f, "listed in the manifest but missing"));
                continue;
            }
            try {
                long bytes = Files.size(file);
                if (bytes != e.getValue().bytes()) {
                    problems.add(new Verification.Problem(true, id + "/" + f, "has " + bytes + " bytes, the manifest says "
                            + e.getValue().bytes() + ": the file was changed after publishing"));
                    continue;
                }
                if (!hash) continue;
                String sha = Hashes.sha256(file);
                BYTES_HASHED.addAndGet(bytes);
                if (!sha.equals(e.getValue().sha256())) {
                    problems.add(new Verification.Problem(true, id + "/" + f, "sha256 " + sha + " differs from the manifest's "
                            + e.getValue().sha256() + ": the file was changed after publishing"));
                }
            } catch (IOException ex) {
                problems.add(new Verification.Problem(true, id + "/" + f, "cannot read: " + ex.getMessage()));
            }
        }
        return problems.size() == before;
    }

    /**
     * datapackage.json's resources agree with the manifest (which checkFiles holds to the files): the same size and
     * sha256 for every file it describes. A file edited with its manifest entry recomputed still disagrees here.
     */
    private static void checkDataPackage(Releases.Release r, Manifest m, List<Verification.Problem> problems) {
        String id = r.id().toString();
        Path file = r.folder().resolve(ReleaseFiles.DATAPACKAGE_JSON);
        if (!Files.isRegularFile(file)) return; // checkFiles reports a listed file that is missing
        JsonNode dp;
        try {
            dp = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            problems.add(new Verification.Problem(true, id + "/" + ReleaseFiles.DATAPACKAGE_JSON, "is not valid JSON: " + e.getMessage()));
            return;
        }
        for (JsonNode res : dp.path("resources")) {
            String path = res.path("path").asText(null);
            if (path == null) continue;
            Manifest.FileEntry entry = m.files().get(path);
            String where = id + "/" + ReleaseFiles.DATAPACKAGE_JSON;
            if (entry == null) {
                problems.add(new Verification.Problem(true, where, "describes " + path + ", which the release does not list"));
                continue;
            }
            if (res.has("bytes") && res.path("bytes").asLong() != entry.bytes()) {
                problems.add(new Verification.Problem(true, where, "gives " + path + " " + res.path("bytes").asLong()
                        + " bytes, the file has " + entry.bytes()));
            }
            String hash = res.path("hash").asText("");
            if (!hash.isEmpty() && !hash.equals("sha256:" + entry.sha256()) && !hash.equals(entry.sha256())) {
                problems.add(new Verification.Problem(true, where, "gives " + path + " the hash " + hash + ", the file's is sha256:"
                        + entry.sha256() + " (the file or the manifest was changed after publishing)"));
            }
        }
    }

    /** The published JSON Schema, compiled. */
    private record JsonChecker(java.util.function.Function<JsonNode, List<String>> check) {
    }

    /**
     * The records still satisfy the contract they were published under: the validator on projects.csv and the published
     * JSON Schema on projects.json. Checked against the current contract when the release was cut with it (same schema
     * sha256); an older contract is noted, not rechecked.
     */
    private static void checkContent(Releases.Release r, Manifest m, Schema schema, String currentContract, JsonChecker json,
                                     List<Verification.Problem> problems) {
        String id = r.id().toString();
        if (!currentContract.equals(m.schema().sha256())) {
            problems.add(new Verification.Problem(false, id, "cut against record contract " + m.schema().version()
                    + " (not the current one); its records were not rechecked against today's contract"));
            return;
        }
        // projects.csv against the contract, and rendered again as projects.json on the way, to compare byte for byte
        Report report;
        boolean sameJson;
        try (ProjectsJson.Comparison same = new ProjectsJson.Comparison(
                Files.newInputStream(r.folder().resolve(ReleaseFiles.PROJECTS_JSON)))) {
            ProjectsJson rendering = new ProjectsJson(schema, same);
            report = new Validator(schema).validate(r.folder().resolve(ReleaseFiles.PROJECTS_CSV), null, row -> {
                try {
                    rendering.add(row.project());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            rendering.close();
            sameJson = same.same();
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(new Verification.Problem(true, id + "/" + ReleaseFiles.PROJECTS_JSON, "cannot read: " + e.getMessage()));
            return;
        }
        if (!report.valid()) {
            Finding first = report.findings().stream().filter(Finding::isError).findFirst().orElse(null);
            Integer line = first == null || first.position().row() == null ? null : report.line(first.position().file(), first.position().row());
            problems.add(new Verification.Problem(true, id + "/" + ReleaseFiles.PROJECTS_CSV, line, report.errors()
                    + " record contract error(s)" + (first == null ? "" : ", first: " + first.position().describe() + ": " + first.message())));
        }
        // projects.json identical to the rendering of contract-valid records conforms to the published JSON Schema
        // (JsonSchemaAgreementTest holds the two to one verdict), so the schema check is needed only when they differ,
        // to say what is wrong: at 1M records it was about half of verify's time (docs/benchmarks.md)
        if (!sameJson || !report.valid()) {
            if (!sameJson) {
                problems.add(new Verification.Problem(true, id + "/" + ReleaseFiles.PROJECTS_JSON,
                        "does not hold the records of " + ReleaseFiles.PROJECTS_CSV + " as published (edited by hand, or written by another program)"
                                + firstDifference(r, schema)));
            }
            checkJson(r, json, problems);
        }
        Long total = m.counts().get("total");
        if (total != null && total != report.records()) {
            problems.add(new Verification.Problem(true, id + "/" + ReleaseFiles.PROJECTS_CSV,
                    "holds " + report.records() + " records, the manifest counts " + total));
        }
    }

    /**
     * Where projects.json and projects.csv part: the CSV's records rendered again into a temporary file, and the two
     * arrays read side by side, record by record (only on this failing path, so the common one stays one pass).
     */
    private static String firstDifference(Releases.Release r, Schema schema) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("sai-verify-", ".json");
            try (ProjectsJson out = new ProjectsJson(schema, Files.newOutputStream(tmp))) {
                new Validator(schema).validate(r.folder().resolve(ReleaseFiles.PROJECTS_CSV), null, row -> {
                    try {
                        out.add(row.project());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            var f = Json.mapper().getFactory();
            try (var a = f.createParser(tmp.toFile()); var b = f.createParser(r.folder().resolve(ReleaseFiles.PROJECTS_JSON).toFile())) {
                if (a.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY
                        || b.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) return "";
                for (int n = 1; ; n++) {
                    var ta = a.nextToken();
                    var tb = b.nextToken();
                    JsonNode fromCsv = ta == com.fasterxml.jackson.core.JsonToken.END_ARRAY || ta == null ? null : Json.mapper().readTree(a);
                    JsonNode inJson = tb == com.fasterxml.jackson.core.JsonToken.END_ARRAY || tb == null ? null : Json.mapper().readTree(b);
                    if (fromCsv == null && inJson == null) return "";
                    if (fromCsv == null) return "; first difference: record " + n + " (" + inJson.path("id").asText() + ") is in projects.json only";
                    if (inJson == null) return "; first difference: record " + n + " (" + fromCsv.path("id").asText() + ") is in projects.csv only";
                    if (!fromCsv.equals(inJson)) {
                        String field = "";
                        for (var it = fromCsv.fieldNames(); it.hasNext() && field.isEmpty(); ) {
                            String k = it.next();
                            if (!fromCsv.get(k).equals(inJson.get(k))) field = ", field " + k;
                        }
                        return "; first difference: record " + n + " (" + fromCsv.path("id").asText() + field + ")";
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        } finally {
            if (tmp != null) tmp.toFile().delete();
        }
    }

    /** Every record of projects.json against the published JSON Schema, streamed (a release may hold a million). */
    private static void checkJson(Releases.Release r, JsonChecker json, List<Verification.Problem> problems) {
        String where = r.id() + "/" + ReleaseFiles.PROJECTS_JSON;
        var checker = json.check();
        long bad = 0;
        String first = null;
        Integer firstLine = null;
        try (com.fasterxml.jackson.core.JsonParser parser = Json.mapper().createParser(r.folder().resolve(ReleaseFiles.PROJECTS_JSON).toFile())) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                problems.add(new Verification.Problem(true, where, "is not a JSON array of records"));
                return;
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode record = Json.mapper().readTree(parser);
                List<String> errors = checker.apply(record);
                if (!errors.isEmpty()) {
                    bad++;
                    if (first == null) {
                        first = record.path("id").asText("?") + ": " + errors.get(0);
                        firstLine = line;
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Integer line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? null : e.getLocation().getLineNr();
            problems.add(new Verification.Problem(true, where, line, "is not valid JSON: " + e.getOriginalMessage()));
            return;
        } catch (IOException e) {
            problems.add(new Verification.Problem(true, where, "is not valid JSON: " + e.getMessage()));
            return;
        }
        if (bad > 0) {
            problems.add(new Verification.Problem(true, where, firstLine, bad + " record(s) do not conform to schemas/project.schema.json, first: " + first));
        }
    }

    /** An index entry's counts are the release manifest's. */
    private static void checkIndexCounts(Path dir, JsonNode entry, List<Verification.Problem> problems) {
        String id = entry.path("id").asText();
        Path manifest = dir.resolve(id).resolve(ReleaseFiles.MANIFEST_JSON);
        if (id.isEmpty() || !entry.has("counts") || !Files.isRegularFile(manifest)) return;
        try {
            Manifest m = Manifest.read(manifest);
            for (Map.Entry<String, Long> c : m.counts().entrySet()) {
                long listed = entry.path("counts").path(c.getKey()).asLong(-1);
                if (listed != c.getValue()) {
                    problems.add(new Verification.Problem(true, Catalog.INDEX, "counts " + listed + " " + c.getKey()
                            + " record(s) for " + id + ", its manifest " + c.getValue() + "; run: ./sai verify --repair"));
                }
            }
        } catch (IOException e) {
            // the release's own check reports a manifest it cannot read
        }
    }

    private static void checkIndex(Path dir, List<Releases.Release> releases, List<Verification.Problem> problems) {
        Set<String> ids = new HashSet<>();
        for (Releases.Release r : releases) ids.add(r.id().toString());
        String newest = releases.isEmpty() ? null : releases.get(releases.size() - 1).id().toString();
        Path index = dir.resolve(Catalog.INDEX);
        if (Files.isRegularFile(index)) {
            try {
                JsonNode n = Json.mapper().readTree(Files.readAllBytes(index));
                Set<String> listed = new HashSet<>();
                for (JsonNode e : n.path("releases")) {
                    listed.add(e.path("id").asText());
                    checkIndexCounts(dir, e, problems);
                }
                for (String l : listed) {
                    if (!ids.contains(l)) problems.add(new Verification.Problem(true, Catalog.INDEX, "lists release " + l + ", which does not exist"));
                }
                if (!listed.containsAll(ids)) {
                    problems.add(new Verification.Problem(false, Catalog.INDEX, "does not list every release yet (an interrupted "
                            + "release?); the next release rewrites it, or run: ./sai verify --repair"));
                }
            } catch (IOException e) {
                problems.add(new Verification.Problem(true, Catalog.INDEX, "is not valid JSON: " + e.getMessage()));
            }
        } else if (newest != null) {
            problems.add(new Verification.Problem(false, Catalog.INDEX, "missing; run: ./sai verify --repair"));
        }
        Path latest = dir.resolve(Catalog.LATEST);
        if (Files.isRegularFile(latest)) {
            try {
                String named = Files.readString(latest).strip();
                if (!ids.contains(named)) {
                    problems.add(new Verification.Problem(true, Catalog.LATEST, "names release '" + named + "', which does not exist"));
                } else if (!named.equals(newest)) {
                    problems.add(new Verification.Problem(false, Catalog.LATEST, "names " + named + " but the newest release is "
                            + newest + "; the next release rewrites it, or run: ./sai verify --repair"));
                }
            } catch (IOException e) {
                problems.add(new Verification.Problem(true, Catalog.LATEST, "cannot read: " + e.getMessage()));
            }
        } else if (newest != null) {
            problems.add(new Verification.Problem(false, Catalog.LATEST, "missing; run: ./sai verify --repair"));
        }
    }
}
