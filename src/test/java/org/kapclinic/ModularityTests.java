// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries are tested, not hoped for: no cycles, only public APIs across modules. */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(KapClinicApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
