package org.sovereignai.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sovereignai.check.Finding;
import org.sovereignai.check.Severity;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.Position;

class EvidenceTest {
    final Schema schema = Schema.bundled();
    final Evidence evidence = new Evidence(schema);
    final Mentions mentions = evidence.mentions();

    Project model(String baseModels, String releaseStatus, String license, String sources) {
        String[] raw = new String[schema.fields().size()];
        raw[schema.require(Schema.ID).index()] = "sea-lion";
        raw[schema.require(Schema.LAYER).index()] = "models";
        raw[schema.require(Schema.BASE_MODELS).index()] = baseModels;
        raw[schema.require(Schema.RELEASE_STATUS).index()] = releaseStatus;
        raw[schema.require(Schema.LICENSE).index()] = license;
        raw[schema.require(Schema.SOURCES).index()] = sources;
        return Project.of(schema, raw);
    }

    List<Finding> check(Project p, Map<String, String> texts) {
        return evidence.check(p, texts, Map.of(), f -> Position.ofFile("sheet.csv").atCell(2, f.index(), f.name()));
    }

    @Test
    void familiesAreFoundByNameOrCommonVariant() {
        assertTrue(mentions.mentionsFamily("Built on Llama 3.1 70B", "llama"));
        assertTrue(mentions.mentionsFamily("weights at meta-llama/Meta-Llama-3.1-8B", "llama"));
        assertTrue(mentions.mentionsFamily("a LLaMA-based model", "llama"));
        assertTrue(mentions.mentionsFamily("fine-tuned from Qwen2.5-7B", "qwen"));
        assertTrue(mentions.mentionsFamily("uses llama3 tokenizer", "llama"));
        assertFalse(mentions.mentionsFamily("Delphi and Memphis", "phi"));
        assertFalse(mentions.mentionsFamily("the llamas of Peru", "llama"));
    }

    @Test
    void licencesAreFoundInTheirUsualWordings() {
        assertTrue(mentions.mentionsLicense("Licensed under the Apache License, Version 2.0.", "Apache-2.0"));
        assertTrue(mentions.mentionsLicense("license: apache-2.0", "Apache-2.0"));
        assertTrue(mentions.mentionsLicense("released under the MIT licence", "MIT"));
        assertTrue(mentions.mentionsLicense("CC BY 4.0", "CC-BY-4.0"));
        assertTrue(mentions.mentionsLicense("under the Llama 3.1 Community License Agreement", "Llama 3.1 Community License"));
        assertFalse(mentions.mentionsLicense("Apache License, Version 1.1", "Apache-2.0"));
        assertFalse(mentions.mentionsLicense("submit your application", "MIT"));
    }

    @Test
    void aClaimNoSourceMentionsIsAWarningNamingTheFieldAndTheSourcesChecked() {
        Project p = model("llama:3.1-70b; gemma:2-9b", "open_permissive", "Apache-2.0", "https://a.example/one; https://b.example/two");
        Map<String, String> texts = Map.of("https://a.example/one", "We fine-tuned Meta-Llama 3.1 under Apache 2.0");
        List<Finding> found = check(p, texts);
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals(Evidence.CODE, f.code());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("base_models", f.position().column());
        assertEquals("gemma:2-9b", f.value());
        assertTrue(f.message().contains("https://a.example/one") && f.message().contains("https://b.example/two (no readable text)"), f.message());
    }

    @Test
    void theLicenceIsCheckedOnlyForOpenReleases() {
        Map<String, String> texts = Map.of("https://a.example/one", "A Llama model.");
        assertEquals(1, check(model("llama", "open_restricted", "MIT", "https://a.example/one"), texts).size());
        assertEquals("license", check(model("llama", "open_restricted", "MIT", "https://a.example/one"), texts).get(0).position().column());
        assertTrue(check(model("llama", "closed", "MIT", "https://a.example/one"), texts).isEmpty());
    }

    @Test
    void aBaseModelThatIsAnotherRecordIsNotCheckedByName() {
        assertTrue(check(model("sea-lion-v2", "closed", null, "https://a.example/one"), Map.of()).isEmpty());
    }
}
