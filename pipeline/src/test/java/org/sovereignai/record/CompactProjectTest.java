package org.sovereignai.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** A compact project is the same project in less memory: every value, blank ones included, reads back as it was. */
class CompactProjectTest {
    private static final Schema SCHEMA = Schema.bundled();

    private static Project project(String name) {
        String[] raw = new String[SCHEMA.fields().size()];
        raw[SCHEMA.require("id").index()] = "sea-lion";
        raw[SCHEMA.require("name").index()] = name;
        raw[SCHEMA.require("aliases").index()] = "SEA-LION; SeaLion";
        return Project.of(SCHEMA, raw);
    }

    @Test
    void aCompactProjectHasTheSameValuesAndEqualsTheOriginal() {
        Project p = project("Südostasien \u00e9t\u00e9 \ud83d\ude80");
        Project c = p.compact();
        assertEquals(p, c);
        assertEquals(p.hashCode(), c.hashCode());
        assertEquals(java.util.Arrays.asList(p.values()), java.util.Arrays.asList(c.values()));
        assertNull(c.get("funding_usd"), "a blank value stays blank");
        assertEquals(p.list("aliases"), c.list("aliases"));
        assertSame(c, c.compact(), "compact already");
    }

    @Test
    void aValueHoldingTheSeparatorKeepsItsOwnStrings() {
        Project p = project("a\u001fb");
        assertSame(p, p.compact());
    }
}
