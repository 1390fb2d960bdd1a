package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;

import org.sovereignai.curation.Curation;

import picocli.CommandLine.Model.CommandSpec;

/** Runs a curation command: opens the workflow, maps refusals to exit codes and one-line messages (never a stack trace). */
final class CurationCli {
    private CurationCli() {
    }

    interface Body {
        int run(Curation curation, PrintWriter out) throws IOException;
    }

    static int run(CommandSpec spec, HomeOption home, Body body) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Curation curation = home.home().openCuration()) {
            return body.run(curation, out);
        } catch (IOException | RuntimeException e) {
            // refusals, database and Flyway start-up failures: the database could not be opened or migrated
            return Sai.fail(e, err, spec.qualifiedName() + ": ");
        } finally {
            out.flush();
            err.flush();
        }
    }
}
