package org.sovereignai.cli;

import java.nio.file.Path;

import org.sovereignai.app.Home;
import org.sovereignai.curation.Workspace;

import picocli.CommandLine.Option;

/** {@code --home DIR}: the project folder holding curation/ and snapshots/ (default: the sai.home property, set by ./sai). */
public final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR", description = "project folder holding curation/ and snapshots/ (default: where ./sai lives)")
    Path home;

    /**
     * The project this command works on (see {@link Home}); a folder given with {@code --home} is refused (exit 2) unless
     * it holds schemas/ and snapshots/.
     */
    public Home home() {
        return home == null ? Home.of(null) : Home.given(home);
    }

    public Workspace workspace() {
        return home().workspace();
    }
}
