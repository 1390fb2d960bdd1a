package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import org.sovereignai.app.ReviewChanges;
import org.sovereignai.curation.ChangeKind;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.ProposedChange;
import org.sovereignai.curation.Review;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sai review list | show ID | approve ID... | reject ID... --reason TEXT}, with {@code --reviewer NAME}. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Review proposed changes one by one. IDs are changes (C12) or whole submissions (S3).",
        subcommands = {ReviewCommand.ListPending.class, ReviewCommand.Show.class, ReviewCommand.Approve.class, ReviewCommand.Reject.class,
                ReviewCommand.Keep.class})
public final class ReviewCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String line(ProposedChange c) {
        return c.label() + "  " + c.describe() + "  [" + c.curator() + ", " + c.submissionLabel() + ", cell " + c.cell() + "]";
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Pending changes of the open quarter; conflicts are flagged.")
    static final class ListPending extends CurationCommand {
        @Override
        int execute(Curation cur, PrintWriter out) throws IOException {
            List<Review.Item> items = new ReviewChanges(cur).pending();
            if (items.isEmpty()) out.println("no changes pending review");
            for (Review.Item i : items) {
                out.println(line(i.change()) + (i.conflicted() ? "  CONFLICT with " + labels(i.rivals()) : ""));
            }
            return 0;
        }
    }

    static String labels(List<ProposedChange> changes) {
        return String.join(", ", changes.stream().map(ProposedChange::label).toList());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One change in full: values, provenance, decision.")
    static final class Show extends CurationCommand {
        @Parameters(paramLabel = "ID", description = "a change id, e.g. C12")
        String id;

        @Override
        int execute(Curation cur, PrintWriter out) throws IOException {
            Review.Item i = new ReviewChanges(cur).show(id);
            print(out, i);
            return 0;
        }

        static void print(PrintWriter out, Review.Item i) {
            ProposedChange c = i.change();
            out.println(c.label() + " (" + c.state().value() + ", quarter " + c.quarter() + ")");
            out.println("  record:   " + c.recordId());
            out.println("  change:   " + c.kind().value() + (c.field() == null ? "" : " " + c.field()));
            if (c.kind() == ChangeKind.SET) {
                out.println("  before:   " + (c.oldValue() == null ? "(blank)" : c.oldValue()));
                out.println("  after:    " + (c.newValue() == null ? "(blank)" : c.newValue()));
            } else if (c.kind() == ChangeKind.ADD) {
                out.println("  record:   " + c.newValue());
            }
            if (c.reason() != null) out.println("  reason:   " + c.reason());
            out.println("  proposed: by " + c.curator() + " in " + c.submissionLabel() + ", sheet "
                    + (c.sheet() == null ? "(csv)" : c.sheet()) + ", row " + c.row() + ", cell " + c.cell());
            out.println("  sources:  " + (c.sources() == null ? "(none)" : c.sources()));
            if (c.decidedBy() != null) {
                out.println("  decision: " + c.state().value() + " by " + c.decidedBy() + " on " + c.decidedAt()
                        + (c.decisionReason() == null ? "" : " (" + c.decisionReason() + ")"));
            }
            if (i.conflicted()) {
                for (ProposedChange r : i.rivals()) out.println("  CONFLICT: " + line(r));
            }
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve changes (all or none). A change in conflict is refused until its rival is rejected.")
    static final class Approve extends CurationCommand {
        @Parameters(arity = "1..*", paramLabel = "ID", description = "changes (C12) or submissions (S3: all its pending changes)")
        List<String> ids;

        @Option(names = "--reviewer", required = true, paramLabel = "NAME", description = "who decides")
        String reviewer;

        @Override
        int execute(Curation cur, PrintWriter out) throws IOException {
            for (ProposedChange c : new ReviewChanges(cur).approve(ids, reviewer)) out.println("approved " + line(c));
            return 0;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject changes (all or none), with a reason the curator reads.")
    static final class Reject extends CurationCommand {
        @Parameters(arity = "1..*", paramLabel = "ID", description = "changes (C12) or submissions (S3)")
        List<String> ids;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why")
        String reason;

        @Option(names = "--reviewer", required = true, paramLabel = "NAME", description = "who decides")
        String reviewer;

        @Override
        int execute(Curation cur, PrintWriter out) throws IOException {
            for (ProposedChange c : new ReviewChanges(cur).reject(ids, reviewer, reason)) out.println("rejected " + line(c));
            return 0;
        }
    }

    @Command(name = "keep", mixinStandardHelpOptions = true,
            description = "Keep one of rival changes: approve it and reject each rival with a reason naming it, all at once.")
    static final class Keep extends CurationCommand {
        @Parameters(arity = "1", paramLabel = "ID", description = "the change to keep (C12)")
        String id;

        @Option(names = "--reviewer", required = true, paramLabel = "NAME", description = "who decides")
        String reviewer;

        @Override
        int execute(Curation cur, PrintWriter out) throws IOException {
            for (ProposedChange c : new ReviewChanges(cur).keep(id, reviewer)) out.println(c.state().value() + " " + line(c));
            return 0;
        }
    }
}
