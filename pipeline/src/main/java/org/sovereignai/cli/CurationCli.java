package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;

import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationException;
import org.sovereignai.curation.CurationRepository;

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
        try (Curation curation = Curation.open(home.workspace())) {
            return body.run(curation, out);
        } catch (CurationException e) {
            err.println("sai: " + e.getMessage());
            return e.exitCode();
        } catch (CurationRepository.DatabaseException | IOException e) {
            err.println("sai: " + e.getMessage());
            return Sai.USAGE_OR_IO;
        } catch (RuntimeException e) {
            // Flyway and pool start-up failures: the database could not be opened or migrated
            err.println("sai: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            if (Boolean.getBoolean("sai.debug")) e.printStackTrace(err);
            return Sai.USAGE_OR_IO;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
