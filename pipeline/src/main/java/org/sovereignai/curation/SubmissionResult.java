package org.sovereignai.curation;

import java.util.List;

import org.sovereignai.check.Report;

/**
 * What became of a submission.
 *
 * @param submission null when the file was refused before it was recorded (too large)
 * @param report     the validation report (empty for a duplicate or a refusal)
 * @param message    one line for people
 * @param file       the file as identified: the quarter it went to, its size and sha256
 */
public record SubmissionResult(Outcome outcome, Submission submission, List<ProposedChange> changes, Report report,
                               String message, Submissions.Fingerprint file) {

    public enum Outcome {
        /** Valid; its changes are pending review. */
        ACCEPTED,
        /** Invalid; archived with its report, nothing proposed. */
        REJECTED,
        /** The same content was already submitted for this quarter; nothing done again. */
        DUPLICATE,
        /** Refused before reading (too large). */
        REFUSED
    }

    /** 0 accepted or already known, 1 rejected or refused (the data's fault). */
    public int exitCode() {
        return outcome == Outcome.REJECTED || outcome == Outcome.REFUSED ? 1 : 0;
    }
}
