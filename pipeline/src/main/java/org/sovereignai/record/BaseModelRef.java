package org.sovereignai.record;

/** One entry of {@code base_models}: {@code family} or {@code family:variant}. */
public record BaseModelRef(String family, String variant) {

    public static BaseModelRef parse(String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0) return new BaseModelRef(entry, null);
        String variant = entry.substring(colon + 1);
        return new BaseModelRef(entry.substring(0, colon), variant.isEmpty() ? null : variant);
    }

    @Override
    public String toString() {
        return variant == null ? family : family + ":" + variant;
    }
}
