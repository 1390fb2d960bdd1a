package org.sovereignai.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.release.TestRecords.compute;
import static org.sovereignai.release.TestRecords.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.io.Hashes;
import org.sovereignai.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

class ReleasesTest {
    private static final LocalDate DATE = LocalDate.of(2026, 4, 2);

    @TempDir
    Path tmp;

    private Path snapshots() {
        return tmp.resolve("snapshots");
    }

    private Path q1Sheet() throws IOException {
        return TestRecords.sheet(tmp.resolve("q1.csv"),
                compute("jupiter", "name", "JUPITER", "funding_usd", "500000000.0", "accelerator_vendors", "nvidia", "accelerator_count", "24000"),
                model("sea-lion", "name", "SEA-LION", "jurisdiction", "SG", "base_models", "llama:3.1-70b; gemma:2-9b",
                        "sources", "https://huggingface.co/aisingapore; https://aisingapore.org/"),
                model("typhoon", "jurisdiction", "TH", "base_models", "sea-lion:v3"),
                compute("alps", "jurisdiction", "CH"));
    }

    private Path q2Sheet() throws IOException {
        return TestRecords.sheet(tmp.resolve("q2.csv"),
                compute("jupiter", "name", "JUPITER", "funding_usd", "500000000", "accelerator_vendors", "nvidia", "accelerator_count", "24000",
                        "status", "operational"),
                model("sea-lion", "name", "SEA-LION", "jurisdiction", "SG", "base_models", "gemma:2-9b; llama:3.1-70b",
                        "sources", "https://aisingapore.org/; https://huggingface.co/aisingapore"),
                model("typhoon", "jurisdiction", "TH", "base_models", "sea-lion:v3"),
                compute("isambard", "jurisdiction", "GB"));
    }

    private Releases.Published publish(String id, Path sheet) throws ReleaseException {
        return Releases.publish(ReleaseRequest.of(id, sheet, snapshots(), DATE));
    }

    @Test
    void aReleaseHoldsTheRecordFilesLongTablesChangesDatapackageAndAManifestOfEveryFile() throws Exception {
        Releases.Published p = publish("2026-Q1", q1Sheet());
        Path dir = snapshots().resolve("2026-Q1");
        assertEquals(dir, p.release().folder());
        assertEquals(List.of("CHANGES.md", "base_models.csv", "changes.json", "datapackage.json", "manifest.json",
                "projects.csv", "projects.json", "sources.csv"), ReleaseWriter.listFiles(dir));

        JsonNode projects = Json.mapper().readTree(dir.resolve("projects.json").toFile());
        assertEquals(List.of("alps", "jupiter", "sea-lion", "typhoon"), ids(projects));
        JsonNode jupiter = projects.get(1);
        assertTrue(jupiter.get("funding_usd").isNumber(), "numbers are JSON numbers");
        assertEquals("500000000", jupiter.get("funding_usd").toString());
        assertTrue(jupiter.get("accelerator_vendors").isArray(), "multi-valued fields are arrays");
        assertFalse(jupiter.has("notes"), "blank fields are left out");

        List<String> csv = Files.readAllLines(dir.resolve("projects.csv"));
        assertEquals(String.join(",", TestRecords.SCHEMA.fields().stream().map(f -> f.name()).toList()), csv.get(0));
        assertTrue(csv.get(3).contains("https://huggingface.co/aisingapore; https://aisingapore.org/"), csv.get(3));

        assertEquals(List.of("id,name,jurisdiction,entry,family,variant,vendor,vendor_country",
                "sea-lion,SEA-LION,SG,llama:3.1-70b,llama,3.1-70b,Meta,US",
                "sea-lion,SEA-LION,SG,gemma:2-9b,gemma,2-9b,Google,US",
                "typhoon,Project typhoon,TH,sea-lion:v3,sea-lion,v3,Org of sea-lion,SG"), Files.readAllLines(dir.resolve("base_models.csv")));
        List<String> sources = Files.readAllLines(dir.resolve("sources.csv"));
        assertEquals("id,url,status,final_url,title,published,checked_at,fingerprint,state", sources.get(0));
        assertEquals(6, sources.size(), "one row per project x URL");

        Manifest m = Manifest.read(dir.resolve("manifest.json"));
        assertEquals("2026-Q1", m.release());
        assertEquals("1.0.0", m.version());
        assertNull(m.previous());
        assertEquals("2026-04-02", m.date());
        assertEquals(Map.of("compute", 2L, "models", 2L, "data", 0L, "total", 4L), m.counts());
        assertEquals(TestRecords.SCHEMA.version(), m.schema().version());
        assertEquals(64, m.schema().sha256().length());
        assertEquals(7, m.files().size(), "every file but the manifest itself");
        for (Map.Entry<String, Manifest.FileEntry> e : m.files().entrySet()) {
            Path f = dir.resolve(e.getKey());
            assertEquals(Hashes.sha256(f), e.getValue().sha256(), e.getKey());
            assertEquals(Files.size(f), e.getValue().bytes(), e.getKey());
        }

        JsonNode pkg = Json.mapper().readTree(dir.resolve("datapackage.json").toFile());
        assertEquals("1.0.0", pkg.get("version").asText());
        assertEquals(3, pkg.get("resources").size());
        JsonNode res = pkg.get("resources").get(0);
        assertEquals("projects.csv", res.get("path").asText());
        assertEquals("sha256:" + Hashes.sha256(dir.resolve("projects.csv")), res.get("hash").asText());
        assertEquals("integer", res.get("schema").get("fields").get(17).get("type").asText());

        JsonNode index = Json.mapper().readTree(snapshots().resolve("index.json").toFile());
        assertEquals("2026-Q1", index.get("latest").asText());
        assertEquals("1.0.0", index.get("releases").get(0).get("version").asText());
        assertEquals("2026-Q1/", index.get("releases").get(0).get("path").asText());
        assertEquals("2026-Q1\n", Files.readString(snapshots().resolve("latest")));
        assertTrue(Releases.verify(snapshots()).ok());
    }

    @Test
    void theNextQuarterIsDiffedAgainstTheNewestReleaseAndBumpsMinor() throws Exception {
        publish("2026-Q1", q1Sheet());
        Releases.Published p = publish("2026-Q2", q2Sheet());
        assertEquals("1.1.0", p.version().toString());
        Path dir = snapshots().resolve("2026-Q2");
        JsonNode changes = Json.mapper().readTree(dir.resolve("changes.json").toFile());
        assertEquals("2026-Q1", changes.get("from").asText());
        assertEquals("2026-Q2", changes.get("to").asText());
        assertEquals(Json.mapper().readTree("{\"added\":1,\"removed\":1,\"modified\":1,\"unchanged\":2}"), changes.get("summary"));
        assertEquals(List.of("alps", "isambard", "jupiter"), ids(changes.get("changes")));
        JsonNode mod = changes.get("changes").get(2);
        assertEquals("modified", mod.get("op").asText());
        assertEquals(Json.mapper().readTree("[{\"field\":\"status\",\"old\":null,\"new\":\"operational\"}]"), mod.get("fields"));
        String md = Files.readString(dir.resolve("CHANGES.md"));
        assertTrue(md.contains("| added | 1 |"), md);
        assertTrue(md.contains("| status | — | operational |"), md);
        assertEquals("2026-Q1", Manifest.read(dir.resolve("manifest.json")).previous());
        assertEquals("2026-Q2\n", Files.readString(snapshots().resolve("latest")));
        assertEquals(2, Json.mapper().readTree(snapshots().resolve("index.json").toFile()).get("releases").size());
    }

    @Test
    void aQuarterWithoutAnyChangeStillGetsItsOwnVersionAsAPatch() throws Exception {
        publish("2026-Q1", q1Sheet());
        assertEquals("1.0.1", publish("2026-Q2", q1Sheet()).version().toString());
    }

    @Test
    void aContractChangeThatBreaksConsumersBumpsMajor() throws Exception {
        publish("2026-Q1", q1Sheet());
        // The previous release was cut against a contract that also had a field 'legacy' and a status value 'paused'
        Path manifest = snapshots().resolve("2026-Q1/manifest.json");
        String text = Files.readString(manifest).replace("\"name\": \"id\",", "\"name\": \"id\",\n        \"x\": 0,")
                .replace("\"fields\": [", "\"fields\": [\n      {\"multi\": false, \"name\": \"legacy\", \"type\": \"text\"},");
        Files.writeString(manifest, text);
        assertEquals("2.0.0", publish("2026-Q2", q2Sheet()).version().toString());
    }

    @Test
    void anErrataRepublishesTheQuarterAsQuarterDotNWithAPatchBump() throws Exception {
        publish("2026-Q1", q1Sheet());
        Path fixed = TestRecords.sheet(tmp.resolve("fix.csv"), compute("jupiter", "name", "JUPITER", "funding_usd", "500000000",
                        "accelerator_vendors", "nvidia", "accelerator_count", "24576"),
                model("sea-lion", "name", "SEA-LION", "jurisdiction", "SG", "base_models", "llama:3.1-70b; gemma:2-9b",
                        "sources", "https://huggingface.co/aisingapore; https://aisingapore.org/"),
                model("typhoon", "jurisdiction", "TH", "base_models", "sea-lion:v3"), compute("alps", "jurisdiction", "CH"));
        Releases.Published p = Releases.publish(ReleaseRequest.of("2026-Q1", fixed, snapshots(), DATE).asErrata());
        assertEquals("2026-Q1.1", p.release().id().toString());
        assertEquals("1.0.1", p.version().toString());
        assertEquals(1, p.diff().modified());
        assertEquals("2026-Q1.1\n", Files.readString(snapshots().resolve("latest")));
        Releases.Published again = Releases.publish(ReleaseRequest.of("2026-Q1.2", fixed, snapshots(), DATE).asErrata());
        assertEquals("1.0.2", again.version().toString());
        assertEquals("2026-Q1.1", Manifest.read(again.release().folder().resolve("manifest.json")).previous());
        assertEquals("1.1.0", publish("2026-Q2", q2Sheet()).version().toString());
    }

    @Test
    void anExistingReleaseIsNeverOverwritten() throws Exception {
        publish("2026-Q1", q1Sheet());
        byte[] before = Files.readAllBytes(snapshots().resolve("2026-Q1/projects.json"));
        ReleaseException e = assertThrows(ReleaseException.class, () -> publish("2026-Q1", q2Sheet()));
        assertEquals(1, e.exitCode());
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("--errata"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(snapshots().resolve("2026-Q1/projects.json")));
        assertEquals(List.of("2026-Q1"), visible(snapshots()).stream().filter(n -> !n.equals("index.json") && !n.equals("latest")).toList());
        ReleaseException errata = assertThrows(ReleaseException.class,
                () -> Releases.publish(ReleaseRequest.of("2026-Q1.2", q2Sheet(), snapshots(), DATE).asErrata()));
        assertTrue(errata.getMessage().contains("next errata of 2026-Q1 is 2026-Q1.1"), errata.getMessage());
    }

    @Test
    void badRequestsAreRefusedWithAClearMessageAndNothingWritten() throws Exception {
        publish("2026-Q2", q1Sheet());
        String index = Files.readString(snapshots().resolve("index.json"));
        assertRefused(2, "not a release id", () -> publish("2026Q3", q2Sheet()));
        assertRefused(2, "YYYY-Qn.N only with --errata", () -> publish("2026-Q3.1", q2Sheet()));
        assertRefused(2, "not a release id", () -> publish("2026-Q5", q2Sheet()));
        assertRefused(1, "older than the newest release 2026-Q2", () -> publish("2026-Q1", q2Sheet()));
        assertRefused(1, "has not been published yet",
                () -> Releases.publish(ReleaseRequest.of("2026-Q3", q2Sheet(), snapshots(), DATE).asErrata()));
        Path bad = TestRecords.sheet(tmp.resolve("bad.csv"), compute("a"), compute("a"));
        ReleaseException invalid = assertRefused(1, "validation error", () -> publish("2026-Q3", bad));
        assertNotNull(invalid.report());
        assertRefused(2, "cannot read", () -> publish("2026-Q3", tmp.resolve("missing.csv")));
        assertEquals(List.of("2026-Q2", "index.json", "latest"), visible(snapshots()));
        assertEquals(index, Files.readString(snapshots().resolve("index.json")));
    }

    @Test
    void theSameInputsAndDateGiveByteIdenticalFiles() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        for (Path dir : List.of(a, b)) {
            Releases.publish(ReleaseRequest.of("2026-Q1", q1Sheet(), dir, DATE));
            Releases.publish(ReleaseRequest.of("2026-Q2", q2Sheet(), dir, DATE));
        }
        for (String f : ReleaseWriter.listFiles(a.resolve("2026-Q2"))) {
            assertArrayEquals(Files.readAllBytes(a.resolve("2026-Q2").resolve(f)), Files.readAllBytes(b.resolve("2026-Q2").resolve(f)), f);
        }
        assertArrayEquals(Files.readAllBytes(a.resolve("index.json")), Files.readAllBytes(b.resolve("index.json")));
        byte[] json = Files.readAllBytes(a.resolve("2026-Q2/changes.json"));
        assertFalse(new String(json, StandardCharsets.UTF_8).contains("\r"));
        assertFalse(json[0] == (byte) 0xEF, "no byte-order mark");
    }

    @Test
    void withoutADateTheReleaseIsDatedTheLastDayOfItsQuarter() throws Exception {
        Releases.publish(ReleaseRequest.of("2026-Q1", q1Sheet(), snapshots(), null));
        assertEquals("2026-03-31", Manifest.read(snapshots().resolve("2026-Q1/manifest.json")).date());
    }

    @Test
    void verifyNamesTheFileWhenOneByteChanged() throws Exception {
        publish("2026-Q1", q1Sheet());
        Path csv = snapshots().resolve("2026-Q1/projects.csv");
        byte[] bytes = Files.readAllBytes(csv);
        bytes[bytes.length - 3] ^= 1;
        Files.write(csv, bytes);
        Verification v = Releases.verify(snapshots());
        assertFalse(v.ok());
        assertEquals(List.of("2026-Q1/projects.csv"), v.problems().stream().filter(Verification.Problem::error)
                .map(Verification.Problem::file).toList());
        assertTrue(v.errorMessages().get(0).contains("changed after publishing"), v.errorMessages().toString());

        ReleaseException e = assertRefused(1, "damaged release", () -> publish("2026-Q2", q2Sheet()));
        assertTrue(e.getMessage().contains("2026-Q1/projects.csv"), e.getMessage());
        assertFalse(Files.exists(snapshots().resolve("2026-Q2")));
    }

    @Test
    void publishingHashesTheNewestReleaseItReadsAndVerifyHashesEveryRelease() throws Exception {
        publish("2026-Q1", q1Sheet());
        publish("2026-Q2", q2Sheet());
        long listed = 0;
        long newest = 0;
        for (String id : List.of("2026-Q1", "2026-Q2")) {
            for (Manifest.FileEntry f : Manifest.read(snapshots().resolve(id).resolve(Manifest.FILE)).files().values()) {
                listed += f.bytes();
                if (id.equals("2026-Q2")) newest += f.bytes();
            }
        }
        long hashed = Verifier.bytesHashed();
        publish("2026-Q3", q2Sheet());
        assertEquals(newest, Verifier.bytesHashed() - hashed, "publishing hashes the release it diffs against");
        hashed = Verifier.bytesHashed();
        Path q3 = snapshots().resolve("2026-Q3");
        for (Manifest.FileEntry f : Manifest.read(q3.resolve(Manifest.FILE)).files().values()) listed += f.bytes();
        assertTrue(Releases.verify(snapshots()).ok());
        assertEquals(listed, Verifier.bytesHashed() - hashed, "verify hashes every byte of every release");

        // an earlier release whose file changed size is still refused without hashing it
        Path json = snapshots().resolve("2026-Q1/projects.json");
        Files.writeString(json, Files.readString(json) + " ");
        ReleaseException e = assertRefused(1, "damaged release", () -> publish("2026-Q4", q2Sheet()));
        assertTrue(e.getMessage().contains("2026-Q1/projects.json") && e.getMessage().contains("changed after publishing"), e.getMessage());
    }

    @Test
    void verifyCatchesFilesAddedOrRemovedAfterPublishing() throws Exception {
        publish("2026-Q1", q1Sheet());
        Files.writeString(snapshots().resolve("2026-Q1/extra.txt"), "hand-made");
        Files.delete(snapshots().resolve("2026-Q1/sources.csv"));
        Verification v = Releases.verify(snapshots());
        assertEquals(List.of("2026-Q1/extra.txt", "2026-Q1/sources.csv"), v.problems().stream()
                .filter(Verification.Problem::error).map(Verification.Problem::file).sorted().toList());
    }

    @Test
    void leftoverTemporaryFoldersAreNeverReleasesAndTheNextReleaseRemovesThem() throws Exception {
        publish("2026-Q1", q1Sheet());
        Path leftover = Files.createDirectory(snapshots().resolve(".2026-Q2.tmp-123"));
        Files.writeString(leftover.resolve("projects.json"), "[");
        assertTrue(Releases.verify(snapshots()).ok());
        assertEquals("2026-Q1", Releases.newest(snapshots()).orElseThrow().id().toString());
        publish("2026-Q2", q2Sheet());
        assertFalse(Files.exists(leftover));
    }

    @Test
    void artifactsAreWrittenIntoTheReleaseHashedAndMayAddAChangesSection() throws Exception {
        ReleaseArtifact stats = new ReleaseArtifact() {
            @Override
            public void write(ReleaseContext ctx, Path dir) throws IOException {
                Files.writeString(dir.resolve("stats.json"), "{\"total\": " + ctx.records().size() + "}\n");
                Files.createDirectories(dir.resolve("charts"));
                Files.writeString(dir.resolve("charts/layers.svg"), "<svg/>\n");
            }

            @Override
            public Optional<ChangesReport.Section> changesSection(ReleaseContext ctx) throws IOException {
                return Optional.of(new ChangesReport.Section("Statistics", "Total " + ctx.records().size()
                        + " (was " + ctx.previousRecords().size() + ")"));
            }
        };
        publish("2026-Q1", q1Sheet());
        Releases.publish(ReleaseRequest.of("2026-Q2", q2Sheet(), snapshots(), DATE).withArtifacts(List.of(stats)));
        Path dir = snapshots().resolve("2026-Q2");
        Manifest m = Manifest.read(dir.resolve("manifest.json"));
        assertTrue(m.files().containsKey("stats.json"));
        assertEquals(Hashes.sha256(dir.resolve("charts/layers.svg")), m.files().get("charts/layers.svg").sha256());
        assertTrue(Files.readString(dir.resolve("CHANGES.md")).contains("## Statistics\n\nTotal 4 (was 4)"));
        assertTrue(Releases.verify(snapshots()).ok());
    }

    @Test
    void provenanceIsCarriedIntoChangesJsonAndCreditedInChangesMd() throws Exception {
        publish("2026-Q1", q1Sheet());
        Map<Provenance.Key, Provenance> credit = Map.of(
                new Provenance.Key("jupiter", "status"), new Provenance("ana", "S-7", "q2.xlsx!H2", "ben"),
                Provenance.Key.record("isambard"), new Provenance("carl", null, null, null));
        Releases.publish(ReleaseRequest.of("2026-Q2", q2Sheet(), snapshots(), DATE).withProvenance(credit));
        Path dir = snapshots().resolve("2026-Q2");
        JsonNode changes = Json.mapper().readTree(dir.resolve("changes.json").toFile()).get("changes");
        assertEquals("ana", changes.get(2).get("fields").get(0).get("provenance").get("curator").asText());
        assertEquals("carl", changes.get(1).get("provenance").get("curator").asText());
        String md = Files.readString(dir.resolve("CHANGES.md"));
        assertTrue(md.contains("proposed by ana (submission S-7, q2.xlsx!H2), reviewed by ben"), md);
        assertTrue(md.contains("`isambard` Project isambard (proposed by carl)"), md);
    }

    private static ReleaseException assertRefused(int code, String text, org.junit.jupiter.api.function.Executable call) {
        ReleaseException e = assertThrows(ReleaseException.class, call);
        assertEquals(code, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
        return e;
    }

    private static List<String> ids(JsonNode array) {
        return Stream.iterate(0, i -> i < array.size(), i -> i + 1).map(i -> array.get(i).get("id").asText()).toList();
    }

    /** Entries a reader sees (hidden ones are the lock and temporary folders). */
    static List<String> visible(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
