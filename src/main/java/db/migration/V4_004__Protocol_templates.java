// SPDX-License-Identifier: Apache-2.0
package db.migration;

import java.sql.Timestamp;
import java.time.Instant;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the shipped protocol templates (resources/protocols/*.json) as version 1. Admins edit them afterwards; this
 * runs once, like every migration, so later edits are never overwritten.
 */
public class V4_004__Protocol_templates extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var json = JsonMapper.builder().build();
        var resources = new PathMatchingResourcePatternResolver().getResources("classpath*:protocols/*.json");
        var now = Timestamp.from(Instant.now());
        try (var template = context.getConnection().prepareStatement("""
                INSERT INTO protocol_template (code, name, modality, description, evidence, definition, active, version,
                    updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, 1, 'seed', ?)""");
                var history = context.getConnection().prepareStatement("""
                        INSERT INTO protocol_template_history (code, version, name, description, evidence, definition,
                            active, saved_by, saved_at) VALUES (?, 1, ?, ?, ?, ?, TRUE, 'seed', ?)""")) {
            for (var resource : resources) {
                try (var in = resource.getInputStream()) {
                    var node = json.readTree(in);
                    var definition = node.get("definition").toString();
                    template.setString(1, node.get("code").asString());
                    template.setString(2, node.get("name").asString());
                    template.setString(3, node.get("modality").asString());
                    template.setString(4, node.get("description").asString());
                    template.setString(5, node.get("evidence").asString());
                    template.setString(6, definition);
                    template.setTimestamp(7, now);
                    template.executeUpdate();
                    history.setString(1, node.get("code").asString());
                    history.setString(2, node.get("name").asString());
                    history.setString(3, node.get("description").asString());
                    history.setString(4, node.get("evidence").asString());
                    history.setString(5, definition);
                    history.setTimestamp(6, now);
                    history.executeUpdate();
                }
            }
        }
    }
}
