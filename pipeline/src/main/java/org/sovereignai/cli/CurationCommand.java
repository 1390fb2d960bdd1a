package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.sovereignai.curation.Curation;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command of the curation workflow: takes {@code --home}, opens the workflow, maps refusals to exit codes. */
abstract class CurationCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        return CurationCli.run(spec, home, this::execute);
    }

    abstract int execute(Curation curation, PrintWriter out) throws IOException;
}
