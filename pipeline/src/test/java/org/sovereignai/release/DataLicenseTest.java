package org.sovereignai.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.cli.Sai;
import org.sovereignai.io.Json;

/** Every release says under which licence its data may be used, in its data package and its manifest. */
class DataLicenseTest {
    @TempDir
    Path dir;

    @Test
    void aReleaseIsCcBy40UnlessTheSettingNamesAnother() throws Exception {
        Path sheet = Path.of(System.getProperty("sai.home"), "curation/baseline/2025-Q4.csv");
        Releases.publish(ReleaseRequest.of("2025-Q4", sheet, dir.resolve("a"), LocalDate.of(2025, 12, 31)));
        JsonNode license = datapackage(dir.resolve("a/2025-Q4")).path("licenses").get(0);
        assertEquals("CC-BY-4.0", license.path("name").asText());
        assertEquals("https://creativecommons.org/licenses/by/4.0/", license.path("path").asText());
        assertEquals("CC-BY-4.0", Manifest.read(dir.resolve("a/2025-Q4/manifest.json")).license());

        Releases.publish(ReleaseRequest.of("2025-Q4", sheet, dir.resolve("b"), LocalDate.of(2025, 12, 31))
                .withLicense(DataLicense.of("LicenseRef-Ministry-Open")));
        JsonNode custom = datapackage(dir.resolve("b/2025-Q4")).path("licenses").get(0);
        assertEquals("LicenseRef-Ministry-Open", custom.path("name").asText());
        assertFalse(custom.has("path"), "no link is invented for a licence this program does not know");
        assertEquals(0, Sai.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "verify", dir.resolve("b").toString()));
    }

    @Test
    void theReleaseCommandTakesTheLicenceFromItsSettingAndRefusesOneThatIsNoSpdxId() throws Exception {
        Path sheet = Path.of(System.getProperty("sai.home"), "curation/baseline/2025-Q4.csv");
        assertEquals(0, release(sheet, dir.resolve("c"), "CC0-1.0").code);
        assertEquals("Creative Commons Zero v1.0 Universal", datapackage(dir.resolve("c/2025-Q4")).path("licenses").get(0).path("title").asText());
        Run bad = release(sheet, dir.resolve("d"), "free for all");
        assertEquals(2, bad.code);
        assertTrue(bad.err.contains("sai.data.license 'free for all' is not an SPDX licence id"), bad.err);
    }

    private record Run(int code, String err) {
    }

    private static Run release(Path sheet, Path snapshots, String license) {
        StringWriter err = new StringWriter();
        System.setProperty("sai.data.license", license);
        try {
            int code = Sai.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "release", "2025-Q4", "--from", sheet.toString(),
                    "--snapshots", snapshots.toString());
            return new Run(code, err.toString());
        } finally {
            System.clearProperty("sai.data.license");
        }
    }

    private static JsonNode datapackage(Path release) throws Exception {
        return Json.mapper().readTree(release.resolve(ReleaseFiles.DATAPACKAGE_JSON).toFile());
    }
}
