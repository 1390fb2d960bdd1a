package org.sovereignai.release;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A dataset version MAJOR.MINOR.PATCH. */
public record SemVer(int major, int minor, int patch) implements Comparable<SemVer> {
    public static final SemVer FIRST = new SemVer(1, 0, 0);
    private static final Pattern SYNTAX = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)");

    public static SemVer parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches()) throw new IllegalArgumentException("not a version MAJOR.MINOR.PATCH: " + text);
        return new SemVer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    public SemVer bumpMajor() {
        return new SemVer(major + 1, 0, 0);
    }

    public SemVer bumpMinor() {
        return new SemVer(major, minor + 1, 0);
    }

    public SemVer bumpPatch() {
        return new SemVer(major, minor, patch + 1);
    }

    @Override
    public int compareTo(SemVer o) {
        if (major != o.major) return Integer.compare(major, o.major);
        if (minor != o.minor) return Integer.compare(minor, o.minor);
        return Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
