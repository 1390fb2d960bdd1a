package org.sovereignai.accounts;

import java.util.Locale;

/** What an account may do; each role may do everything the roles before it may. */
public enum Role {
    /** Submits sheets and sees their own submissions and decisions. */
    CURATOR,
    /** Also approves and rejects changes. */
    REVIEWER,
    /** Also opens quarters, releases and manages accounts. */
    ADMIN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role may do what {@code needed} may. */
    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The role named {@code value} (curator, reviewer, admin), or null. */
    public static Role of(String value) {
        for (Role r : values()) if (r.value().equals(value)) return r;
        return null;
    }
}
