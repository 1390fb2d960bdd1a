package org.sovereignai.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.check.TestSheets.SCHEMA;
import static org.sovereignai.check.TestSheets.record;
import static org.sovereignai.check.TestSheets.with;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Project;

/**
 * Records judged in memory ({@link Validator#validateRecords}) are judged as the same records written to a CSV
 * file: a submission's rows get the findings they would get in the whole draft, without the draft being written out.
 */
class ValidateRecordsTest {
    @TempDir
    Path dir;

    /** Records with a problem of every kind: one field, fields of one record, records against each other. */
    private static List<Map<String, String>> troubled() {
        return List.of(
                record("sea-lion", "models"),
                with(record("typhoon", "models"), "aliases", "Typhoon LLM; SEA-LION"),   // an alias that is another's id
                with(record("bad-status", "compute"), "status", "relesed"),              // not in the vocabulary
                with(with(record("m", "models"), "build_approach", "base"), "base_models", "lama:3"), // unknown base
                with(with(record("a", "models"), "build_approach", "base"), "base_models", "b"),      // a loop a -> b -> a
                with(with(record("b", "models"), "build_approach", "base"), "base_models", "a"),
                with(record("tabbed", "data"), "name", "Name\u0007bell"),                 // a control character
                with(record("dated", "data"), "announced", "2024-13"),                    // no such month
                record("fine", "data"));
    }

    private static List<Project> projects(List<Map<String, String>> records) {
        List<Project> out = new ArrayList<>();
        for (Map<String, String> r : records) {
            String[] raw = new String[SCHEMA.fields().size()];
            for (FieldSpec f : SCHEMA.fields()) raw[f.index()] = r.get(f.name());
            out.add(Project.of(SCHEMA, raw));
        }
        return out;
    }

    private static List<String> described(Report r, Set<Integer> rows) {
        List<String> out = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (f.position() != null && f.position().row() != null && !rows.contains(f.position().row())) continue;
            out.add(f.code() + " " + f.severity() + " " + f.position() + " " + f.recordId() + " " + f.value() + " " + f.message());
        }
        return out;
    }

    @Test
    void everyRowJudgedGivesTheFindingsOfTheSameRecordsInACsvFile() throws IOException {
        List<Map<String, String>> records = troubled();
        Report fromFile = new Validator(SCHEMA).validate(TestSheets.csv(dir, "x.csv", records), "x.csv", null, rr -> { });
        Report inMemory = new Validator(SCHEMA).validateRecords("x.csv", projects(records), row -> true);
        Set<Integer> all = Set.of(2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertEquals(described(fromFile, all), described(inMemory, all));
        List<String> codes = inMemory.findings().stream().map(Finding::code).distinct().sorted().toList();
        assertEquals(List.of("base-model-cycle", "control-character", "id-alias-collision", "invalid-date", "invalid-enum",
                "unknown-base-model"), codes, "each planted problem found");
    }

    @Test
    void rowsNotJudgedOneByOneStillCountAgainstTheJudgedOnes() throws IOException {
        List<Map<String, String>> records = troubled();
        Report fromFile = new Validator(SCHEMA).validate(TestSheets.csv(dir, "x.csv", records), "x.csv", null, rr -> { });
        Set<Integer> judged = Set.of(3, 6); // typhoon (its alias clashes with row 2's id) and a (its loop goes through row 7)
        Report inMemory = new Validator(SCHEMA).validateRecords("x.csv", projects(records), judged::contains);
        List<String> found = described(inMemory, judged);
        assertEquals(described(fromFile, judged), found);
        assertTrue(found.stream().anyMatch(f -> f.startsWith("id-alias-collision")), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.startsWith("base-model-cycle")), found.toString());
        assertTrue(inMemory.findings().stream().noneMatch(f -> f.code().equals("invalid-enum") || f.code().equals("control-character")),
                "rows 4 and 8 are not judged one by one: " + inMemory.findings());
    }
}
