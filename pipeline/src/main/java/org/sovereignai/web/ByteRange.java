package org.sovereignai.web;

/**
 * One byte range of a {@code Range: bytes=...} header (RFC 9110 section 14), resolved against a file's length.
 * Only single ranges are served; a header this class does not understand (another unit, several ranges) is ignored,
 * as the RFC allows, and the whole file is sent.
 */
public record ByteRange(long start, long end) {
    /** Stands for a range outside the file: answered 416. */
    public static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    /** The range, {@link #UNSATISFIABLE}, or null to send the whole file. */
    public static ByteRange parse(String header, long length) {
        if (header == null || !header.startsWith("bytes=")) return null;
        String spec = header.substring(6).strip();
        if (spec.contains(",")) return null;
        int dash = spec.indexOf('-');
        if (dash < 0) return null;
        try {
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            if (a.isEmpty()) {   // the last b bytes
                long n = Long.parseLong(b);
                if (n <= 0) return UNSATISFIABLE;
                return length == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, length - n), length - 1);
            }
            long start = Long.parseLong(a);
            long end = b.isEmpty() ? length - 1 : Math.min(Long.parseLong(b), length - 1);
            if (start < 0 || start >= length || end < start) return UNSATISFIABLE;
            return new ByteRange(start, end);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public long length() {
        return end - start + 1;
    }

    public String contentRange(long total) {
        return "bytes " + start + "-" + end + "/" + total;
    }
}
