package org.sovereignai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.sovereignai.app.Home;
import org.sovereignai.app.VerifyReleases;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Home home = Home.of(null);
        Path snapshots = dir != null ? dir : home.snapshots();
        Verification v = new VerifyReleases(home).run(snapshots, repair);
        if (repair) {
            String done = new VerifyReleases(home).completeInterruptedRelease(snapshots);
            if (done != null) out.println("completed release " + done + ": its folder was in place; the quarter is now closed");
        }
        for (Verification.Problem p : v.problems()) (p.error() ? err : out).println(p);
        if (v.ok()) {
            out.println("verified " + v.releases() + " release(s) in " + snapshots + ": intact");
            return Sai.OK;
        }
        err.println("sai verify: " + v.errorMessages().size() + " problem(s) in " + snapshots);
        return Sai.DATA_ERROR;
    }
}
