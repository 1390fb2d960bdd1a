package org.sovereignai.stats;

import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

/** Hand-made projects for the definition tests: only the fields a figure reads. */
final class TestProjects {
    static final Schema SCHEMA = Schema.bundled();

    private TestProjects() {
    }

    static Project project(String id, String layer, String jurisdiction, String announced) {
        String[] raw = new String[SCHEMA.fields().size()];
        raw[SCHEMA.require(Schema.ID).index()] = id;
        raw[SCHEMA.require(Schema.NAME).index()] = "Project " + id;
        raw[SCHEMA.require(Schema.LAYER).index()] = layer;
        raw[SCHEMA.require(Schema.JURISDICTION).index()] = jurisdiction;
        raw[SCHEMA.require("lead_org").index()] = "Lab " + id;
        raw[SCHEMA.require(Schema.ANNOUNCED).index()] = announced;
        raw[SCHEMA.require(Schema.SOURCES).index()] = "https://example.org/" + id;
        return Project.of(SCHEMA, raw);
    }

    static Project model(String id, String jurisdiction, String approach, String bases, String announced) {
        return project(id, "models", jurisdiction, announced)
                .with(Schema.BUILD_APPROACH, approach)
                .with(Schema.BASE_MODELS, bases)
                .with(Schema.RELEASE_STATUS, "open_permissive");
    }

    static Project compute(String id, String jurisdiction, String vendors) {
        return project(id, "compute", jurisdiction, "2025-Q1").with(Schema.ACCELERATOR_VENDORS, vendors);
    }
}
