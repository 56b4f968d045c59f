package io.qunyun.rules.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The built-in workbooks compiled when the service is built, not when it starts: the build runs {@link #main}
 * after compiling the classes (exec-maven-plugin, phase process-classes, rules-service/pom.xml), which compiles
 * every built-in workbook once with {@link TableCompiler#build} and writes the module's class files and the
 * decision sheets read from the workbooks into {@value #RESOURCE}. At startup the catalog loads that module
 * ({@link TableCompiler#load}: the same loading a run-time compile ends with) instead of compiling: no XLSX
 * parsing, DRL generation or Java compiler run, only the rule bases built from the executable model.
 *
 * <p>The module is used only when it was built from exactly these workbooks (SHA-256 of each, i.e. its
 * version) and these fact classes (SHA-256 of the class files of every rule unit and of the types its data
 * sources hold, which the generated code calls); otherwise the catalog compiles at startup as before, and says why. Versions
 * published by analysts are compiled at run time as before.
 */
public final class PrebuiltTables {

    private static final Logger LOG = Logger.getLogger(PrebuiltTables.class);

    /** Classpath location of the module written by the build. */
    public static final String RESOURCE = "io/qunyun/rules/prebuilt/decision-tables.zip";

    private static final String MANIFEST = "manifest.properties";
    private static final String SHEETS = "sheets/";
    private static final String CLASSES = "classes/";
    /** The classes the generated rule code calls (units, facts, their outputs): a change means rebuilding the module. */
    private static final String FACT_CLASSES = "fact.classes";
    private static final String FACT_FINGERPRINT = "fact.fingerprint";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private PrebuiltTables() {
    }

    /**
     * Writes {@value #RESOURCE} under the given classes directory (the build's {@code target/classes}).
     *
     * @param args the classes directory
     */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        long start = System.nanoTime();
        TableCompiler.Module module = TableCompiler.build(DecisionTableCatalog.builtInSources());
        Path target = classes.resolve(RESOURCE);
        Files.createDirectories(target.getParent());
        Files.write(target, write(module));
        System.out.printf("[prebuilt-tables] %d built-in decision tables compiled into %s (%d class files) in %d ms%n",
                module.sources().size(), target, module.files().size(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The class files the generated code of these tables links against: each rule unit's data class, the types its
     * data sources hold (the facts whose fields the rows read and set) and their nested classes, by resource path.
     */
    static List<String> factClasses(TableCompiler.Module module) {
        java.util.Set<Class<?>> classes = new java.util.HashSet<>();
        for (Map.Entry<DecisionTable, List<DecisionTableSheet>> table : module.sheets().entrySet()) {
            for (String unitName : TableCompiler.unitNames(table.getKey(), table.getValue())) {
                Class<?> unit;
                try {
                    unit = Class.forName(unitName, false, PrebuiltTables.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("no rule unit class " + unitName, e);
                }
                classes.add(unit);
                for (java.lang.reflect.Field field : unit.getDeclaredFields()) {
                    if (field.getGenericType() instanceof java.lang.reflect.ParameterizedType type) {
                        for (java.lang.reflect.Type argument : type.getActualTypeArguments()) {
                            if (argument instanceof Class<?> fact) {
                                classes.add(fact);
                                classes.addAll(List.of(fact.getDeclaredClasses()));
                            }
                        }
                    }
                }
            }
        }
        return classes.stream().filter(c -> c.getName().startsWith("io.qunyun."))
                .map(c -> c.getName().replace('.', '/') + ".class").sorted().toList();
    }

    private static byte[] write(TableCompiler.Module module, List<String> factClasses) throws IOException {
        Properties manifest = new Properties();
        for (Map.Entry<DecisionTable, TableCompiler.Source> source : module.sources().entrySet()) {
            manifest.setProperty(source.getKey().name(), TableCompiler.sha256(source.getValue().workbook()));
        }
        manifest.setProperty(FACT_CLASSES, String.join(",", factClasses));
        manifest.setProperty(FACT_FINGERPRINT, fingerprint(factClasses));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            manifest.store(text, "built-in decision tables compiled at build time (PrebuiltTables)");
            entry(zip, MANIFEST, text.toByteArray());
            for (Map.Entry<DecisionTable, List<DecisionTableSheet>> sheets : module.sheets().entrySet()) {
                entry(zip, SHEETS + sheets.getKey().name() + ".json", JSON.writeValueAsBytes(sheets.getValue()));
            }
            for (Map.Entry<String, byte[]> file : new TreeMap<>(module.files()).entrySet()) {
                entry(zip, CLASSES + file.getKey(), file.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0); // the manifest's header holds the build time
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * The built-in tables from the module written at build time, loaded and ready to decide, when it was built
     * from exactly {@code sources} and the fact classes on the classpath; empty (with the reason logged) otherwise.
     */
    static Optional<Map<DecisionTable, CompiledTable>> load(Map<DecisionTable, TableCompiler.Source> sources) {
        Optional<byte[]> module = resource();
        if (module.isEmpty()) {
            LOG.infof("No %s on the classpath (a build without its process-classes step): compiling the built-in tables", RESOURCE);
            return Optional.empty();
        }
        return load(sources, module.get(), RESOURCE);
    }

    /**
     * Identifies this build of the service (SHA-256 of its {@value #RESOURCE}, which changes with every build):
     * the key under which compiled published versions are stored. Empty without the resource (then nothing is stored).
     */
    public static Optional<String> build() {
        return BUILD;
    }

    private static final Optional<String> BUILD = resource().map(TableCompiler::sha256);

    private static Optional<byte[]> resource() {
        try (InputStream in = PrebuiltTables.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One compiled version of one table in the format of {@value #RESOURCE} (to store it). */
    public static byte[] write(TableCompiler.Module module) {
        try {
            return write(module, factClasses(module));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table stored with {@link #write(TableCompiler.Module)}, if it was built from {@code source} and these fact classes. */
    public static Optional<CompiledTable> load(DecisionTable table, TableCompiler.Source source, byte[] module) {
        return load(Map.of(table, source), module, table.tableName() + " " + TableCompiler.sha256(source.workbook()))
                .map(tables -> tables.get(table));
    }

    private static Optional<Map<DecisionTable, CompiledTable>> load(Map<DecisionTable, TableCompiler.Source> sources, byte[] module,
            String what) {
        Properties manifest = new Properties();
        Map<DecisionTable, List<DecisionTableSheet>> sheets = new EnumMap<>(DecisionTable.class);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(module))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                byte[] content = zip.readAllBytes();
                if (name.equals(MANIFEST)) {
                    manifest.load(new StringReader(new String(content, StandardCharsets.ISO_8859_1)));
                } else if (name.startsWith(SHEETS)) {
                    DecisionTable table = DecisionTable.valueOf(name.substring(SHEETS.length(), name.length() - ".json".length()));
                    sheets.put(table, immutable(JSON.readValue(content, new TypeReference<List<DecisionTableSheet>>() {
                    })));
                } else if (name.startsWith(CLASSES)) {
                    files.put(name.substring(CLASSES.length()), content);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf(e, "Cannot read the compiled %s: compiling it", what);
            return Optional.empty();
        }
        for (Map.Entry<DecisionTable, TableCompiler.Source> source : sources.entrySet()) {
            String built = manifest.getProperty(source.getKey().name());
            String version = TableCompiler.sha256(source.getValue().workbook());
            if (!version.equals(built) || !sheets.containsKey(source.getKey())) {
                LOG.infof("The compiled %s was built from %s of %s, the workbook is %s: compiling it", what, built,
                        source.getKey().tableName(), version);
                return Optional.empty();
            }
        }
        String factClasses = manifest.getProperty(FACT_CLASSES, "");
        String fingerprint = fingerprint(factClasses.isEmpty() ? List.of() : List.of(factClasses.split(",")));
        if (!fingerprint.equals(manifest.getProperty(FACT_FINGERPRINT))) {
            LOG.infof("The compiled %s was built with other fact classes than these: compiling it", what);
            return Optional.empty();
        }
        Map<DecisionTable, List<DecisionTableSheet>> own = new EnumMap<>(DecisionTable.class);
        sources.keySet().forEach(table -> own.put(table, sheets.get(table)));
        try {
            return Optional.of(TableCompiler.load(new TableCompiler.Module(sources, own, files)));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Cannot load the compiled %s: compiling it", what);
            return Optional.empty();
        }
    }

    /** SHA-256 over the names and bytes of these class files as the class loader finds them ("missing" for one it does not). */
    private static String fingerprint(List<String> classFiles) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ClassLoader loader = PrebuiltTables.class.getClassLoader();
            for (String name : classFiles) {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                try (InputStream in = loader.getResourceAsStream(name)) {
                    digest.update(in == null ? "missing".getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As immutable as the sheets {@link DecisionTableSheet#read} returns (a compiled table is shared by every decision). */
    private static List<DecisionTableSheet> immutable(List<DecisionTableSheet> sheets) {
        List<DecisionTableSheet> copies = new ArrayList<>();
        for (DecisionTableSheet sheet : sheets) {
            List<DecisionTableSheet.Rule> rules = sheet.rules().stream()
                    .map(r -> new DecisionTableSheet.Rule(r.row(), r.name(), r.priority(),
                            Collections.unmodifiableMap(new LinkedHashMap<>(r.cells()))))
                    .toList();
            copies.add(new DecisionTableSheet(sheet.name(), sheet.ruleSet(), sheet.unit(), List.copyOf(sheet.columns()), rules));
        }
        return List.copyOf(copies);
    }
}
