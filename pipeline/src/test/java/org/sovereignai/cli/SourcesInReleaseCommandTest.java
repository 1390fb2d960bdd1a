package org.sovereignai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.sources.TestSite;

/** The doors together: a source check stored by one command fills the next release's sources.csv. */
class SourcesInReleaseCommandTest {

    private static String run(int expected, String... args) {
        StringWriter out = new StringWriter();
        int code = Sai.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
        assertEquals(expected, code, () -> "sai " + String.join(" ", args) + ":\n" + out);
        return out.toString();
    }

    @Test
    void aReleaseCarriesTheStoredCheckOfEachSource(@TempDir Path home) throws Exception {
        try (TestSite site = TestSite.withNews()) {
            String url = site.namedUrl("/news");
            Files.createDirectories(home.resolve("schemas")); // a project folder, as --home requires
            Files.createDirectories(home.resolve("snapshots"));
            Path sheet = home.resolve("sheet.csv");
            Files.writeString(sheet, "id,name,layer,jurisdiction,lead_org,announced,sources\n"
                    + "test-grid,Test Grid,compute,DE,Test Centre,2025-Q3," + url + "\n");

            run(0, "sources", "check", sheet.toString(), "--db", home.resolve("curation/db").toString(), "--allow-loopback");
            run(0, "release", "2025-Q4", "--from", sheet.toString(), "--home", home.toString());

            List<String> lines = Files.readAllLines(home.resolve("snapshots/2025-Q4/sources.csv"));
            assertEquals("id,url,status,final_url,title,published,checked_at,fingerprint,state", lines.get(0));
            String row = lines.get(1);
            assertTrue(row.startsWith("test-grid," + url + ",200,"), row);
            assertTrue(row.endsWith(",ok"), row);
            run(0, "verify", home.resolve("snapshots").toString());
        }
    }
}
