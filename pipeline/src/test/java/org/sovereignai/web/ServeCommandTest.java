package org.sovereignai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.cli.Sai;

/** {@code ./sai serve} refuses an address it cannot listen on with one line and exit 2, before starting anything. */
class ServeCommandTest {
    @TempDir
    Path home;

    @org.junit.jupiter.api.BeforeEach
    void projectFolder() throws java.io.IOException {
        for (String sub : new String[] {"schemas", "snapshots"}) java.nio.file.Files.createDirectories(home.resolve(sub));
    }

    private String run(int expected, String... args) {
        StringWriter out = new StringWriter();
        int code = Sai.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
        assertEquals(expected, code, out.toString());
        return out.toString();
    }

    @Test
    void aBusyPortIsOneLineAndExit2() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String out = run(2, "serve", "--home", home.toString(), "--port", Integer.toString(busy.getLocalPort()));
            assertTrue(out.contains("cannot listen on 127.0.0.1:" + busy.getLocalPort() + ": the port is already in use"), out);
            assertEquals(1, out.strip().lines().count(), out);
            assertFalse(out.contains("\tat "), out);
        }
    }

    @Test
    void aBadAddressOrPortIsOneLineAndExit2() {
        String bad = run(2, "serve", "--home", home.toString(), "--host", "no-such-host.invalid");
        assertTrue(bad.contains("cannot listen on 'no-such-host.invalid': not an address of this machine"), bad);
        String port = run(2, "serve", "--home", home.toString(), "--port", "70000");
        assertTrue(port.contains("the port must be from 0 to 65535"), port);
    }
}
