package org.sovereignai.sources;

/** One URL after fetching: the outcome, and what was parsed from its body (null when there was no new body). */
public record FetchedPage(FetchOutcome outcome, PageInfo page) {
}
