package org.sovereignai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sovereignai.app.Build;

class VersionTest {
    @Test
    void versionNamesTheProjectVersionAndTheCommitTheBuildCameFrom() throws Exception {
        StringWriter out = new StringWriter();
        int code = Sai.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "--version");
        assertEquals(0, code);
        Matcher m = Pattern.compile("sai (\\d+\\.\\d+\\.\\d+(?:-SNAPSHOT)?) \\(commit ([0-9a-f]{7,}|unknown)[^)]*\\)\\R")
                .matcher(out.toString());
        assertTrue(m.matches(), out.toString());
        Path home = Path.of(System.getProperty("sai.home"));
        String pom = Files.readString(home.resolve("pom.xml"));
        assertTrue(pom.contains("<version>" + m.group(1) + "</version>"), "the version is the pom's: " + m.group(1));
        // a clone (as CI builds): its HEAD. Inside a linked worktree (.git is a file) the plugin's JGit reads the main
        // checkout's HEAD instead, a known limit of git-commit-id-maven-plugin that a clone never meets
        if (Files.isDirectory(home.resolve(".git"))) {
            Process git = new ProcessBuilder("git", "-C", home.toString(), "rev-parse", "HEAD").start();
            String head = new String(git.getInputStream().readAllBytes()).strip();
            if (git.waitFor() == 0) assertTrue(head.startsWith(m.group(2)), "commit " + m.group(2) + " of HEAD " + head);
        }
    }

    @Test
    void aBuildWithoutGitHistorySaysTheCommitIsUnknown() {
        assertEquals("sai 0.1.0 (commit unknown)", new Build("0.1.0", null, false).describe());
        assertEquals("sai 0.1.0 (commit abc1234, with uncommitted changes)", new Build("0.1.0", "abc1234", true).describe());
    }
}
