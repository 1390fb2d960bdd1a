package org.sovereignai.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.check.TestSheets.assertNoFindings;
import static org.sovereignai.check.TestSheets.assertOne;
import static org.sovereignai.check.TestSheets.text;
import static org.sovereignai.check.TestSheets.validate;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderRulesTest {
    private static final String ROW = "a,A,compute,FR,Ministry,2024-Q1,https://example.gov/a";

    @TempDir
    Path dir;

    @Test
    void aSheetMayHoldOnlySomeColumnsInAnyOrderWithControlColumns() throws IOException {
        assertNoFindings(validate(text(dir, "x.csv",
                "_action,sources,id,name,layer,jurisdiction,lead_org,announced\nadd,https://example.gov/a,a,A,data,FR,M,2024\n"
                        .replace("2024\n", "2024-01\n"))));
    }

    @Test
    void anUnknownColumnIsAnErrorWithADidYouMean() throws IOException {
        Report r = validate(text(dir, "x.csv", "id,name,layer,jurisdiction,lead_org,announced,sources,Lead Org,fundng_usd\n"
                + ROW + ",x,5\n"));
        assertEquals(2, TestSheets.all(r, "unknown-column").size());
        Finding a = TestSheets.assertAt(TestSheets.all(r, "unknown-column").get(0), "unknown-column", 1, "Lead Org", "H1");
        assertTrue(a.message().contains("Did you mean 'lead_org'?"), a.message());
        Finding b = TestSheets.assertAt(TestSheets.all(r, "unknown-column").get(1), "unknown-column", 1, "fundng_usd", "I1");
        assertTrue(b.message().contains("Did you mean 'funding_usd'?"), b.message());
    }

    @Test
    void aMissingRequiredColumnIsAnError() throws IOException {
        Report r = validate(text(dir, "x.csv", "id,name,layer,jurisdiction,announced,sources\na,A,compute,FR,2024-Q1,https://example.gov/a\n"));
        Finding f = assertOne(r, "missing-column", 1, "lead_org", null);
        assertTrue(f.message().contains("'lead_org'"));
        assertEquals(1, r.errors(), TestSheets.describe(r));
    }

    @Test
    void aDuplicatedColumnIsAnError() throws IOException {
        Report r = validate(text(dir, "x.csv", "id,name,layer,jurisdiction,lead_org,announced,sources,name\n" + ROW + ",B\n"));
        Finding f = assertOne(r, "duplicate-column", 1, "name", "H1");
        assertTrue(f.message().contains("(B and H)"), f.message());
    }

    @Test
    void aValueUnderABlankHeaderOrBeyondTheHeaderIsAnError() throws IOException {
        Report r = validate(text(dir, "x.csv", "id,name,layer,jurisdiction,lead_org,announced,sources,\n"
                + ROW + ",,\n" + ROW.replace("a,A", "b,B") + ",oops\n" + ROW.replace("a,A", "c,C") + ",,,extra\n"));
        var found = TestSheets.all(r, "value-without-header");
        assertEquals(2, found.size(), TestSheets.describe(r));
        TestSheets.assertAt(found.get(0), "value-without-header", 3, null, "H3");
        TestSheets.assertAt(found.get(1), "value-without-header", 4, null, "J4");
        assertEquals("extra", found.get(1).value());
    }

    @Test
    void aShortCsvRowIsAWarningAndItsMissingCellsReadAsBlank() throws IOException {
        Report r = validate(text(dir, "x.csv", "id,name,layer,jurisdiction,lead_org,announced,sources,status,notes\n"
                + ROW + ",announced,n\n" + ROW.replace("a,A", "b,B") + "\n"));
        assertOne(r, "row-too-short", 3, "status", "H3");
        assertEquals(0, r.errors(), TestSheets.describe(r));
        assertEquals(0, r.exitCode());
    }
}
