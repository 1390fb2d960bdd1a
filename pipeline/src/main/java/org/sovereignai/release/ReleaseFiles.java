package org.sovereignai.release;

import java.util.List;

/** The names of the files of a release and of a snapshots folder: the one place that spells them. */
public final class ReleaseFiles {
    public static final String PROJECTS_JSON = "projects.json";
    public static final String PROJECTS_CSV = "projects.csv";
    public static final String BASE_MODELS_CSV = "base_models.csv";
    public static final String SOURCES_CSV = "sources.csv";
    public static final String CHANGES_JSON = "changes.json";
    public static final String CHANGES_MD = "CHANGES.md";
    public static final String DATAPACKAGE_JSON = "datapackage.json";
    public static final String MANIFEST_JSON = "manifest.json";
    /** Every file the release itself writes; artifacts' files must not clash with them. */
    public static final List<String> CORE_FILES = List.of(PROJECTS_JSON, PROJECTS_CSV, BASE_MODELS_CSV, SOURCES_CSV,
            CHANGES_JSON, CHANGES_MD, DATAPACKAGE_JSON, MANIFEST_JSON);

    /** In the snapshots folder, beside the releases: the list of releases, and the newest release's id. */
    public static final String INDEX_JSON = "index.json";
    public static final String LATEST = "latest";
    /** In the snapshots folder: held while a release is written, so two never interleave. */
    public static final String LOCK = ".release.lock";

    private ReleaseFiles() {
    }
}
