package org.sovereignai.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.check.Finding;

/** Submitting the sheets curators' tools write: a ';' CSV reads as a ',' one; a garbled one is warned about cell by cell. */
class CuratorFilesSubmissionTest {
    @TempDir
    Path home;

    private static String template(Path home) throws Exception {
        return Files.readString(home.resolve("curation/templates/2026-Q1.csv")).substring(1); // drop BOM
    }

    @Test
    void aSemicolonCopyOfTheTemplateProposesNothingAndAnEditIsOneChange() throws Exception {
        CurationFixture fx = new CurationFixture(home);
        try (Curation c = fx.openQuarter()) {
            StringWriter semicolons = new StringWriter();
            try (CSVPrinter out = new CSVPrinter(semicolons, CSVFormat.RFC4180.builder().setDelimiter(';').get())) {
                for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(template(home)))) out.printRecord(r.toList());
            }
            assertTrue(semicolons.toString().startsWith("id;name;"), semicolons.toString());
            SubmissionResult same = fx.submit(c, fx.write("eu.csv", semicolons.toString()), "alice");
            assertEquals(SubmissionResult.Outcome.ACCEPTED, same.outcome(), same.message() + same.report().findings());
            assertEquals("full", same.submission().sheetKind());
            assertEquals(List.of(), same.changes());
            SubmissionResult edited = fx.submit(c, fx.write("eu2.csv", semicolons.toString().replace("AI Singapore", "AI Singapore (AISG)")), "bob");
            assertEquals(1, edited.changes().size(), edited.report().findings().toString());
            assertEquals("set lead_org of sea-lion: 'AI Singapore' -> 'AI Singapore (AISG)'", edited.changes().get(0).describe());
        }
    }

    @Test
    void aTemplateThatWentThroughWindows1252WarnsOnEveryGarbledCell() throws Exception {
        CurationFixture fx = new CurationFixture(home);
        try (Curation c = fx.openQuarter()) {
            // the curator's edits name places in their own spelling; then the file goes through Windows-1252 once
            String template = template(home).replace("AI Singapore", "AI Singapore & Forschungszentrum Jülich")
                    .replace("Apertus", "Apertus (Île-de-France)");
            String garbled = new String(template.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
            assertTrue(garbled.contains("JÃ¼lich") && garbled.contains("ÃŽle"), garbled);
            SubmissionResult r = fx.submit(c, fx.write("garbled.csv", garbled), "alice");
            List<Finding> warnings = r.report().findings().stream().filter(f -> f.code().equals("mojibake-suspected")).toList();
            assertEquals(r.changes().size(), warnings.size(), "one warning for each garbled change: " + r.report().findings());
            assertEquals(2, warnings.size(), r.report().findings().toString());
            assertTrue(warnings.get(0).message().contains("'AI Singapore & Forschungszentrum Jülich'")
                    || warnings.get(1).message().contains("'AI Singapore & Forschungszentrum Jülich'"), warnings.toString());
            for (Finding w : warnings) {
                assertTrue(w.position().cell() != null && w.position().row() != null, w.toString());
                assertTrue(w.message().contains("probably meant to be '"), w.message());
            }
            assertEquals(0, r.report().errors(), r.report().findings().toString());
        }
    }
}
