package org.sovereignai.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.release.TestRecords.SCHEMA;
import static org.sovereignai.release.TestRecords.compute;
import static org.sovereignai.release.TestRecords.model;
import static org.sovereignai.release.TestRecords.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sovereignai.record.Project;

class KeyedDiffTest {

    private static Diff diff(List<Map<String, String>> before, List<Map<String, String>> after) {
        return KeyedDiff.of(SCHEMA, before.stream().map(m -> project(m)).toList(), after.stream().map(m -> project(m)).toList());
    }

    @Test
    void reportsAddedRemovedAndModifiedByIdAndCountsUnchangedWithoutListingThem() {
        Diff d = diff(List.of(compute("a"), compute("b"), compute("c")),
                List.of(compute("c", "status", "operational"), compute("d"), compute("a")));
        assertEquals(1, d.added());
        assertEquals(1, d.removed());
        assertEquals(1, d.modified());
        assertEquals(1, d.unchanged());
        assertEquals(List.of("b", "c", "d"), d.changes().stream().map(Change::id).toList(), "changes sorted by id, unchanged not listed");
        Change c = d.changes().get(1);
        assertEquals(Change.Op.MODIFIED, c.op());
        assertEquals(List.of(new FieldChange("status", null, "operational")), c.fields());
    }

    @Test
    void multiValuedFieldsCompareAsSetsSoOrderAndRepeatsAreNoChange() {
        Diff d = diff(List.of(compute("a", "sources", "https://x.org/1; https://x.org/2", "partner_jurisdictions", "FR; IT")),
                List.of(compute("a", "sources", "https://x.org/2;https://x.org/1; https://x.org/2", "partner_jurisdictions", "IT;FR;FR")));
        assertTrue(d.isEmpty());
        assertEquals(1, d.unchanged());
    }

    @Test
    void aValueAddedToASetIsAChangeShownAsLists() {
        Diff d = diff(List.of(compute("a", "partner_jurisdictions", "FR")), List.of(compute("a", "partner_jurisdictions", "FR; IT")));
        FieldChange f = d.changes().get(0).fields().get(0);
        assertEquals("partner_jurisdictions", f.field());
        assertEquals(List.of("FR"), f.oldValue());
        assertEquals(List.of("FR", "IT"), f.newValue());
    }

    @Test
    void surroundingWhiteSpaceAndUnicodeNormalisationAreNoChange() {
        Diff d = diff(List.of(compute("a", "lead_org", "Forschungszentrum J\u00fclich", "name", "Caf\u00e9")),
                List.of(compute("a", "lead_org", "  Forschungszentrum Ju\u0308lich\t", "name", "Cafe\u0301 ")));
        assertTrue(d.isEmpty(), () -> d.changes().toString());
    }

    @Test
    void everyOtherDifferenceIsAChangeIncludingCaseAndInnerSpaces() {
        Diff d = diff(List.of(compute("a", "name", "Jupiter"), compute("b", "notes", "two  spaces")),
                List.of(compute("a", "name", "JUPITER"), compute("b", "notes", "two spaces")));
        assertEquals(2, d.modified());
        assertEquals(new FieldChange("name", "Jupiter", "JUPITER"), d.changes().get(0).fields().get(0));
    }

    @Test
    void numbersCompareByValueAndAreReportedAsNumbers() {
        Diff same = diff(List.of(compute("a", "funding_usd", "500000000.0")), List.of(compute("a", "funding_usd", "500000000")));
        assertTrue(same.isEmpty());
        Diff d = diff(List.of(compute("a", "power_mw", "17")), List.of(compute("a", "power_mw", "18.50")));
        FieldChange f = d.changes().get(0).fields().get(0);
        assertEquals(new BigDecimal("17"), f.oldValue());
        assertEquals(new BigDecimal("18.5"), f.newValue());
    }

    @Test
    void fieldChangesAreInContractOrder() {
        Diff d = diff(List.of(compute("a")), List.of(compute("a", "notes", "n", "name", "Renamed", "status", "announced")));
        assertEquals(List.of("name", "status", "notes"), d.changes().get(0).fields().stream().map(FieldChange::field).toList());
    }

    @Test
    void addedRecordsListTheirNonBlankFieldsWithOldNullAndRemovedOnesWithNewNull() {
        Diff d = diff(List.of(compute("gone")), List.of(compute("new")));
        Change added = d.changes().get(1);
        assertEquals(Change.Op.ADDED, added.op());
        assertEquals(7, added.fields().size());
        assertTrue(added.fields().stream().allMatch(f -> f.oldValue() == null && f.newValue() != null));
        Change removed = d.changes().get(0);
        assertEquals("gone", removed.id());
        assertTrue(removed.fields().stream().allMatch(f -> f.newValue() == null && f.oldValue() != null));
        assertEquals(List.of("https://example.org/gone"), removed.fields().stream()
                .filter(f -> f.field().equals("sources")).findFirst().orElseThrow().oldValue());
    }

    @Test
    void aRemovedAndAnAddedRecordWithTheSameNameAreAPossibleRenameButStillTwoChanges() {
        Diff d = diff(List.of(compute("sea-lion", "name", "SEA-LION")),
                List.of(compute("sealion", "name", "Sea Lion", "sources", "https://other.org/")));
        assertEquals(1, d.removed());
        assertEquals(1, d.added());
        assertEquals(List.of(new PossibleRename("sea-lion", "sealion", List.of("name"), new BigDecimal("0.00"))), d.possibleRenames());
    }

    @Test
    void anAliasMatchingTheOtherNameIsAPossibleRename() {
        Diff d = diff(List.of(compute("old", "name", "National Compute Grid")),
                List.of(compute("new", "name", "NCG", "aliases", "national compute grid", "sources", "https://b.org/")));
        assertEquals(List.of("name"), d.possibleRenames().get(0).reasons());
    }

    @Test
    void stronglySharedSourcesAreAPossibleRenameAndWeaklySharedAreNot() {
        Diff d = diff(List.of(compute("old", "name", "Alpha", "sources", "https://s.org/1; https://s.org/2"),
                        compute("other", "name", "Beta", "sources", "https://t.org/1; https://t.org/2; https://t.org/3")),
                List.of(compute("new", "name", "Gamma", "sources", "https://s.org/1/; HTTP://s.org/2#top; https://s.org/3"),
                        compute("another", "name", "Delta", "sources", "https://t.org/1; https://u.org/1; https://u.org/2")));
        assertEquals(1, d.possibleRenames().size());
        PossibleRename r = d.possibleRenames().get(0);
        assertEquals("old", r.removed());
        assertEquals("new", r.added());
        assertEquals(List.of("sources"), r.reasons());
        assertEquals(new BigDecimal("0.67"), r.sourcesOverlap());
    }

    @Test
    void aRepeatedIdInTheNewSetIsRefused() {
        KeyedDiff kd = new KeyedDiff(SCHEMA);
        kd.addNew(project(compute("a")));
        assertThrows(IllegalArgumentException.class, () -> kd.addNew(project(compute("a"))));
    }

    @Test
    void modifiedRecordsKeepBothVersionsForReports() {
        Diff d = diff(List.of(model("m", "license", "MIT")), List.of(model("m", "license", "Apache-2.0")));
        Change c = d.changes().get(0);
        Project was = c.oldRecord();
        assertEquals("MIT", was.get("license"));
        assertEquals("Apache-2.0", c.newRecord().get("license"));
        assertEquals(List.of(new FieldChange("license", "MIT", "Apache-2.0")), c.fields());
    }

    @Test
    void rawRowsFollowTheSameRulesAsProjects() {
        KeyedDiff kd = new KeyedDiff(SCHEMA);
        kd.addOld(project(compute("a", "sources", "https://x.org/1; https://x.org/2")).values());
        String[] b = raw(compute("b", "name", "Cafe\u0301", "funding_usd", "5.0"));
        b[0] = " b ";
        kd.addOld(b);
        kd.addOld(project(compute("c")).values());
        kd.addNew(raw(compute("a", "sources", " https://x.org/2;https://x.org/1 ")));
        kd.addNew(raw(compute("b", "name", "Caf\u00e9", "funding_usd", "5")));
        kd.addNew(raw(compute("c", "status", "announced")));
        Diff d = kd.finish();
        assertEquals(2, d.unchanged(), () -> d.changes().toString());
        assertEquals(List.of(new FieldChange("status", null, "announced")), d.changes().get(0).fields());
    }

    @Test
    void aMergeOfTwoSortedSetsFindsWhatTheGeneralDiffFinds() {
        java.util.Random rnd = new java.util.Random(5);
        List<Project> before = new java.util.ArrayList<>();
        List<Project> after = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String id = String.format("r-%04d", i);
            String notes = rnd.nextInt(5) == 0 ? "a, \"b\"\nc " + i : "n" + i;
            if (rnd.nextInt(12) != 0) before.add(project(compute(id, "notes", notes, "power_mw", "5.0")));
            int roll = rnd.nextInt(10);
            if (roll == 0) continue;
            after.add(project(roll == 1 ? compute(id, "notes", notes + "!", "power_mw", "5")
                    : roll == 2 ? compute(id, "notes", " " + notes, "power_mw", "5") : compute(id, "notes", notes, "power_mw", "5.0")));
        }
        Diff general = KeyedDiff.of(SCHEMA, before, after);
        Diff merged = new KeyedDiff(SCHEMA).diffSorted(before.stream().map(Project::values).iterator(),
                after.stream().map(Packed::pack).iterator());
        assertEquals(general.changes().toString(), merged.changes().toString());
        assertEquals(List.of(general.oldCount(), general.newCount(), general.unchanged(), general.modified()),
                List.of(merged.oldCount(), merged.newCount(), merged.unchanged(), merged.modified()));
        for (int i = 0; i < general.changes().size(); i++) {
            assertEquals(general.changes().get(i).fields(), merged.changes().get(i).fields());
        }
        assertEquals(general.possibleRenames(), merged.possibleRenames());
    }

    @Test
    void aMergeRefusesSetsThatAreNotSortedById() {
        List<String[]> old = List.of(project(compute("b")).values(), project(compute("a")).values());
        assertThrows(KeyedDiff.NotSorted.class, () -> new KeyedDiff(SCHEMA).diffSorted(old.iterator(), List.<String>of().iterator()));
        List<String> fresh = List.of(Packed.pack(project(compute("b"))), Packed.pack(project(compute("a"))));
        assertThrows(KeyedDiff.NotSorted.class, () -> new KeyedDiff(SCHEMA).diffSorted(List.<String[]>of().iterator(), fresh.iterator()));
    }

    @Test
    void aPackedRecordUnpacksToTheSameProject() {
        Project p = project(compute("a", "notes", "x; y", "aliases", "B; A", "power_mw", "5.50"));
        Project back = Packed.project(Packed.pack(p), SCHEMA);
        assertEquals(project(compute("a", "notes", "x; y", "aliases", "B; A", "power_mw", "5.5")), back, "numbers packed canonical");
        assertEquals(List.of("B", "A"), back.list("aliases"));
        assertEquals(new BigDecimal("5.5"), back.typed(SCHEMA.require("power_mw")));
        assertEquals(back, Packed.project(Packed.pack(back), SCHEMA));
    }

    private static String[] raw(Map<String, String> values) {
        String[] raw = new String[SCHEMA.fields().size()];
        for (Map.Entry<String, String> e : values.entrySet()) raw[SCHEMA.require(e.getKey()).index()] = e.getValue();
        return raw;
    }
}
