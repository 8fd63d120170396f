package org.waymark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold, and the module documentation is written from the code. */
class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(WaymarkApplication.class);

  @Test
  void modulesOnlyUseEachOthersPublicApi() {
    modules.verify();
  }

  @Test
  void everyCapabilityIsItsOwnModule() {
    assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
        .contains("shared", "identity", "audit", "platform", "demo");
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules)
        .writeDocumentation()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
