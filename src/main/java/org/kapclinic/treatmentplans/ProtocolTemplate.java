// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.treatmentplans;

import java.time.Instant;
import org.kapclinic.eligibility.Modality;

/** A protocol template as admins edit it: the definition is JSON, parsed into {@link ProtocolDefinition}. */
public record ProtocolTemplate(String code, String name, Modality modality, String description, String evidence,
        String definitionJson, ProtocolDefinition definition, boolean active, int version, String updatedBy,
        Instant updatedAt) {}
