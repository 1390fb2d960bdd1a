package org.sovereignai.release;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import org.sovereignai.record.Schema;
import org.sovereignai.sheet.Columns;
import org.sovereignai.sheet.Row;
import org.sovereignai.sheet.Sheet;
import org.sovereignai.sheet.SheetException;

/**
 * Reads a sheet's rows on a helper thread and hands them, in order and in batches, to a sink on the calling thread:
 * CSV parsing is most of the cost of a large diff, and this lets it run beside the diff's own work on a second core.
 * The queue is bounded, so memory stays small however large the file.
 */
final class RowPipe {
    private static final int BATCH = 1024;
    private static final List<String[]> END = new ArrayList<>();

    private RowPipe() {
    }

    static void read(Path file, Schema schema, Consumer<String[]> sink) throws SheetException {
        Sheet sheet = Sheet.open(file, null);
        BlockingQueue<List<String[]>> queue = new ArrayBlockingQueue<>(16);
        SheetException[] failure = {null};
        RuntimeException[] crash = {null};
        Thread reader = new Thread(() -> {
            try (sheet) {
                Columns columns = Columns.of(schema, sheet.header());
                List<String[]> batch = new ArrayList<>(BATCH);
                for (Row row = sheet.next(); row != null; row = sheet.next()) {
                    batch.add(columns.rawValues(row));
                    if (batch.size() == BATCH) {
                        queue.put(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) queue.put(batch);
            } catch (SheetException e) {
                failure[0] = e;
            } catch (InterruptedException e) {
                return; // the consumer gave up
            } catch (RuntimeException e) {
                crash[0] = e;
            }
            try {
                queue.put(END);
            } catch (InterruptedException ignored) {
                // the consumer gave up
            }
        }, "rows-" + file.getFileName());
        reader.setDaemon(true);
        reader.start();
        boolean done = false;
        try {
            while (true) {
                List<String[]> batch = queue.take();
                if (batch == END) break;
                for (String[] row : batch) sink.accept(row);
            }
            done = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SheetException.io("interrupted", sheet.position(), "interrupted while reading " + file.getFileName());
        } finally {
            if (!done) reader.interrupt();
        }
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] != null) throw failure[0];
        if (crash[0] != null) throw crash[0];
    }
}
