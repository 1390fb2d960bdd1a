package org.sovereignai.sources;

import java.nio.file.Path;

import org.sovereignai.curation.CurationDatabase;
import org.sovereignai.curation.CurationSettings;
import org.sovereignai.curation.Workspace;

/** The project's database as an embedded H2 file in a test folder (migrated, sources tables included). */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static CurationDatabase open(Path folder) {
        return CurationDatabase.open(org.sovereignai.app.Settings.load(new Workspace(folder)).withDbUrl(CurationSettings.embeddedUrl(folder)));
    }
}
