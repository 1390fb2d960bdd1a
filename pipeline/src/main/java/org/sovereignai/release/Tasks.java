package org.sovereignai.release;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The helper threads of a release (checking the previous release, sorting, writing, making projects.json): started one
 * way, and waited for one way, so a helper's failure reaches the caller as it happened.
 */
final class Tasks {
    private Tasks() {
    }

    /** Runs {@code work} on a new daemon thread named {@code name}. */
    static <T> FutureTask<T> start(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    /**
     * The task's result. Its IOException, unchecked exception or error is rethrown as it was; any other failure, or an
     * interruption, becomes an IOException saying what was being waited for ({@code what}, e.g. "writing the record files").
     */
    static <T> T await(Future<T> task, String what) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IOException("failed while " + what + ": " + cause, cause);
        }
    }
}
