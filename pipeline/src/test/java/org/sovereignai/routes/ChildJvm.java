package org.sovereignai.routes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.sovereignai.cli.Sai;

/** A real second JVM running {@code sai} on the test's class path, its output collected line by line. */
public final class ChildJvm {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final CountDownLatch seen = new CountDownLatch(1);
    private final String waitFor;

    private ChildJvm(Process process, String waitFor) {
        this.process = process;
        this.waitFor = waitFor;
        Thread reader = new Thread(this::pump, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildJvm start(Path home, String waitFor, List<String> systemProperties, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Dsai.inbox.delay-ms=100");
        cmd.add("-Dsai.inbox.read-lock-ms=100");
        for (String p : systemProperties) cmd.add("-D" + p);
        cmd.add(Sai.class.getName());
        cmd.addAll(List.of(args));
        cmd.add("--home");
        cmd.add(home.toString());
        return new ChildJvm(new ProcessBuilder(cmd).redirectErrorStream(true).start(), waitFor);
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                }
                if (waitFor != null && line.contains(waitFor)) seen.countDown();
            }
        } catch (IOException ignored) {
            // the process was killed
        }
    }

    /** Waits until the awaited line is printed. */
    public void awaitLine(long seconds) throws InterruptedException {
        if (!seen.await(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the child never printed '" + waitFor + "'; output: " + output());
        }
    }

    /** SIGKILL: no shutdown hooks, no finally blocks, like a power cut for the process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public int waitForExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not finish; output: " + output());
        }
        return process.exitValue();
    }

    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }
}
