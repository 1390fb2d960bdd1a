package org.sovereignai.release;

/**
 * Test hook for the crash test: with {@code -Dsai.test.pauseAt=POINT} a release prints {@code sai-paused:POINT} to
 * stdout at that point and waits there until the process is killed. Inert unless the property names the point.
 */
final class Pause {
    private Pause() {
    }

    static void at(String point) {
        if (!point.equals(System.getProperty("sai.test.pauseAt"))) return;
        System.out.println("sai-paused:" + point);
        System.out.flush();
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
