package org.sovereignai.app;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sovereignai.io.AtomicFiles;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.RecordRow;
import org.sovereignai.sheet.SheetException;
import org.sovereignai.sources.BatchFetcher;
import org.sovereignai.sources.Candidates;
import org.sovereignai.sources.SourceChecker;
import org.sovereignai.sources.UrlList;
import org.sovereignai.sources.UrlSubmission;

/**
 * Use case: turn a plain list of URLs into a candidate sheet for curators. Every URL no record cites yet is fetched
 * (by the runner the door hands in) and becomes a pre-filled row; nothing enters the index.
 */
public final class MakeCandidates {
    /**
     * @param written      the sheet written, or null when every URL was already cited
     * @param problems     lines that are not URLs (the others were still processed)
     */
    public record Result(int candidates, int alreadyCited, Path written, List<UrlList.Problem> problems) {
    }

    private final Home home;
    private final SourceChecker.Runner runner;

    public MakeCandidates(Home home, SourceChecker.Runner runner) {
        this.home = home;
        this.runner = runner;
    }

    /** Reads the list; a list that cannot be read is refused before anything is fetched. */
    public static UrlList read(Path file) {
        try {
            return UrlList.read(file);
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
            throw Refusal.usage("cannot read " + file + ": " + why);
        }
    }

    /**
     * @param against records whose sources count as already cited (a sheet or a release folder); null: the newest release, if any
     * @param outDir  where the sheet goes; null: {@code curation/candidates}
     */
    public Result run(UrlList list, Path against, Path outDir, BatchFetcher.Progress progress) throws Exception {
        Schema schema = home.schema();
        List<String> cited = new ArrayList<>();
        Path records = against != null ? against : home.newestRelease().orElse(null);
        if (records != null) {
            try {
                for (RecordRow r : RecordsFile.read(records, schema)) cited.addAll(r.project().list(Schema.SOURCES));
            } catch (SheetException e) {
                throw Refusal.usage(e.getMessage());
            }
        }
        UrlSubmission.Result result = new UrlSubmission(schema, runner).prepare(list, cited, progress);
        Path written = null;
        if (result.sheet() != null) {
            written = Candidates.freeName(outDir != null ? outDir : home.workspace().candidates(), list.fileName());
            AtomicFiles.write(written, result.sheet());
        }
        return new Result(result.candidates(), result.alreadyCited(), written, list.problems());
    }
}
