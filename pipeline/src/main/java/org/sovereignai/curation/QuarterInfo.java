package org.sovereignai.curation;

import java.time.OffsetDateTime;

/** A quarter in the database: {@code open}, {@code released} or {@code closed}; baseRelease null for a first quarter. */
public record QuarterInfo(String name, String baseRelease, String state, OffsetDateTime openedAt) {
    public static final String OPEN = "open";
    public static final String RELEASED = "released";
    public static final String CLOSED = "closed";
}
