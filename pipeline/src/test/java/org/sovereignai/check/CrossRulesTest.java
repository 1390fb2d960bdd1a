package org.sovereignai.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.check.TestSheets.all;
import static org.sovereignai.check.TestSheets.assertAt;
import static org.sovereignai.check.TestSheets.assertNoFindings;
import static org.sovereignai.check.TestSheets.assertOne;
import static org.sovereignai.check.TestSheets.col;
import static org.sovereignai.check.TestSheets.csv;
import static org.sovereignai.check.TestSheets.record;
import static org.sovereignai.check.TestSheets.validate;
import static org.sovereignai.check.TestSheets.with;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules between fields of a record, and between records of a sheet. */
class CrossRulesTest {
    @TempDir
    Path dir;

    private static Map<String, String> model(String id, String approach, String bases) {
        return with(with(record(id, "models"), "build_approach", approach), "base_models", bases);
    }

    @Test
    void scratchOrUndisclosedModelsHaveNoBaseModels() throws IOException {
        Report r = validate(csv(dir, "x.csv", List.of(model("a", "scratch", "llama"), model("b", "undisclosed", "gemma:2-9b"),
                model("c", "scratch", null))));
        List<Finding> found = all(r, "base-models-not-allowed");
        assertEquals(2, found.size(), TestSheets.describe(r));
        assertAt(found.get(0), "base-models-not-allowed", 2, "base_models", col("base_models") + "2");
        assertAt(found.get(1), "base-models-not-allowed", 3, "base_models", col("base_models") + "3");
        assertEquals(2, r.errors());
    }

    @Test
    void baseOrBothModelsNameAtLeastOneBase() throws IOException {
        Report r = validate(csv(dir, "x.csv", List.of(model("a", "base", null), model("b", "both", "llama"))));
        Finding f = assertOne(r, "base-models-missing", 2, "base_models", col("base_models") + "2");
        assertTrue(f.message().contains("undisclosed"), f.message());
        assertEquals(1, r.errors());
    }

    @Test
    void openPermissiveNeedsAPermissiveLicenceWhenOneIsGiven() throws IOException {
        Report r = validate(csv(dir, "x.csv", List.of(
                with(record("a", "models"), "license", "Llama 3.1 Community License"),
                with(record("b", "models"), "license", null),
                with(record("c", "models"), "license", "apache-2.0"),
                with(with(record("d", "models"), "license", "CC-BY-NC-4.0"), "release_status", "open_restricted"))));
        List<Finding> found = all(r, "license-not-permissive");
        assertEquals(2, found.size(), TestSheets.describe(r));
        assertAt(found.get(0), "license-not-permissive", 2, "license", col("license") + "2");
        assertAt(found.get(1), "license-not-permissive", 4, "license", col("license") + "4");
        assertTrue(found.get(1).message().contains("Did you mean 'Apache-2.0'?"), found.get(1).message());
    }

    @Test
    void aModelMayBuildOnAnotherModelsRecordOfTheSheetInAnyOrder() throws IOException {
        assertNoFindings(validate(csv(dir, "x.csv", List.of(model("derived", "base", "sea-lion:v3; llama"),
                model("sea-lion", "scratch", null)))));
    }

    @Test
    void aBaseNamingANonModelsRecordIsAnError() throws IOException {
        Report r = validate(csv(dir, "x.csv", List.of(record("big-cluster", "compute"), model("m", "base", "big-cluster"))));
        Finding f = assertOne(r, "base-model-not-models", 3, "base_models", col("base_models") + "3");
        assertEquals("m", f.recordId());
        assertTrue(f.message().contains("compute record (row 2)"), f.message());
    }

    @Test
    void aBaseThatIsNeitherAFamilyNorARecordIsUnknown() throws IOException {
        Report r = validate(csv(dir, "x.csv", List.of(record("a", "models"), model("m", "base", "lama:3"))));
        Finding f = assertOne(r, "unknown-base-model", 3, "base_models", col("base_models") + "3");
        assertTrue(f.message().contains("Did you mean 'llama'?"), f.message());
        assertEquals("lama:3", f.value());
    }

    @Test
    void basesThatLoopAreReportedOnEveryRecordOfTheLoop() throws IOException {
        Report r = validate(csv(dir, "x.csv", List.of(model("a", "base", "b"), model("b", "base", "c:v2"),
                model("c", "both", "llama; a"), model("d", "base", "a"), model("self", "base", "self"))));
        List<Finding> found = all(r, "base-model-cycle");
        assertEquals(4, found.size(), TestSheets.describe(r));
        assertAt(found.get(0), "base-model-cycle", 2, "base_models", col("base_models") + "2");
        assertAt(found.get(1), "base-model-cycle", 3, "base_models", col("base_models") + "3");
        assertAt(found.get(2), "base-model-cycle", 4, "base_models", col("base_models") + "4");
        assertAt(found.get(3), "base-model-cycle", 6, "base_models", col("base_models") + "6");
        assertTrue(found.get(0).message().contains("a builds on b builds on c builds on a"), found.get(0).message());
        assertEquals(4, r.errors(), "d builds on the loop but is not part of it");
    }

    @Test
    void aRepeatedIdIsReportedOnTheLaterRowNamingTheFirst() throws IOException {
        Report r = validate(csv(dir, "x.csv", List.of(record("same", "models"), record("other", "data"), record("same", "compute"))));
        Finding f = assertOne(r, "duplicate-id", 4, "id", "A4");
        assertTrue(f.message().contains("already used in row 2"), f.message());
        assertEquals("same", f.recordId());
    }

    @Test
    void anAliasMustNotBeAnotherRecordsId() throws IOException {
        Report r = validate(csv(dir, "x.csv", List.of(record("sea-lion", "models"),
                with(record("typhoon", "models"), "aliases", "Typhoon LLM; SEA-LION"),
                with(record("own", "models"), "aliases", "own"))));
        Finding f = assertOne(r, "id-alias-collision", 3, "aliases", col("aliases") + "3");
        assertEquals("typhoon", f.recordId());
        assertEquals("SEA-LION", f.value());
        assertTrue(f.message().contains("row 2"), f.message());
        assertEquals(1, r.errors(), "an alias equal to the record's own id is harmless");
    }
}
