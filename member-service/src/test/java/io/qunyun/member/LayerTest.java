package io.qunyun.member;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.qunyun.testkit.LayerRules;

/** The layer rules (io.qunyun.testkit.LayerRules) on this service's production classes. */
@AnalyzeClasses(packages = "io.qunyun.member", importOptions = { ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class })
class LayerTest {

    @ArchTest
    static final ArchRule domainIsTheGroundFloor = LayerRules.domainIsTheGroundFloor("io.qunyun.member", "rules");

    @ArchTest
    static final ArchRule noPackageCycles = LayerRules.noPackageCycles("io.qunyun.member");
}
