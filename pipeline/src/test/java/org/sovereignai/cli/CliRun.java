package org.sovereignai.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line in this JVM, through the real entry point {@link Sai#run}: what was asked, the exit code
 * and both streams.
 */
record CliRun(String args, int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Sai.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(String.join(" ", args), code, out.toString(), err.toString());
    }
}
