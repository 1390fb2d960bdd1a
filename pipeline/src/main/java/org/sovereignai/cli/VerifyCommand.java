package org.sovereignai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.sovereignai.app.Home;
import org.sovereignai.app.VerifyReleases;
import org.sovereignai.check.GithubAnnotations;
import org.sovereignai.release.Verification;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sai verify [DIR]}: recheck every release against its manifest and the record contract. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recheck every release in the snapshots folder: each file's sha256 and size against manifest.json, nothing "
                + "missing or extra, records valid against the record contract, index.json and latest naming real releases.",
                "Exit 0 intact, 1 a release is damaged or edited, 2 usage or I/O."})
public final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "snapshots folder (default: snapshots/)")
    Path dir;

    @Option(names = "--repair", description = "first rewrite index.json and latest from the release folders (after an interrupted release)")
    boolean repair;

    @Option(names = "--format", paramLabel = "text|github", defaultValue = "text",
            description = "text (the default) or github (workflow annotations on the files and lines of the problems)")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("github")) {
            err.println("sai verify: --format must be text or github, not '" + format + "'");
            return Sai.USAGE_OR_IO;
        }
        Home home = Home.of(null);
        Path snapshots = dir != null ? dir : home.snapshots();
        Verification v = new VerifyReleases(home).run(snapshots, repair);
        if (repair) {
            String done = new VerifyReleases(home).completeInterruptedRelease(snapshots);
            if (done != null) out.println("completed release " + done + ": its folder was in place; the quarter is now closed");
        }
        // the problems are what verify reports: on stdout, as validate's findings are; the verdict's failure on stderr
        for (Verification.Problem p : v.problems()) {
            if (format.equals("github")) {
                out.println(GithubAnnotations.annotation(p.error() ? "error" : "notice", shown(snapshots, p.file()), p.line(), "verify", p.message()));
            } else {
                out.println(p);
            }
        }
        if (v.ok()) {
            out.println("verified " + v.releases() + " release(s) in " + snapshots + ": intact");
            return Sai.OK;
        }
        out.println(v.errorMessages().size() + " problem(s) in " + snapshots);
        err.println("sai verify: " + v.errorMessages().size() + " problem(s) in " + snapshots);
        return Sai.DATA_ERROR;
    }

    /**
     * A problem's file as an annotation names it: under the snapshots folder as given, or relative to the working
     * folder (the repository root in a workflow) when the default folder lies below it.
     */
    private String shown(Path snapshots, String file) {
        Path p = dir != null ? dir.resolve(file) : snapshots.resolve(file);
        Path cwd = Path.of("").toAbsolutePath();
        if (dir == null && p.toAbsolutePath().startsWith(cwd)) p = cwd.relativize(p.toAbsolutePath());
        return p.toString().replace('\\', '/');
    }
}
