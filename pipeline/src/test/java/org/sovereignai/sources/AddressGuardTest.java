package org.sovereignai.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Server-side request forgery guard: literal addresses, so no DNS is needed. */
class AddressGuardTest {
    final AddressGuard guard = new AddressGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/", "http://127.8.9.10/", "http://[::1]/", "http://10.1.2.3/", "http://172.16.0.1/",
        "http://192.168.1.1/", "http://169.254.10.10/", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/",
        "http://[fc00::1]/", "http://[fd00:ec2::254]/", "http://[fe80::1]/", "http://224.0.0.1/", "http://0.0.0.0/",
        "http://[::ffff:127.0.0.1]/", "http://[::ffff:a00:1]/", "http://[2002:a00:1::]/", "http://[64:ff9b::a9fe:a9fe]/",
        "http://255.255.255.255/", "http://2130706433/",
    })
    void refusesInternalAddresses(String url) throws Exception {
        assertNotNull(guard.refusal(URI.create(url)), url + " must be refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://8.8.8.8/file", "file:///etc/passwd", "gopher://8.8.8.8/", "javascript:alert(1)"})
    void refusesSchemesOtherThanHttp(String url) throws Exception {
        String why = guard.refusal(URI.create(url));
        assertNotNull(why);
    }

    @Test
    void allowsPublicAddresses() throws Exception {
        assertNull(guard.refusal(URI.create("https://8.8.8.8/")));
        assertNull(guard.refusal(URI.create("http://[2001:4860:4860::8888]/")));
    }

    @Test
    void theTestAllowanceLetsLoopbackThroughButNothingElse() throws Exception {
        AddressGuard tests = new AddressGuard(true);
        assertNull(tests.refusal(URI.create("http://127.0.0.2:8080/")));
        assertNull(tests.refusal(URI.create("http://[::1]/")));
        assertNotNull(tests.refusal(URI.create("http://10.0.0.1/")));
        assertNotNull(tests.refusal(URI.create("http://169.254.169.254/")));
    }

    @Test
    void internationalisedHostNamesAreReadInTheirAsciiForm() throws Exception {
        assertEquals("xn--bcher-kva.example", Fetcher.asciiHost(new URI("https://bücher.example:8443/a?b=c")).getHost());
        assertEquals(8443, Fetcher.asciiHost(new URI("https://bücher.example:8443/a?b=c")).getPort());
    }

    @Test
    void credentialsInUrlsAreRefused() throws Exception {
        assertTrue(guard.refusal(URI.create("http://user:pw@8.8.8.8/")).contains("password"));
    }

    @Test
    void anOctalLookingAddressIsReadAsTheClientReadsItDecimal() throws Exception {
        // Java (and so the HTTP client that would connect) reads 0177.0.0.1 as 177.0.0.1, a public address, not as
        // octal 127.0.0.1: the guard judges the address the connection would really go to
        java.net.InetAddress a = java.net.InetAddress.getByName("0177.0.0.1");
        assertEquals("177.0.0.1", a.getHostAddress());
        assertEquals(null, new AddressGuard(false).refusal(a));
        org.junit.jupiter.api.Assertions.assertNotNull(new AddressGuard(false).refusal(java.net.InetAddress.getByName("127.0.0.1")));
    }
}
