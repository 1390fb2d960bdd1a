package org.sovereignai.curation;

import java.io.IOException;

import org.sovereignai.record.Schema;

/**
 * The curation workflow assembled: one database, and the services the doors (CLI commands, Camel routes) call.
 * Close it to release the database.
 */
public final class Curation implements AutoCloseable {
    private final Workspace workspace;
    private final CurationSettings settings;
    private final CurationDatabase database;
    private final CurationRepository repo;
    private final Schema schema;
    private final Quarters quarters;
    private final Submissions submissions;
    private final Review review;
    private final History history;

    private Curation(Workspace workspace, CurationSettings settings, CurationDatabase database, Schema schema) {
        this.workspace = workspace;
        this.settings = settings;
        this.database = database;
        this.schema = schema;
        this.repo = new CurationRepository(database.dataSource(), schema);
        this.quarters = new Quarters(workspace, repo, schema);
        this.submissions = new Submissions(workspace, settings, repo, schema);
        this.review = new Review(repo, quarters);
        this.history = new History(repo, workspace.snapshots(), schema);
    }

    /**
     * Opens the workflow on its database; first rolls back any large submission a killed process left half written
     * (invisible to every reader until then, see {@link Submissions#rollBackAbandoned}).
     */
    public static Curation open(Workspace workspace, CurationSettings settings) {
        Curation c = new Curation(workspace, settings, CurationDatabase.open(workspace, settings), Schema.bundled());
        try {
            c.submissions().rollBackAbandoned();
        } catch (RuntimeException e) {
            // best effort: readers ignore incomplete submissions; the next process or a retry of the file rolls it back
        }
        return c;
    }

    public Workspace workspace() {
        return workspace;
    }

    public CurationSettings settings() {
        return settings;
    }

    public Schema schema() {
        return schema;
    }

    /** The project's database (curation and sources tables), for the sources store of the same process. */
    public javax.sql.DataSource dataSource() {
        return database.dataSource();
    }

    public CurationRepository repository() {
        return repo;
    }

    public Quarters quarters() {
        return quarters;
    }

    public Submissions submissions() {
        return submissions;
    }

    public Review review() {
        return review;
    }

    public History history() {
        return history;
    }

    /** The open quarter's draft: records with approved changes, and their provenance (the seam to the release step). */
    public DraftRelease draft() {
        QuarterInfo q = quarters.requireOpen();
        return repo.read(c -> Draft.load(c, repo, schema, q)).release();
    }

    /** The draft of a named quarter (open or not). */
    public DraftRelease draft(String quarter) throws IOException {
        QuarterInfo q = repo.read(c -> repo.quarter(c, quarter)).orElseThrow(() -> CurationException.usage("no quarter " + quarter));
        return repo.read(c -> Draft.load(c, repo, schema, q)).release();
    }

    @Override
    public void close() {
        database.close();
    }
}
