package org.sovereignai.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldRulesTest {
    @TempDir
    Path dir;

    @Test
    void aValidRecordOfEachLayerHasNoFindings() throws IOException {
        Report r = validate(csv(dir, "ok.csv", List.of(record("a-model", "models"), record("a-cluster", "compute"),
                record("a-corpus", "data"))));
        assertNoFindings(r);
        assertEquals(3, r.records());
        assertTrue(r.valid());
        assertEquals(0, r.exitCode());
    }

    @Test
    void theBundledExampleSheetIsValid() {
        Report r = validate(Path.of(System.getProperty("sai.home", ".."), "pipeline/src/test/resources/sheets/valid.csv"));
        assertNoFindings(r);
        assertEquals(5, r.records());
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                // field, layer, value, code
                Arguments.of("id", "models", "Sea Lion", "invalid-id"),
                Arguments.of("id", "models", "sea--lion", "invalid-id"),
                Arguments.of("id", "models", "a".repeat(65), "too-long"),
                Arguments.of("name", "models", "", "missing-value"),
                Arguments.of("name", "models", "x".repeat(501), "too-long"),
                Arguments.of("layer", "models", "model", "invalid-enum"),
                Arguments.of("jurisdiction", "models", "UK", "invalid-jurisdiction"),
                Arguments.of("jurisdiction", "models", "sg", "invalid-jurisdiction"),
                Arguments.of("jurisdiction", "models", "EU-XX", "invalid-jurisdiction"),
                Arguments.of("jurisdiction", "models", "ZZ-PI", "invalid-jurisdiction"),
                Arguments.of("jurisdiction", "models", "", "missing-value"),
                Arguments.of("partner_jurisdictions", "models", "DE; Germany", "invalid-jurisdiction"),
                Arguments.of("lead_org", "models", "  ", "missing-value"),
                Arguments.of("announced", "models", "Sept 2025", "invalid-date"),
                Arguments.of("announced", "models", "2025-02-30", "invalid-date"),
                Arguments.of("announced", "models", "2025-Q5", "invalid-date"),
                Arguments.of("announced", "models", "", "missing-value"),
                Arguments.of("status", "models", "operatonal", "invalid-enum"),
                Arguments.of("funding_usd", "models", "52,000,000", "invalid-number"),
                Arguments.of("funding_usd", "models", "$5M", "invalid-number"),
                Arguments.of("funding_usd", "models", "1e6", "invalid-number"),
                Arguments.of("funding_usd", "models", "-5", "below-minimum"),
                Arguments.of("sources", "models", "", "missing-value"),
                Arguments.of("sources", "models", "www.example.gov/x", "invalid-url"),
                Arguments.of("sources", "models", "ftp://example.gov/x", "invalid-url"),
                Arguments.of("sources", "models", "https://example.gov/a b", "invalid-url"),
                Arguments.of("sources", "models", "https://example.gov/ok; notaurl", "invalid-url"),
                Arguments.of("sources", "models", "https://user@example.gov/", "invalid-url"),
                Arguments.of("sources", "models", "https://example.gov/%zz", "invalid-url"),
                Arguments.of("notes", "models", "n".repeat(5001), "too-long"),
                Arguments.of("build_approach", "models", "", "missing-value"),
                Arguments.of("build_approach", "models", "finetune", "invalid-enum"),
                Arguments.of("base_models", "models", "Llama 3", "invalid-base-model"),
                Arguments.of("release_status", "models", "", "missing-value"),
                Arguments.of("release_status", "models", "open", "invalid-enum"),
                Arguments.of("accelerator_vendors", "compute", "nvidia; cerebras", "invalid-enum"),
                Arguments.of("accelerator_count", "compute", "5448.5", "invalid-integer"),
                Arguments.of("accelerator_count", "compute", "-1", "below-minimum"),
                Arguments.of("power_mw", "compute", "5 MW", "invalid-number"),
                Arguments.of("power_mw", "compute", "-0.5", "below-minimum"),
                Arguments.of("languages", "data", "th; English", "invalid-language"),
                Arguments.of("license", "compute", "MIT", "not-for-layer"),
                Arguments.of("accelerator_count", "models", "8", "not-for-layer"),
                Arguments.of("languages", "models", "en", "not-for-layer"),
                Arguments.of("build_approach", "data", "scratch", "not-for-layer"));
    }

    @ParameterizedTest(name = "{0} = ''{2}'' in a {1} record is {3}")
    @MethodSource("badValues")
    void eachFieldRuleReportsItsCodeAtTheCell(String field, String layer, String value, String code) throws IOException {
        var rec = with(record("rec", layer), field, value);
        if (field.equals("base_models")) rec = with(rec, "build_approach", "base");
        Report r = validate(csv(dir, "bad.csv", List.of(record("good-one", "models"), rec)));
        String column = field;
        Finding f = assertOne(r, code, 3, column, col(field) + "3");
        assertEquals(1, r.errors(), TestSheets.describe(r));
        assertFalse(f.message().isBlank());
        assertEquals(field.equals("id") ? value : "rec", f.recordId());
        assertEquals(1, r.exitCode());
    }

    @Test
    void validFormsAreAccepted() throws IOException {
        var rec = record("ok", "models");
        rec = with(rec, "jurisdiction", "BR-PI");
        rec = with(rec, "partner_jurisdictions", "EU; IN-KA; SG");
        rec = with(rec, "announced", "2024-02-29");
        rec = with(rec, "funding_usd", "52000000.50");
        rec = with(rec, "sources", "https://example.gov/a?b=c&d=%3B#frag; http://news.example.org:8080/x");
        rec = with(rec, "build_approach", "both");
        rec = with(rec, "base_models", "llama:3.1-70b; gemma");
        rec = with(rec, "aliases", "Old name; Other name");
        rec = with(rec, "notes", "ok; with semicolons, commas and \"quotes\"\nand a line break");
        assertNoFindings(validate(csv(dir, "ok.csv", List.of(rec, with(record("m2", "compute"), "accelerator_count", "0")))));
    }

    @Test
    void misspeltVocabularyValuesGetADidYouMean() throws IOException {
        Report r = validate(csv(dir, "x.csv", List.of(with(record("a", "models"), "status", "operatonal"))));
        Finding f = assertOne(r, "invalid-enum", 2, "status", col("status") + "2");
        assertTrue(f.message().contains("Did you mean 'operational'?"), f.message());
        assertTrue(f.message().contains("announced, in_development, operational"), f.message());
        assertEquals("operatonal", f.value());
    }

    @Test
    void thousandsSeparatorsAreExplainedWithTheFixedNumber() throws IOException {
        Report r = validate(csv(dir, "x.csv", List.of(with(record("a", "models"), "funding_usd", "52,000,000"))));
        Finding f = assertOne(r, "invalid-number", 2, "funding_usd", col("funding_usd") + "2");
        assertTrue(f.message().contains("Write 52000000, not 52,000,000"), f.message());
    }

    @Test
    void lowerCaseJurisdictionsSuggestTheCapitalisedCode() throws IOException {
        Report r = validate(csv(dir, "x.csv", List.of(with(record("a", "models"), "jurisdiction", "sg"))));
        assertTrue(assertOne(r, "invalid-jurisdiction", 2, "jurisdiction", "D2").message().contains("Did you mean 'SG'?"));
    }

    @Test
    void requiredForLayerIsOnlyRequiredForThatLayer() throws IOException {
        // compute and data records have no build_approach; a models record must.
        Report r = validate(csv(dir, "x.csv", List.of(record("c", "compute"), record("d", "data"),
                with(record("m", "models"), "build_approach", null))));
        Finding f = assertOne(r, "missing-value", 4, "build_approach", col("build_approach") + "4");
        assertTrue(f.message().contains("for models records"), f.message());
    }

    @Test
    void freeTextStartingLikeAFormulaIsAWarningButNegativeNumbersAreRangeErrors() throws IOException {
        Report r = validate(csv(dir, "x.csv", List.of(
                with(record("a", "models"), "name", "=HYPERLINK(\"http://evil.example\")"),
                with(with(record("b", "models"), "notes", "-5% on last year"), "license", "@licence"),
                with(record("c", "models"), "aliases", "Fine; +plus"),
                with(record("d", "models"), "funding_usd", "-5"))));
        List<Finding> warnings = TestSheets.all(r, "formula-injection");
        assertEquals(4, warnings.size(), TestSheets.describe(r));
        TestSheets.assertAt(warnings.get(0), "formula-injection", 2, "name", "B2");
        TestSheets.assertAt(warnings.get(1), "formula-injection", 3, "notes", col("notes") + "3");
        TestSheets.assertAt(warnings.get(2), "formula-injection", 3, "license", col("license") + "3");
        TestSheets.assertAt(warnings.get(3), "formula-injection", 4, "aliases", col("aliases") + "4");
        assertOne(r, "below-minimum", 5, "funding_usd", col("funding_usd") + "5");
        assertEquals(4, r.warnings());
        // '@licence' is not permissive: release_status is open_permissive in the base record
        assertOne(r, "license-not-permissive", 3, "license", col("license") + "3");
    }

    @Test
    void aFieldOfAnotherLayerSaysWhichLayerItBelongsTo() throws IOException {
        Report r = validate(csv(dir, "x.csv", List.of(with(record("a", "compute"), "license", "MIT"))));
        Finding f = assertOne(r, "not-for-layer", 2, "license", col("license") + "2");
        assertEquals("license belongs to models records only; this is a compute record, so leave it blank.", f.message());
    }

    @Test
    void anUnknownLayerSkipsLayerRulesButIsItselfAnError() throws IOException {
        Report r = validate(csv(dir, "x.csv", List.of(with(record("a", "models"), "layer", "Models"))));
        Finding f = assertOne(r, "invalid-enum", 2, "layer", "C2");
        assertTrue(f.message().contains("Did you mean 'models'?"), f.message());
        assertEquals(1, r.errors(), TestSheets.describe(r));
    }

    /** A copy of schemas/ with one edit of fields.csv, as a curator would make it. */
    private org.sovereignai.record.Schema schemaWith(String line, String edited) throws IOException {
        Path schemas = dir.resolve("schemas");
        Path source = Path.of(System.getProperty("sai.home", ".."), "schemas");
        try (var files = java.nio.file.Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = schemas.resolve(source.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(target);
                else java.nio.file.Files.copy(p, target);
            }
        }
        Path fields = schemas.resolve("fields.csv");
        String csv = java.nio.file.Files.readString(fields);
        assertTrue(csv.contains(line), line);
        java.nio.file.Files.writeString(fields, csv.replace(line, edited));
        return org.sovereignai.record.Schema.fromDirectory(schemas);
    }

    @Test
    void aPatternAddedToAnyFieldInFieldsCsvIsEnforced() throws IOException {
        org.sovereignai.record.Schema custom = schemaWith("notes,all,text,no,no,,,,5000,", "notes,all,text,no,no,,^[A-Z].*$,,5000,");
        Path sheet = csv(dir, "x.csv", List.of(with(record("a", "models"), "notes", "lower case"), with(record("b", "models"), "notes", "Fine")));
        Report r = new Validator(custom).validate(sheet, null, row -> { });
        Finding f = assertOne(r, "pattern-mismatch", 2, "notes", col("notes") + "2");
        assertTrue(f.message().contains("^[A-Z].*$"), f.message());
        assertEquals(1, r.errors());
    }

    @Test
    void aPatternOfTheContractEditedInFieldsCsvIsWhatCounts() throws IOException {
        // ids with underscores: no Java code restates the pattern, so the edit is all it takes
        org.sovereignai.record.Schema custom = schemaWith("id,all,id,no,yes,,^[a-z0-9]+(-[a-z0-9]+)*$,", "id,all,id,no,yes,,^[a-z0-9]+([-_][a-z0-9]+)*$,");
        Path sheet = csv(dir, "ids.csv", List.of(record("sea_lion", "data"), record("sea-lion", "data"), record("Sea", "data")));
        Report r = new Validator(custom).validate(sheet, null, row -> { });
        assertOne(r, "invalid-id", 4, "id", "A4");
        assertEquals(1, r.errors(), TestSheets.describe(r));
        var bundled = TestSheets.all(validate(sheet), "invalid-id");
        assertEquals(2, bundled.size(), "the bundled contract refuses sea_lion and Sea");
        TestSheets.assertAt(bundled.get(0), "invalid-id", 2, "id", "A2");
    }
}
