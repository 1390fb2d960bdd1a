package org.sovereignai.sheet;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a sheet's rows on a second thread, in batches, while the caller checks the rows already read: parsing and
 * checking then share the machine's cores instead of taking turns. Rows, their reader notes and a reading failure
 * arrive in file order, exactly as from the wrapped sheet; only a bounded number of batches is ever in flight.
 */
public final class ReadAheadSheet implements Sheet {
    private static final int BATCH = 512;
    private static final int BATCHES_IN_FLIGHT = 4;

    private record Batch(Row[] rows, List<ReaderNote>[] notes, int count, Throwable failure, boolean last) {
    }

    private final Sheet source;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    private final Thread reader;
    private volatile boolean closed;
    private Batch current;
    private int position;
    private List<ReaderNote> notes = List.of();

    private ReadAheadSheet(Sheet source) {
        this.source = source;
        this.reader = new Thread(this::readAll, "sai-sheet-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Wraps an open sheet (its header already read); closing the wrapper closes the sheet. */
    public static Sheet of(Sheet source) {
        return new ReadAheadSheet(source);
    }

    @SuppressWarnings("unchecked")
    private void readAll() {
        try {
            while (!closed) {
                Row[] rows = new Row[BATCH];
                List<ReaderNote>[] rowNotes = null;
                int n = 0;
                Throwable failure = null;
                boolean end = false;
                while (n < BATCH) {
                    Row r;
                    try {
                        r = source.next();
                    } catch (SheetException | RuntimeException e) {
                        failure = e;
                        break;
                    }
                    if (r == null) {
                        end = true;
                        break;
                    }
                    List<ReaderNote> drained = source.drainNotes();
                    if (!drained.isEmpty()) {
                        if (rowNotes == null) rowNotes = new List[BATCH];
                        rowNotes[n] = drained;
                    }
                    rows[n++] = r;
                }
                boolean last = end || failure != null;
                queue.put(new Batch(rows, rowNotes, n, failure, last));
                if (last) return;
            }
        } catch (InterruptedException e) {
            // closed by the consumer
        }
    }

    @Override
    public Row next() throws SheetException {
        while (true) {
            if (current != null && position < current.count) {
                notes = current.notes == null || current.notes[position] == null ? List.of() : current.notes[position];
                return current.rows[position++];
            }
            if (current != null && current.last) {
                notes = List.of();
                Throwable failure = current.failure;
                if (failure == null) return null;
                current = new Batch(new Row[0], null, 0, null, true); // report the failure once
                if (failure instanceof SheetException e) throw e;
                throw (RuntimeException) failure;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SheetException.io("file-not-readable", position(), "reading " + fileName() + " was interrupted");
            }
            position = 0;
        }
    }

    @Override
    public List<ReaderNote> drainNotes() {
        List<ReaderNote> out = notes;
        notes = List.of();
        return out;
    }

    @Override
    public String fileName() {
        return source.fileName();
    }

    @Override
    public String sheetName() {
        return source.sheetName();
    }

    @Override
    public List<String> header() {
        return source.header();
    }

    @Override
    public int headerRow() {
        return source.headerRow();
    }

    @Override
    public Lines lines() {
        return source.lines();
    }

    @Override
    public String readingNote() {
        return source.readingNote();
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        queue.clear();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
