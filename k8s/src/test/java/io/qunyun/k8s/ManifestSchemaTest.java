package io.qunyun.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every overlay renders, and every object in it matches its schema: no field that the API server
 * (or the operator) would reject or silently drop. The committed fixtures with one misspelled field
 * per kind prove that the check catches a typo at any depth.
 */
class ManifestSchemaTest {

    @BeforeAll
    static void needsKubectl() {
        Manifests.requireKubectl();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectOfTheOverlayMatchesItsSchema(String overlay) {
        List<ObjectNode> docs = Manifests.render(Manifests.K8S.resolve("overlays").resolve(overlay));
        assertFalse(docs.isEmpty(), "overlay " + overlay + " rendered nothing");
        List<String> problems = new ArrayList<>();
        for (ObjectNode doc : docs) {
            SchemaCheck.problems(doc).forEach(p -> problems.add(Manifests.id(doc) + ": " + p));
        }
        assertEquals(List.of(), problems, "overlay " + overlay);
    }

    @Test
    void everyKindWeRenderHasAMisspeltFixture() throws IOException {
        Set<String> rendered = new TreeSet<>();
        for (String overlay : Manifests.OVERLAYS) {
            for (ObjectNode doc : Manifests.render(Manifests.K8S.resolve("overlays").resolve(overlay))) {
                rendered.add(doc.path("kind").asText());
            }
        }
        Set<String> fixtures = new TreeSet<>();
        for (Path fixture : typoFixtures().toList()) {
            fixtures.add(Manifests.documents(Manifests.read(fixture)).get(0).path("kind").asText());
        }
        assertEquals(rendered, fixtures, "one fixture with a misspelled field per rendered kind (src/test/resources/typos)");
    }

    @ParameterizedTest
    @MethodSource("typoFixtures")
    void aMisspelledFieldIsRejected(Path fixture) {
        List<ObjectNode> docs = Manifests.documents(Manifests.read(fixture));
        ObjectNode doc = docs.get(0);
        // the fixture's first line says which field is wrong: "# typo: <field>"
        String typo = Manifests.read(fixture).lines().findFirst().orElseThrow().replaceFirst("^# typo: ", "").trim();
        List<String> problems = SchemaCheck.problems(doc);
        assertFalse(problems.isEmpty(), fixture.getFileName() + " passed although it misspells " + typo);
        assertTrue(problems.stream().anyMatch(p -> p.contains(typo)),
                fixture.getFileName() + ": expected a problem naming " + typo + ", got " + problems);
    }

    static Stream<Path> typoFixtures() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/typos").toAbsolutePath())) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }
}
