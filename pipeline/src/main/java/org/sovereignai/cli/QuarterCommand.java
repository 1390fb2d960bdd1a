package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import org.sovereignai.app.OpenQuarter;
import org.sovereignai.app.QuarterStatus;
import org.sovereignai.curation.ChangeState;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.Quarters;
import org.sovereignai.curation.Submission;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sai quarter open QUARTER | status}. */
@Command(name = "quarter", mixinStandardHelpOptions = true,
        description = "Open a quarter for curation (one at a time) or show what is pending.",
        subcommands = {QuarterCommand.Open.class, QuarterCommand.Status.class})
public final class QuarterCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "open", mixinStandardHelpOptions = true,
            description = "Start the quarter's draft from the newest release and write the curators' templates "
                    + "(curation/templates/QUARTER.csv and .xlsx).")
    static final class Open extends CurationCommand {
        @Parameters(paramLabel = "QUARTER", description = "e.g. 2026-Q1")
        String quarter;

        @Override
        int execute(Curation cur, PrintWriter out) throws IOException {
            Quarters.Opened o = new OpenQuarter(cur).run(quarter, System.getProperty("user.name", "unknown"));
            String base = o.quarter().baseRelease() == null ? "no release yet (empty draft)" : "release " + o.quarter().baseRelease();
            out.println((o.alreadyOpen() ? "quarter " + quarter + " is already open; templates rewritten from its draft"
                    : "opened quarter " + quarter + " from " + base) + ": " + o.records() + " records");
            for (Path t : o.templates()) out.println("template: " + cur.workspace().home().relativize(t));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the open quarter: submissions and changes pending review.")
    static final class Status extends CurationCommand {
        @Override
        int execute(Curation cur, PrintWriter out) throws IOException {
            Quarters.Status s = new QuarterStatus(cur).run();
            out.println("quarter " + s.quarter().name() + " (open since " + s.quarter().openedAt() + ", from "
                    + (s.quarter().baseRelease() == null ? "no release" : "release " + s.quarter().baseRelease()) + ")");
            out.println("draft: " + s.records() + " records");
            long accepted = s.submissions().stream().filter(x -> x.outcome().equals(Submission.ACCEPTED)).count();
            out.println("submissions: " + s.submissions().size() + " (" + accepted + " accepted, "
                    + (s.submissions().size() - accepted) + " rejected)");
            out.println("changes: " + s.count(ChangeState.PENDING) + " pending, " + s.count(ChangeState.APPROVED)
                    + " approved, " + s.count(ChangeState.REJECTED) + " rejected");
            if (s.count(ChangeState.PENDING) > 0) out.println("next: ./sai review list");
            return 0;
        }
    }
}
