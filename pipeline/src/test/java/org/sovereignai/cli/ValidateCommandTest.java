package org.sovereignai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.check.ReportFormat;
import org.sovereignai.io.Json;
import org.sovereignai.sheet.Position;

import com.fasterxml.jackson.databind.JsonNode;

class ValidateCommandTest {
    private static final String HEADER = "id,name,layer,jurisdiction,lead_org,announced,sources,status\n";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run sai(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Sai.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    private String good() throws IOException {
        return file("good.csv", HEADER + "a,A,data,FR,Org,2024-Q1,https://example.gov/a,announced\n");
    }

    private String bad() throws IOException {
        return file("bad,1.csv", HEADER
                + "a,A,data,FR,Org,2024-Q1,https://example.gov/a,operatonal\n"
                + "b,=B,data,FR,Org,2024-13,https://example.gov/b,announced\n");
    }

    @Test
    void aValidSheetExitsZeroWithASummary() throws IOException {
        Run r = sai("validate", good());
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.endsWith("1 record, 0 errors, 0 warnings\n"), r.out);
    }

    @Test
    void textGroupsFindingsByRowNamingColumnAndCell() throws IOException {
        Run r = sai("validate", bad());
        assertEquals(1, r.exit);
        String[] lines = r.out.split("\n");
        assertTrue(lines[0].endsWith("bad,1.csv"), r.out);
        assertEquals("  row 2 (a)", lines[1]);
        assertTrue(lines[2].startsWith("    error invalid-enum status (H2): 'operatonal'"), lines[2]);
        assertEquals("  row 3 (b)", lines[3]);
        assertTrue(lines[4].startsWith("    warning formula-injection name (B3): "), lines[4]);
        assertTrue(lines[5].startsWith("    error invalid-date announced (F3): "), lines[5]);
        assertEquals("2 records, 2 errors, 1 warning", lines[lines.length - 1]);
    }

    @Test
    void jsonIsOneObjectWithValiditySummaryAndPositionedFindings() throws IOException {
        Run r = sai("validate", "--format", "json", bad());
        assertEquals(1, r.exit);
        JsonNode root = Json.mapper().readTree(r.out);
        assertFalse(root.get("valid").asBoolean());
        assertEquals(2, root.get("summary").get("errors").asInt());
        assertEquals(1, root.get("summary").get("warnings").asInt());
        assertEquals(2, root.get("summary").get("records").asInt());
        JsonNode first = root.get("findings").get(0);
        assertEquals("invalid-enum", first.get("code").asText());
        assertEquals("error", first.get("severity").asText());
        assertEquals(2, first.get("row").asInt());
        assertEquals("status", first.get("column").asText());
        assertEquals("H2", first.get("cell").asText());
        assertEquals("a", first.get("recordId").asText());
        assertEquals("operatonal", first.get("value").asText());
        assertTrue(first.get("file").asText().endsWith("bad,1.csv"));
        assertTrue(first.has("sheet") && first.get("sheet").isNull());
    }

    @Test
    void githubPrintsEscapedWorkflowAnnotations() throws IOException {
        String path = bad();
        Run r = sai("validate", "--format", "github", path);
        assertEquals(1, r.exit);
        String escaped = path.replace("%", "%25").replace(":", "%3A").replace(",", "%2C");
        List<String> lines = List.of(r.out.split("\n"));
        assertTrue(lines.get(0).startsWith("::error file=" + escaped + ",line=2,title=invalid-enum::H2 (status): "), lines.get(0));
        assertTrue(lines.get(1).startsWith("::warning file=" + escaped + ",line=3,title=formula-injection::B3 (name): "), lines.get(1));
        assertFalse(lines.get(0).substring(2).contains("\r"));
    }

    @Test
    void annotationMessagesEscapePercentAndLineBreaks() {
        Report report = new Report();
        report.add(Finding.error("csv-malformed", Position.ofFile("a:b.csv"), null, null, "100% a\nb\rc"));
        StringWriter w = new StringWriter();
        ReportFormat.GITHUB.render(report, new PrintWriter(w, true));
        assertEquals("::error file=a%3Ab.csv,title=csv-malformed::100%25 a%0Ab%0Dc", w.toString().split("\n")[0]);
    }

    @Test
    void severalFilesMakeOneReportAndTheWorstExitCode() throws IOException {
        Run r = sai("validate", "--format", "json", good(), bad());
        assertEquals(1, r.exit);
        assertEquals(3, Json.mapper().readTree(r.out).get("summary").get("records").asInt());
        Run missing = sai("validate", good(), bad(), dir.resolve("missing.csv").toString());
        assertEquals(2, missing.exit);
        assertTrue(missing.out.contains("error file-not-found"), missing.out);
    }

    @Test
    void anUnknownFormatIsAUsageError() throws IOException {
        Run r = sai("validate", "--format", "xml", good());
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("text, json or github"), r.err);
    }

    @Test
    void theSchemaCommandPrintsTheCommittedSchema() throws IOException {
        Run r = sai("schema");
        assertEquals(0, r.exit);
        assertEquals(Files.readString(Path.of(System.getProperty("sai.home", ".."), "schemas", "project.schema.json")), r.out);
    }
}
