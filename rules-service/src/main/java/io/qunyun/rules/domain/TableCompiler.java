package io.qunyun.rules.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.impl.InternalRuleUnit;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.jboss.logging.Logger;

/**
 * Compiles one workbook into rule units while the service runs: the decision sheet becomes DRL (the
 * engine's decision-table compiler, fed the {@linkplain CellText#plain plain text} of every cell so that
 * any spreadsheet program's way of storing booleans and numbers compiles the same), the DRL an
 * executable-model KieModule, whose class files are loaded in a class loader of their own, and its rule units
 * are looked up by their data class. Used at build time for the built-in workbooks ({@link PrebuiltTables}), on
 * upload for a candidate, and on activation.
 *
 * <p>A compile error is mapped back to the spreadsheet's rows and cells by {@link CompileErrorLocator}.
 */
public final class TableCompiler {

    private static final Logger LOG = Logger.getLogger(TableCompiler.class);

    private TableCompiler() {
    }

    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws TableCompileException with the problems located in the workbook */
    public static CompiledTable compile(DecisionTable table, byte[] workbook, HitPolicy hitPolicy) {
        return compileAll(Map.of(table, new Source(workbook, hitPolicy))).get(table);
    }

    /** A workbook to compile and the hit policy of its table. */
    public record Source(byte[] workbook, HitPolicy hitPolicy) {
    }

    /** What the engine needs of one table before the build. */
    private record Prepared(DecisionTable table, Source source, List<DecisionTableSheet> sheets, String drl) {
    }

    /**
     * The output of one build: the class files of the generated rule units (and the service file that names
     * them), by resource path, and the decision sheets read from each workbook. Enough to {@linkplain #load load}
     * the tables again without the compiler: {@link PrebuiltTables} keeps the built-in tables' module in the jar.
     */
    public record Module(Map<DecisionTable, Source> sources, Map<DecisionTable, List<DecisionTableSheet>> sheets,
            Map<String, byte[]> files) {
    }

    /**
     * Compiles several workbooks in one build (one Java compiler run and one class loader for all: the
     * startup compiles every built-in table this way, much faster than one build per table). When the build
     * fails, each table is compiled on its own so that every problem is located in its own workbook.
     *
     * @throws TableCompileException for the first table that does not compile
     */
    public static Map<DecisionTable, CompiledTable> compileAll(Map<DecisionTable, Source> sources) {
        return load(build(sources));
    }

    /**
     * XLSX -> DRL -> executable model -> class files, for several workbooks in one build.
     *
     * @throws TableCompileException for the first table that does not compile
     */
    public static Module build(Map<DecisionTable, Source> sources) {
        long start = System.nanoTime();
        List<Prepared> prepared = new ArrayList<>();
        for (Map.Entry<DecisionTable, Source> source : sources.entrySet()) {
            prepared.add(prepare(source.getKey(), source.getValue()));
        }
        long drl = System.nanoTime();
        KieServices services = KieServices.get();
        KieFileSystem files = services.newKieFileSystem();
        for (Prepared table : prepared) {
            String packagePath = table.sheets().get(0).ruleSet().replace('.', '/');
            files.write("src/main/resources/" + packagePath + "/" + table.table().tableName() + ".drl", table.drl());
        }
        KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            if (prepared.size() > 1) {
                for (Prepared table : prepared) {
                    compile(table.table(), table.source().workbook(), table.source().hitPolicy()); // throws for the culprit
                }
            }
            Prepared table = prepared.get(0);
            throw new TableCompileException(table.table(),
                    CompileErrorLocator.locate(table.table().tableName(), table.sheets(), table.drl(), errors));
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule(ExecutableModelProject.class);
        Map<String, byte[]> classes = new TreeMap<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class") || name.equals(RULE_UNIT_SERVICES)) {
                classes.put(name, module.getBytes(name));
            }
        }
        LOG.infof("Compiled %d decision tables: XLSX -> DRL %d ms, DRL -> executable model -> class files %d ms (%d files)",
                prepared.size(), (drl - start) / 1_000_000, (System.nanoTime() - drl) / 1_000_000, classes.size());
        Map<DecisionTable, Source> sourcesByTable = new EnumMap<>(DecisionTable.class);
        Map<DecisionTable, List<DecisionTableSheet>> sheets = new EnumMap<>(DecisionTable.class);
        for (Prepared table : prepared) {
            sourcesByTable.put(table.table(), table.source());
            sheets.put(table.table(), table.sheets());
        }
        return new Module(sourcesByTable, sheets, classes);
    }

    /** Where the rule units of a module are named (one class name a line), as Java's ServiceLoader reads it. */
    static final String RULE_UNIT_SERVICES = "META-INF/services/" + RuleUnit.class.getName();

    /**
     * The tables of a built module, ready to decide: its classes in a class loader of their own (a child of this
     * service's), its rule units created (each builds its rule base from the executable model here), and each
     * table given the units its sheets name.
     *
     * @throws TableCompileException when a sheet names a rule unit the module does not have
     */
    public static Map<DecisionTable, CompiledTable> load(Module module) {
        long start = System.nanoTime();
        ClassLoader loader = ProjectClassLoader.createProjectClassLoader(TableCompiler.class.getClassLoader(),
                new HashMap<>(module.files()));
        byte[] services = module.files().get(RULE_UNIT_SERVICES);
        if (services == null) {
            throw new IllegalStateException("the rule engine generated no rule unit");
        }
        Map<String, RuleUnit<?>> units = new HashMap<>();
        for (String line : new String(services, StandardCharsets.UTF_8).split("\\R")) {
            String className = line.replaceAll("#.*", "").trim();
            if (className.isEmpty()) {
                continue;
            }
            try {
                RuleUnit<?> unit = (RuleUnit<?>) loader.loadClass(className).getDeclaredConstructor().newInstance();
                units.put(((InternalRuleUnit<?>) unit).getRuleUnitDataClass().getName(), unit);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create the generated rule unit " + className, e);
            }
        }
        Map<DecisionTable, CompiledTable> compiled = new EnumMap<>(DecisionTable.class);
        for (Map.Entry<DecisionTable, Source> entry : module.sources().entrySet()) {
            DecisionTable table = entry.getKey();
            List<DecisionTableSheet> sheets = module.sheets().get(table);
            Map<Class<?>, RuleUnit<?>> own = new HashMap<>();
            for (String unitName : unitNames(table, sheets)) {
                RuleUnit<?> unit = units.get(unitName);
                if (unit == null) {
                    throw new TableCompileException(table, List.of(TableProblem.of(table.tableName(),
                            "Unit 单元格中的规则单元不存在：" + unitName, "no rule unit " + unitName + " (cell next to 'Unit')")));
                }
                own.put(((InternalRuleUnit<?>) unit).getRuleUnitDataClass(), unit);
            }
            byte[] workbook = entry.getValue().workbook();
            compiled.put(table, new CompiledTable(table, sha256(workbook), workbook.clone(), sheets, entry.getValue().hitPolicy(),
                    Map.copyOf(DecisionTableSheet.priorities(sheets)), Map.copyOf(own), 0, false));
        }
        LOG.debugf("Loaded %d rule units from %d class files (rule bases built) in %d ms", units.size(), module.files().size(),
                (System.nanoTime() - start) / 1_000_000);
        return compiled;
    }

    /** The rule units a table's sheets name (cell next to {@code Unit}, relative to {@code RuleSet}). */
    static Set<String> unitNames(DecisionTable table, List<DecisionTableSheet> sheets) {
        Set<String> unitNames = new LinkedHashSet<>();
        for (DecisionTableSheet sheet : sheets) {
            if (sheet.ruleSet() == null || sheet.unit() == null) {
                throw new TableCompileException(table, List.of(TableProblem.of(table.tableName(), "缺少 RuleSet 或 Unit 单元格",
                        "the sheet has no RuleSet or Unit cell")));
            }
            unitNames.add(sheet.unit().contains(".") ? sheet.unit() : sheet.ruleSet() + "." + sheet.unit());
        }
        return unitNames;
    }

    private static Prepared prepare(DecisionTable table, Source source) {
        String sheetName = table.tableName();
        byte[] workbook = source.workbook();
        List<DecisionTableSheet> sheets;
        try {
            sheets = DecisionTableSheet.read(workbook, sheetName);
        } catch (RuntimeException e) {
            throw new TableCompileException(table, List.of(TableProblem.of(sheetName,
                    "无法读取工作簿（需要 .xlsx 文件，含名为 " + sheetName + " 的工作表）：" + e.getMessage(),
                    "cannot read the workbook (an .xlsx file with a sheet named " + sheetName + " is needed): " + e.getMessage())));
        }
        try {
            DecisionTableSheet.priorities(sheets);
        } catch (IllegalArgumentException e) {
            throw new TableCompileException(table, List.of(TableProblem.of(sheetName, "优先级必须是整数：" + e.getMessage(),
                    e.getMessage())));
        }
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(CellText.plain(workbook)), sheetName);
        } catch (RuntimeException e) {
            throw new TableCompileException(table, List.of(TableProblem.of(sheetName,
                    "决策表结构无法解析（RuleSet / Unit / RuleTable 等接线行是否被改动？）：" + rootMessage(e),
                    "the table's structure cannot be read (were the wiring rows RuleSet / Unit / RuleTable changed?): "
                            + rootMessage(e))));
        }
        unitNames(table, sheets); // a sheet without RuleSet or Unit fails before the build
        return new Prepared(table, source, sheets, drl);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
