package org.sovereignai.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.release.TestRecords.SCHEMA;
import static org.sovereignai.release.TestRecords.compute;
import static org.sovereignai.release.TestRecords.project;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sovereignai.record.Project;

class GateTest {

    /** 20 old records; new: 3 modified, 1 removed, 2 added. */
    private static Diff sample() {
        List<Project> before = new ArrayList<>();
        List<Project> after = new ArrayList<>();
        for (int i = 0; i < 20; i++) before.add(project(compute("p" + i)));
        for (int i = 1; i < 20; i++) after.add(project(i <= 3 ? compute("p" + i, "status", "announced") : compute("p" + i)));
        after.add(project(compute("q1")));
        after.add(project(compute("q2")));
        return KeyedDiff.of(SCHEMA, before, after);
    }

    @Test
    void countGatesTripOnTheirComparison() {
        Diff d = sample();
        assertTrue(Gate.parse("removed>0").trips(d));
        assertFalse(Gate.parse("removed>1").trips(d));
        assertTrue(Gate.parse("added >= 2").trips(d));
        assertTrue(Gate.parse("changed=6").trips(d));
        assertFalse(Gate.parse("modified<3").trips(d));
    }

    @Test
    void percentGatesArePercentagesOfTheOldRecordCount() {
        Diff d = sample();
        assertTrue(Gate.parse("modified>10%").trips(d), "3 of 20 is 15%");
        assertFalse(Gate.parse("modified>15%").trips(d));
        assertEquals("gate 'modified>10%' tripped: modified is 15% of 20 old records", Gate.parse("modified>10%").explain(d));
    }

    @Test
    void gatesThatDoNotParseAreUsageErrors() {
        assertThrows(Gate.SyntaxException.class, () -> Gate.parse("deleted>0"));
        assertThrows(Gate.SyntaxException.class, () -> Gate.parse("removed>"));
        assertThrows(Gate.SyntaxException.class, () -> Gate.parse("removed>>1"));
    }
}
