import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What CI needs to build the services' images with quarkus-container-image-jib on a machine without
 * Docker and without access to a public registry (docs/operations.md, "Images"):
 *
 * <pre>
 *   Registry serve PORT DIR            a minimal registry (Docker Registry HTTP API V2: blobs, chunked
 *                                      uploads, cross-repository mounts, manifests) storing in DIR
 *   Registry base DIR NAME:TAG         a Java 17 base image made of this machine's JDK and the shared
 *                                      libraries it links (ldd), user 185, stored into DIR as NAME:TAG
 *   Registry unpack DIR NAME:TAG ROOT  the image's layers, in order, extracted into ROOT (a root file
 *                                      system to chroot into: proves the image holds a runnable JVM and app)
 * </pre>
 *
 * Not a production registry: no authentication, no deletion, one process. Production pushes to the
 * team's registry (QUARKUS_CONTAINER_IMAGE_REGISTRY) on the Red Hat OpenJDK base.
 */
public class Registry {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final Pattern BLOB = Pattern.compile("^/v2/(.+)/blobs/(sha256:[0-9a-f]{64})$");
    static final Pattern UPLOADS = Pattern.compile("^/v2/(.+)/blobs/uploads/?$");
    static final Pattern UPLOAD = Pattern.compile("^/v2/(.+)/blobs/uploads/([0-9a-f-]{36})$");
    static final Pattern MANIFEST = Pattern.compile("^/v2/(.+)/manifests/([^/]+)$");

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "serve" -> serve(Integer.parseInt(args[1]), Path.of(args[2]));
            case "base" -> base(Path.of(args[1]), args[2]);
            case "unpack" -> unpack(Path.of(args[1]), args[2], Path.of(args[3]));
            default -> {
                System.err.println("usage: Registry serve PORT DIR | base DIR NAME:TAG | unpack DIR NAME:TAG ROOT");
                System.exit(2);
            }
        }
    }

    // --- the registry ---------------------------------------------------------------------------------

    static void serve(int port, Path dir) throws IOException {
        Store store = new Store(dir);
        var server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(store, exchange);
            } catch (RuntimeException | IOException e) {
                System.err.println("registry: " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + e);
                try {
                    exchange.sendResponseHeaders(500, -1);
                } catch (IOException ignored) {
                    // the answer had started; the client sees a broken response
                }
            }
        });
        server.start();
        System.out.println("registry listening on 127.0.0.1:" + port + ", storing in " + dir);
    }

    static void handle(Store store, com.sun.net.httpserver.HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
        var headers = ex.getResponseHeaders();
        headers.set("Docker-Distribution-API-Version", "registry/2.0");
        String base = "http://" + ex.getRequestHeaders().getFirst("Host");
        Matcher m;
        if (path.equals("/v2/") || path.equals("/v2")) {
            ex.sendResponseHeaders(200, -1);
        } else if ((m = BLOB.matcher(path)).matches()) {
            Path blob = store.blob(m.group(2));
            if (!Files.exists(blob)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            headers.set("Docker-Content-Digest", m.group(2));
            headers.set("Content-Type", "application/octet-stream");
            if (method.equals("HEAD")) {
                headers.set("Content-Length", Long.toString(Files.size(blob)));
                ex.sendResponseHeaders(200, -1);
            } else {
                ex.sendResponseHeaders(200, Files.size(blob));
                try (OutputStream out = ex.getResponseBody()) {
                    Files.copy(blob, out);
                }
            }
        } else if ((m = UPLOADS.matcher(path)).matches() && method.equals("POST")) {
            String mount = param(query, "mount");
            if (mount != null && Files.exists(store.blob(mount))) {
                // every repository shares the blob store, so a cross-repository mount always succeeds
                headers.set("Location", base + "/v2/" + m.group(1) + "/blobs/" + mount);
                headers.set("Docker-Content-Digest", mount);
                ex.sendResponseHeaders(201, -1);
                return;
            }
            String id = UUID.randomUUID().toString();
            Files.createFile(store.upload(id));
            headers.set("Location", base + "/v2/" + m.group(1) + "/blobs/uploads/" + id);
            headers.set("Range", "0-0");
            headers.set("Docker-Upload-UUID", id);
            ex.sendResponseHeaders(202, -1);
        } else if ((m = UPLOAD.matcher(path)).matches()) {
            Path upload = store.upload(m.group(2));
            if (!Files.exists(upload)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            try (InputStream in = ex.getRequestBody();
                    OutputStream out = Files.newOutputStream(upload, java.nio.file.StandardOpenOption.APPEND)) {
                in.transferTo(out);
            }
            if (method.equals("PATCH")) {
                headers.set("Location", base + path);
                headers.set("Range", "0-" + Math.max(0, Files.size(upload) - 1));
                headers.set("Docker-Upload-UUID", m.group(2));
                ex.sendResponseHeaders(202, -1);
            } else if (method.equals("PUT")) {
                String digest = param(query, "digest");
                if (digest == null || !digest.equals(sha256(upload))) {
                    ex.sendResponseHeaders(400, -1); // DIGEST_INVALID
                    return;
                }
                Files.move(upload, store.blob(digest), StandardCopyOption.REPLACE_EXISTING);
                headers.set("Location", base + "/v2/" + m.group(1) + "/blobs/" + digest);
                headers.set("Docker-Content-Digest", digest);
                ex.sendResponseHeaders(201, -1);
            } else {
                ex.sendResponseHeaders(405, -1);
            }
        } else if ((m = MANIFEST.matcher(path)).matches()) {
            String repo = m.group(1);
            String ref = m.group(2);
            if (method.equals("PUT")) {
                byte[] body = ex.getRequestBody().readAllBytes();
                String type = ex.getRequestHeaders().getFirst("Content-Type");
                String digest = store.putManifest(repo, ref, body, type == null ? DOCKER_MANIFEST : type);
                headers.set("Location", base + "/v2/" + repo + "/manifests/" + digest);
                headers.set("Docker-Content-Digest", digest);
                ex.sendResponseHeaders(201, -1);
                return;
            }
            Store.Manifest manifest = store.manifest(repo, ref);
            if (manifest == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            headers.set("Content-Type", manifest.type());
            headers.set("Docker-Content-Digest", manifest.digest());
            if (method.equals("HEAD")) {
                headers.set("Content-Length", Integer.toString(manifest.body().length));
                ex.sendResponseHeaders(200, -1);
            } else {
                ex.sendResponseHeaders(200, manifest.body().length);
                ex.getResponseBody().write(manifest.body());
            }
        } else {
            ex.sendResponseHeaders(404, -1);
        }
    }

    static String param(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Blobs by digest, uploads in progress, manifests by repository and tag or digest; all on disk. */
    record Store(Path dir) {
        record Manifest(byte[] body, String type, String digest) {
        }

        Store {
            try {
                Files.createDirectories(dir.resolve("blobs"));
                Files.createDirectories(dir.resolve("uploads"));
                Files.createDirectories(dir.resolve("manifests"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        Path blob(String digest) {
            return dir.resolve("blobs").resolve(digest.replace(':', '-'));
        }

        Path upload(String id) {
            return dir.resolve("uploads").resolve(id);
        }

        Path manifestFile(String repo, String ref) {
            return dir.resolve("manifests").resolve(repo.replace('/', '+') + "@" + ref.replace(':', '-'));
        }

        synchronized String putManifest(String repo, String ref, byte[] body, String type) throws IOException {
            String digest = "sha256:" + HexFormat.of().formatHex(sha(body));
            byte[] stored = (type + "\n").getBytes(StandardCharsets.UTF_8);
            for (String key : Set.of(ref, digest)) {
                Path file = manifestFile(repo, key);
                Files.write(file, concat(stored, body));
            }
            return digest;
        }

        Manifest manifest(String repo, String ref) throws IOException {
            Path file = manifestFile(repo, ref);
            if (!Files.exists(file)) {
                return null;
            }
            byte[] all = Files.readAllBytes(file);
            int nl = 0;
            while (all[nl] != '\n') {
                nl++;
            }
            byte[] body = java.util.Arrays.copyOfRange(all, nl + 1, all.length);
            return new Manifest(body, new String(all, 0, nl, StandardCharsets.UTF_8),
                    "sha256:" + HexFormat.of().formatHex(sha(body)));
        }
    }

    // --- the base image -------------------------------------------------------------------------------

    /** This machine's JDK, the libraries its binaries link, /etc/passwd with user 185, /tmp. */
    static void base(Path dir, String image) throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
        Set<Path> files = new TreeSet<>();
        collect(javaHome, files);
        // a runtime, not a development kit: no modules for jlink, headers, sources or manual pages
        files.removeIf(p -> p.startsWith(javaHome.resolve("jmods")) || p.startsWith(javaHome.resolve("include"))
                || p.startsWith(javaHome.resolve("man")) || p.startsWith(javaHome.resolve("demo"))
                || p.equals(javaHome.resolve("lib/src.zip")) || !Files.exists(p));
        // the JDK's links into /etc (configuration, CA certificates) come along with their targets
        for (Path p : new ArrayList<>(files)) {
            if (Files.isSymbolicLink(p)) {
                Path target = p.toRealPath();
                collect(target, files);
            }
        }
        Set<Path> libraries = new LinkedHashSet<>();
        for (Path p : files) {
            String name = p.getFileName().toString();
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && (name.endsWith(".so") || p.getParent().endsWith("bin"))) {
                libraries.addAll(ldd(p));
            }
        }
        // the libraries are stored as plain files at the paths the loader looks for them (on a merged-/usr
        // host /lib and /lib64 are links; in the image they are directories)
        files.removeAll(libraries);
        ByteArrayOutputStream layer = new ByteArrayOutputStream();
        MessageDigest diffId = MessageDigest.getInstance("SHA-256");
        try (var gzip = new GZIPOutputStream(layer);
                var tar = new TarArchiveOutputStream(new DigestOutputStream(gzip, diffId))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            Set<String> dirs = new TreeSet<>();
            Set<Path> all = new TreeSet<>(files);
            all.addAll(libraries);
            for (Path p : all) {
                for (Path parent = p.getParent(); parent != null && parent.getNameCount() > 0; parent = parent.getParent()) {
                    dirs.add(parent.toString());
                }
            }
            dirs.add("/tmp");
            dirs.add("/proc"); // mount points a container runtime (or scripts/images' chroot check) fills
            dirs.add("/dev");
            dirs.add("/sys");
            dirs.add("/etc");
            dirs.add("/home/jboss");
            for (String d : dirs) {
                TarArchiveEntry entry = new TarArchiveEntry(d.substring(1) + "/");
                entry.setMode(d.equals("/tmp") ? 01777 : d.equals("/home/jboss") ? 0755 : 0755);
                if (d.equals("/home/jboss")) {
                    entry.setIds(185, 0);
                }
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
            for (Path p : files) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String name = p.toString().substring(1);
                if (Files.isSymbolicLink(p)) {
                    TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                    entry.setLinkName(Files.readSymbolicLink(p).toString());
                    tar.putArchiveEntry(entry);
                } else {
                    TarArchiveEntry entry = new TarArchiveEntry(p.toFile(), name);
                    entry.setMode(mode(p));
                    tar.putArchiveEntry(entry);
                    Files.copy(p, tar);
                }
                tar.closeArchiveEntry();
            }
            for (Path lib : libraries) {
                TarArchiveEntry entry = new TarArchiveEntry(lib.toString().substring(1));
                entry.setSize(Files.size(lib));
                entry.setMode(0755);
                tar.putArchiveEntry(entry);
                Files.copy(lib, tar);
                tar.closeArchiveEntry();
            }
            byte[] passwd = "root:x:0:0:root:/root:/sbin/nologin\njboss:x:185:0:JBoss user:/home/jboss:/sbin/nologin\n"
                    .getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("etc/passwd");
            entry.setSize(passwd.length);
            entry.setMode(0644);
            tar.putArchiveEntry(entry);
            tar.write(passwd);
            tar.closeArchiveEntry();
        }
        byte[] layerBytes = layer.toByteArray();
        Store store = new Store(dir);
        String layerDigest = putBlob(store, layerBytes);
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", "amd64").put("os", "linux");
        ObjectNode cfg = config.putObject("config");
        cfg.putArray("Env").add("PATH=" + javaHome.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin")
                .add("JAVA_HOME=" + javaHome).add("LANG=C.UTF-8");
        cfg.put("User", "185");
        cfg.put("WorkingDir", "/home/jboss");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add("sha256:" + HexFormat.of().formatHex(diffId.digest()));
        String configDigest = putBlob(store, JSON.writeValueAsBytes(config));
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2).put("mediaType", DOCKER_MANIFEST);
        manifest.putObject("config").put("mediaType", "application/vnd.docker.container.image.v1+json")
                .put("size", JSON.writeValueAsBytes(config).length).put("digest", configDigest);
        manifest.putArray("layers").addObject().put("mediaType", "application/vnd.docker.image.rootfs.diff.tar.gzip")
                .put("size", layerBytes.length).put("digest", layerDigest);
        String[] nameTag = image.split(":", 2);
        store.putManifest(nameTag[0], nameTag[1], JSON.writeValueAsBytes(manifest), DOCKER_MANIFEST);
        System.out.printf("base image %s: %d files of %s and %d libraries, one layer of %.1f MB%n", image, files.size(),
                javaHome, libraries.size(), layerBytes.length / 1e6);
    }

    static void collect(Path root, Set<Path> into) throws IOException {
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            try (var walk = Files.walk(root)) {
                walk.forEach(into::add);
            }
        } else {
            into.add(root);
        }
    }

    static List<Path> ldd(Path binary) throws Exception {
        Process ldd = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
        String out = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ldd.waitFor();
        List<Path> libs = new ArrayList<>();
        Matcher m = Pattern.compile("(/[^\\s]+) \\(0x").matcher(out);
        while (m.find()) {
            libs.add(Path.of(m.group(1)));
        }
        return libs;
    }

    static int mode(Path p) throws IOException {
        int mode = 0;
        for (PosixFilePermission perm : Files.getPosixFilePermissions(p)) {
            mode |= 1 << (8 - perm.ordinal());
        }
        return mode;
    }

    static String putBlob(Store store, byte[] bytes) throws IOException {
        String digest = "sha256:" + HexFormat.of().formatHex(sha(bytes));
        Files.write(store.blob(digest), bytes);
        return digest;
    }

    // --- unpacking an image ---------------------------------------------------------------------------

    static void unpack(Path dir, String image, Path root) throws IOException {
        Store store = new Store(dir);
        String[] nameTag = image.split(":", 2);
        Store.Manifest manifest = store.manifest(nameTag[0], nameTag[1]);
        if (manifest == null) {
            throw new IllegalArgumentException("no image " + image + " in " + dir);
        }
        JsonNode m = JSON.readTree(manifest.body());
        Files.createDirectories(root);
        int files = 0;
        for (JsonNode layer : (ArrayNode) m.get("layers")) {
            try (var tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(
                    store.blob(layer.get("digest").asText()))))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = root.resolve(entry.getName()).normalize();
                    if (!target.startsWith(root)) {
                        throw new IOException("layer entry outside the root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                        target.toFile().setExecutable((entry.getMode() & 0111) != 0, false);
                        files++;
                    }
                }
            }
        }
        JsonNode config = JSON.readTree(Files.readAllBytes(store.blob(m.get("config").get("digest").asText())));
        Files.writeString(root.resolve(".image-config.json"), config.toPrettyString());
        System.out.printf("%s: %d layers, %d files into %s%n", image, m.get("layers").size(), files, root);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
