// SPDX-License-Identifier: Apache-2.0
/**
 * One chronological care timeline per patient. The module owns the question ({@link org.kapclinic.timeline.TimelineSource})
 * and the page; every module that holds part of a patient's story answers it with its own query, so the timeline never
 * reads another module's tables. It depends on patients (access) and nothing clinical depends on it; the messages sent
 * are asked of the notifications module's query, since notifications sits below every module and cannot answer itself.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"patients", "security", "audit", "web",
        "vocabulary", "notifications"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.timeline;
