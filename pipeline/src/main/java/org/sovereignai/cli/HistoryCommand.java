package org.sovereignai.cli;

import java.util.concurrent.Callable;

import org.sovereignai.curation.ChangeState;
import org.sovereignai.curation.CurationRepository;
import org.sovereignai.curation.History;
import org.sovereignai.curation.ProposedChange;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sai history RECORD_ID}: the releases a record appeared in and every change to it, with who and when. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "A record's story: every release it appeared in and every proposed change, who proposed and decided it, and when. "
                + "Exit 1 when the id is unknown.")
public final class HistoryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RECORD_ID")
    String id;

    @Option(names = "--audit", description = "also print the raw audit log lines for the record")
    boolean audit;

    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CurationCli.run(spec, home, (cur, out) -> {
            History.RecordHistory h = cur.history().of(id);
            if (h.empty()) {
                spec.commandLine().getErr().println("sai: no release and no change mentions '" + id + "'");
                return 1;
            }
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
        });
    }
}
