package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;

import org.sovereignai.app.ShowHistory;
import org.sovereignai.curation.ChangeState;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationRepository;
import org.sovereignai.curation.History;
import org.sovereignai.curation.ProposedChange;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;


/** {@code sai history RECORD_ID}: the releases a record appeared in and every change to it, with who and when. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "A record's story: every release it appeared in and every proposed change, who proposed and decided it, and when. "
                + "Exit 1 when the id is unknown.")
public final class HistoryCommand extends CurationCommand {
    @Parameters(paramLabel = "RECORD_ID")
    String id;

    @Option(names = "--audit", description = "also print the raw audit log lines for the record")
    boolean audit;

    @Override
    int execute(Curation cur, PrintWriter out) throws IOException {
        History.RecordHistory h = new ShowHistory(cur).run(id);
        out.println(id);
        out.println("releases: " + (h.releases().isEmpty() ? "(none yet)" : ""));
        for (History.Appearance a : h.releases()) out.println("  " + a.release() + "  " + a.name());
        out.println("changes:" + (h.changes().isEmpty() ? " (none)" : ""));
        for (ProposedChange c : h.changes()) {
            out.println("  " + c.label() + " " + c.quarter() + "  " + c.describe());
            out.println("      proposed by " + c.curator() + " in " + c.submissionLabel() + " (cell " + c.cell() + ")");
            if (c.state() == ChangeState.PENDING) {
                out.println("      pending review");
            } else {
                out.println("      " + c.state().value() + " by " + c.decidedBy() + " on " + c.decidedAt()
                        + (c.decisionReason() == null ? "" : ": " + c.decisionReason()));
            }
        }
        if (audit) {
            out.println("audit log:");
            for (CurationRepository.AuditEntry e : h.audit()) {
                out.println("  " + e.at() + "  " + e.actor() + "  " + e.action() + "  " + (e.detail() == null ? "" : e.detail()));
            }
        }
        return 0;
    }
}
