package org.sovereignai.accounts;

import java.time.OffsetDateTime;

/** An account as the operator lists it (never its password or tokens, which are only stored as hashes). */
public record Account(String name, Role role, boolean disabled, OffsetDateTime createdAt) {
}
