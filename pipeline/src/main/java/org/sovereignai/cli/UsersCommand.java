package org.sovereignai.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.sovereignai.accounts.Account;
import org.sovereignai.accounts.Accounts;
import org.sovereignai.accounts.Role;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sai users add|list|disable|token}: the accounts of the web doors, managed by the operator on the server's
 * own machine (the command line needs no account: whoever can run it can read the database anyway).
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Accounts for the web doors: curator (submits), reviewer (also decides), admin (also opens quarters, releases, manages accounts).",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class, UsersCommand.Token.class})
public final class UsersCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: add, list, disable or token");
    }

    /** Who the audit log names for the operator's changes: the operating-system account that ran the command. */
    static String operator() {
        return "operator:" + System.getProperty("user.name", "unknown");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an account. The password is read from the terminal (twice), or from the first line of standard input with --password-stdin; never from the command line.")
    static final class Add extends CurationCommand {
        @Parameters(paramLabel = "NAME", description = "1 to 64 lower-case letters, digits, '.', '_' or '-'")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "curator, reviewer or admin")
        String role;

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;

        @Override
        int execute(Curation cur, PrintWriter out) throws IOException {
            Role r = Role.of(role);
            if (r == null) throw CurationException.usage("--role '" + role + "' is not a role; allowed: curator, reviewer, admin");
            Accounts.requireName(name);
            char[] password = passwordStdin ? fromStdin() : fromTerminal();
            try {
                Account a = new Accounts(cur.dataSource()).add(name, r, password, operator());
                out.println("added " + a.name() + " (" + a.role().value() + ")");
            } finally {
                Arrays.fill(password, '\0');
            }
            return Sai.OK;
        }

        private static char[] fromStdin() throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null) throw CurationException.usage("--password-stdin: standard input is empty; give the password on its first line");
            return line.toCharArray();
        }

        private static char[] fromTerminal() {
            Console console = System.console();
            if (console == null) throw CurationException.usage("no terminal to read the password from; pipe it in with --password-stdin");
            char[] first = console.readPassword("password for the new account: ");
            char[] again = console.readPassword("the same again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw CurationException.usage("the two passwords differ; nothing was added");
            }
            Arrays.fill(again, '\0');
            return first;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every account: name, role, state, when added.")
    static final class ListUsers extends CurationCommand {
        @Override
        int execute(Curation cur, PrintWriter out) {
            java.util.List<Account> all = new Accounts(cur.dataSource()).list();
            if (all.isEmpty()) out.println("no accounts yet; add one with ./sai users add NAME --role admin");
            for (Account a : all) {
                out.printf("%-24s %-9s %-8s %s%n", a.name(), a.role().value(), a.disabled() ? "disabled" : "active", a.createdAt());
            }
            return Sai.OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account: its password and tokens stop working at once; the account stays in the audit log.")
    static final class Disable extends CurationCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int execute(Curation cur, PrintWriter out) {
            new Accounts(cur.dataSource()).disable(name, operator());
            out.println("disabled " + name);
            return Sai.OK;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Print a new API token for the account (one line on stdout, shown once: only its hash is stored). Programs send it as 'Authorization: Bearer TOKEN'.")
    static final class Token extends CurationCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int execute(Curation cur, PrintWriter out) {
            out.println(new Accounts(cur.dataSource()).newToken(name, operator()));
            return Sai.OK;
        }
    }
}
