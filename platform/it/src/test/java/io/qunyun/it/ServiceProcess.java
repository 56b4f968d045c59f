package io.qunyun.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One packaged Qunyun service (its quarkus-run.jar) running as a child process, the way it runs in
 * production, so that platform tests can kill and restart it.
 */
final class ServiceProcess {

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> properties;
    private final Path log;
    private Process process;

    ServiceProcess(String name, Map<String, String> properties) {
        this(name, name, properties);
    }

    /** One of several instances of the same service: {@code instance} names its log file. */
    ServiceProcess(String name, String instance, Map<String, String> properties) {
        this.name = name;
        this.jar = Path.of(System.getProperty("qunyun.root", "../.."), name, "target", "quarkus-app", "quarkus-run.jar")
                .toAbsolutePath().normalize();
        this.port = freePort();
        this.properties = properties;
        this.log = Path.of("target", "platform-it", instance + ".log");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the whole reactor (./mvnw verify), "
                    + "or -pl platform/it -am");
        }
    }

    String url() {
        return "http://localhost:" + port;
    }

    ServiceProcess start() {
        return start(Map.of());
    }

    /** A restart keeps the data: the first start cleaned the test database, this one must not. */
    ServiceProcess restart() {
        return start(Map.of("quarkus.flyway.clean-at-start", "false"));
    }

    private ServiceProcess start(Map<String, String> overrides) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dquarkus.http.port=" + port));
        Map<String, String> effective = new java.util.TreeMap<>(properties);
        effective.putAll(overrides);
        effective.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        // generous: on a shared, loaded machine a packaged service took more than a minute to be ready
        awaitReady(Duration.ofSeconds(180));
        return this;
    }

    /** SIGKILL: no shutdown hooks, no graceful offset commit — the worst case for delivery guarantees. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
