package org.sovereignai.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./sai} command line: one subcommand per verb; exit 0 ok, 1 bad data or a tripped gate, 2 usage or I/O. */
@Command(name = "sai",
        mixinStandardHelpOptions = true,
        versionProvider = Sai.Version.class,
        description = "Sovereign AI Index pipeline: validate curator sheets, diff and publish quarterly releases.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ValidateCommand.class,
                StatsCommand.class,
                SourcesCommand.class,
                QuarterCommand.class,
                SubmitCommand.class,
                ReviewCommand.class,
                HistoryCommand.class,
                ServeCommand.class,
                UsersCommand.class,
                SchemaCommand.class,
                DiffCommand.class,
                ReleaseCommand.class,
                VerifyCommand.class,
                DemoCommand.class,
        })
public final class Sai implements Runnable {
    public static final int OK = 0;
    public static final int DATA_ERROR = 1;
    public static final int USAGE_OR_IO = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // libraries that log through JBoss logging (Hibernate Validator) follow slf4j's settings: warnings only
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams; returns the exit code. Used by tests without a new JVM. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        // every text a command prints goes through the one escaping function: a cell's ESC or BEL never reaches a terminal
        cl.setOut(org.sovereignai.io.TerminalText.escaping(out));
        cl.setErr(org.sovereignai.io.TerminalText.escaping(err));
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // what held the memory is unreachable once the stack is unwound, so this line can still be written; what
            // the command was writing is all-or-nothing (docs/curation.md), so it is left as before or completed later
            err.println("sai: out of memory (Java heap at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB), so the command did not finish. Give it more, e.g. SAI_JAVA_OPTS=\"-XX:+UseParallelGC -Xmx4g\" ./sai ...");
            return USAGE_OR_IO;
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Sai());
        cl.setExitCodeExceptionMapper(e -> USAGE_OR_IO);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) ->
                fail(e, commandLine.getErr(), commandLine.getCommandSpec().qualifiedName() + ": "));
        cl.getCommandSpec().exitCodeOnInvalidInput(USAGE_OR_IO);
        cl.getCommandSpec().exitCodeOnExecutionException(USAGE_OR_IO);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().exitCodeOnInvalidInput(USAGE_OR_IO);
            sub.getCommandSpec().exitCodeOnExecutionException(USAGE_OR_IO);
        }
        return cl;
    }

    /**
     * The one place a failure becomes a message and an exit code: a refusal (of a use case, the workflow or a release)
     * says what to do and whether the data (1) or the request (2) is at fault; anything else is an I/O or start-up
     * failure (2), named in plain words. Never a stack trace, unless {@code -Dsai.debug=true}.
     */
    static int fail(Throwable e, PrintWriter err, String prefix) {
        int code = USAGE_OR_IO;
        if (e instanceof org.sovereignai.app.Refusal r) code = r.exitCode();
        else if (e instanceof org.sovereignai.curation.CurationException c) code = c.exitCode();
        else if (e instanceof org.sovereignai.release.ReleaseException r) code = r.exitCode();
        err.println(prefix + describe(e));
        if (Boolean.getBoolean("sai.debug")) e.printStackTrace(err);
        err.flush();
        return code;
    }

    /**
     * A failure in plain words. File-system errors carry only a path as their message ("/x/y"), which tells a curator
     * nothing; they are named for what went wrong with which file.
     */
    static String describe(Throwable e) {
        Throwable t = e instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof java.nio.file.NoSuchFileException f) return "no such file or folder: " + f.getFile();
        if (t instanceof java.nio.file.AccessDeniedException f) return "permission denied: " + f.getFile();
        if (t instanceof java.nio.file.FileAlreadyExistsException f) return "already exists: " + f.getFile();
        if (t instanceof java.nio.file.FileSystemException f) {
            return "cannot use " + f.getFile() + (f.getReason() == null ? "" : ": " + f.getReason());
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {org.sovereignai.app.Build.current().describe()};
        }
    }
}
