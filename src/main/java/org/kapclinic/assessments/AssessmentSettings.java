// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kap.assessments.*} (README, "Settings").
 *
 * @param madrsSuicidalIdeationAt MADRS item 10 score from which the suicidal-ideation flag is raised (default 2; the
 *     issue's default, a clinic decision rather than a published cut-point)
 */
@ConfigurationProperties("kap.assessments")
record AssessmentSettings(@DefaultValue("2") int madrsSuicidalIdeationAt) {}
