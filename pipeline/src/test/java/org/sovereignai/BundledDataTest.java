package org.sovereignai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sovereignai.check.Report;
import org.sovereignai.check.Validator;
import org.sovereignai.record.BaseModelRef;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

/**
 * The bundled curator sheet ({@code curation/baseline/2025-Q4.csv}) is the data every demo and the first release
 * start from, so it must always satisfy the record contract. The validator owns the rules; the checks below are the
 * whole-sheet promises of the baseline that a reader relies on (every record cited, base chains resolvable).
 */
class BundledDataTest {
    private static final Schema SCHEMA = Schema.bundled();
    private static Path sheet;
    private static Report report;
    private static final List<Project> projects = new ArrayList<>();

    @BeforeAll
    static void validateTheBundledSheet() {
        String home = System.getProperty("sai.home");
        assertTrue(home != null, "system property sai.home (the project root) is not set; run the tests through Maven");
        sheet = Path.of(home, "curation", "baseline", "2025-Q4.csv");
        assertTrue(Files.isRegularFile(sheet), "missing bundled sheet " + sheet);
        report = new Validator(SCHEMA).validate(sheet, null, row -> projects.add(row.project()));
    }

    @Test
    void theBundledSheetHasNoValidationErrors() {
        String findings = report.findings().stream()
                .filter(f -> f.isError())
                .map(f -> f.position() + " " + f.code() + ": " + f.message())
                .collect(Collectors.joining("\n"));
        assertEquals(0, report.errors(), "validation errors in " + sheet + ":\n" + findings);
        assertFalse(report.ioFailure());
        assertEquals(report.records(), projects.size());
    }

    @Test
    void theBundledSheetCoversAllThreeLayers() {
        Set<Layer> layers = projects.stream().map(Project::layer).collect(Collectors.toSet());
        assertEquals(Set.of(Layer.COMPUTE, Layer.MODELS, Layer.DATA), layers);
    }

    @Test
    void everyRecordCitesAtLeastOneHttpsSource() {
        for (Project p : projects) {
            List<String> sources = p.list(Schema.SOURCES);
            assertFalse(sources.isEmpty(), p.id() + " cites no source");
            for (String url : sources) {
                assertTrue(url.startsWith("https://"), p.id() + " cites a source that is not an absolute https URL: " + url);
            }
        }
    }

    @Test
    void idsAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Project p : projects) {
            assertTrue(seen.add(p.id()), "id used twice: " + p.id());
        }
    }

    @Test
    void everyBaseModelIsAKnownFamilyOrAnotherModelsRecord() {
        Set<String> modelIds = projects.stream()
                .filter(p -> p.layer() == Layer.MODELS)
                .map(Project::id)
                .collect(Collectors.toSet());
        var families = SCHEMA.vocabulary(Schema.FAMILIES_VOCABULARY);
        int references = 0;
        for (Project p : projects) {
            for (String entry : p.list(Schema.BASE_MODELS)) {
                String base = BaseModelRef.parse(entry).family();
                if (families.contains(base)) continue;
                assertTrue(modelIds.contains(base),
                        p.id() + " builds on '" + entry + "', which is neither a family in families.csv nor a models record");
                assertFalse(base.equals(p.id()), p.id() + " names itself as its base");
                references++;
            }
        }
        // the sheet does chain through sovereign models (SEA-LION under Sahabat-AI and MERaLiON, Apertus under SEA-LION)
        assertTrue(references >= 3, "expected base chains through other records, found " + references);
    }
}
