package org.sovereignai.check;

/**
 * GitHub Actions workflow commands ({@code ::error file=F,line=L,title=T::message}), the one rendering behind every
 * {@code --format github}: {@code validate}, {@code diff} and {@code verify}. {@code line} is the line of the file (for a
 * CSV the physical line on which the record starts, see {@link Report#line}); {@code %}, CR and LF are escaped in the
 * message, and {@code ,} and {@code :} also in properties, as GitHub's toolkit does.
 */
public final class GithubAnnotations {
    private GithubAnnotations() {
    }

    /**
     * One annotation line.
     *
     * @param level {@code error}, {@code warning} or {@code notice}
     * @param file  path of the file (as given on the command line), or null
     * @param line  1-based line in the file, or null
     * @param title the annotation's title (a finding code), or null
     */
    public static String annotation(String level, String file, Integer line, String title, String message) {
        StringBuilder props = new StringBuilder();
        if (file != null) props.append("file=").append(property(file));
        if (line != null) props.append(props.isEmpty() ? "" : ",").append("line=").append(line);
        if (title != null) props.append(props.isEmpty() ? "" : ",").append("title=").append(property(title));
        return "::" + level + (props.isEmpty() ? "" : " " + props) + "::" + data(message);
    }

    /** GitHub's escaping of an annotation's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** GitHub's escaping of an annotation property (file, title). */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
