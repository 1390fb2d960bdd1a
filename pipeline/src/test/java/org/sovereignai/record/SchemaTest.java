package org.sovereignai.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SchemaTest {
    private final Schema schema = Schema.bundled();

    @Test
    void theContractListsFieldsInTemplateOrderWithIdFirst() {
        assertEquals("id", schema.fields().get(0).name());
        assertEquals(21, schema.fields().size());
        assertTrue(schema.require("sources").multi());
        assertTrue(schema.require("build_approach").appliesTo(Layer.MODELS));
        assertFalse(schema.require("build_approach").appliesTo(Layer.COMPUTE));
    }

    @Test
    void vocabulariesAreReadFromData() {
        assertEquals("US", schema.vocabulary("families").attribute("llama", "vendor_country"));
        assertEquals("Europe", schema.vocabulary("jurisdictions").attribute("EU", "region"));
        assertTrue(schema.vocabulary("permissive_licenses").contains("Apache-2.0"));
        assertTrue(schema.vocabulary("release_status").contains("announced_open"));
    }

    @Test
    void cellsAreCanonicalTrimmedNfcAndMultiValuesRejoined() {
        String[] raw = new String[schema.fields().size()];
        raw[0] = "  caf\u0065\u0301 ";
        raw[schema.require("sources").index()] = " https://a.example/ ;; https://b.example/ ";
        Project p = Project.of(schema, raw);
        assertEquals("caf\u00e9", p.id());
        assertEquals(List.of("https://a.example/", "https://b.example/"), p.list("sources"));
        assertNull(p.get("name"));
    }

    @Test
    void partialDatesDeriveTheirQuarter() {
        assertEquals("2025-Q3", PartialDate.parse("2025-09-02").quarterLabel());
        assertEquals("2024-Q1", PartialDate.parse("2024-01").quarterLabel());
        assertEquals("2023-Q4", PartialDate.parse("2023-Q4").quarterLabel());
        assertNull(PartialDate.parse("2025-02-30"));
        assertNull(PartialDate.parse("2025-Q5"));
        assertNull(PartialDate.parse("Sept 2025"));
    }
}
