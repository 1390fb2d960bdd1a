package org.sovereignai.release;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The one way this code runs work side by side (two cores are the common case): {@link #both} runs one task on a new
 * thread and the other on the caller's, waits for both, and rethrows a failure as it happened. Nothing else here starts
 * threads. Used where it measurably pays: checking the existing releases while the sheet is validated, writing the
 * record files while the change reports are made, verifying two releases.
 */
public final class Parallel {
    private Parallel() {
    }

    /** The results of two tasks. */
    public record Both<A, B>(A first, B second) {
    }

    /**
     * Runs {@code first} on a new thread and {@code second} on this one; returns when both have ended. A failure of
     * either (the first task's when both fail) is rethrown as it was: an IOException, an unchecked exception or an
     * error; any other checked exception arrives wrapped in an IOException.
     */
    public static <A, B> Both<A, B> both(Callable<A> first, Callable<B> second) throws IOException {
        FutureTask<A> task = new FutureTask<>(first);
        Thread thread = new Thread(task, "sai-parallel");
        thread.setDaemon(true);
        thread.start();
        B b;
        try {
            b = second.call();
        } catch (Exception | Error e) {
            join(task);          // the other task never outlives this call
            throw rethrow(e);
        }
        return new Both<>(join(task), b);
    }

    /** Waits for the task however often this thread is interrupted (a task never outlives its caller), then restores the interrupt. */
    private static <A> A join(FutureTask<A> task) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static IOException rethrow(Throwable e) {
        if (e instanceof IOException io) return io;
        if (e instanceof RuntimeException re) throw re;
        if (e instanceof Error err) throw err;
        return new IOException(e.getMessage(), e);
    }
}
