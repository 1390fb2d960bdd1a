package org.sovereignai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.sovereignai.app.Home;
import org.sovereignai.check.Report;

/** What the release command still takes from here until it becomes an adapter of its use case (app.RecordInput reads inputs). */
final class RecordInput {
    private RecordInput() {
    }

    static void printFindings(Report report, PrintWriter err) {
        err.print(org.sovereignai.app.RecordInput.findings(report));
    }

    /** The snapshots folder when none is given: snapshots/ of the project. */
    static Path defaultSnapshots() {
        return Home.of(null).snapshots();
    }
}
