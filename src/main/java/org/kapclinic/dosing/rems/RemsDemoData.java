// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.kapclinic.demo.DemoContext;
import org.kapclinic.demo.DemoDataContributor;
import org.kapclinic.scheduling.Locations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's REMS certifications: both demo locations certified a year ago, with obviously synthetic
 * certification IDs (DEMO-REMS-0001, -0002), addresses and 555-01xx telephone numbers. Runs after the locations (70).
 */
@Component
class RemsDemoData implements DemoDataContributor {

    private static final String BY = "demo-generator";

    private record Demo(String location, String id, String address1, String city, String zip, String phone) {}

    private static final List<Demo> DEMO = List.of(
            new Demo("Camelback (demo)", "DEMO-REMS-0001", "100 W Camelback Rd (synthetic)", "Phoenix", "85013",
                    "602-555-0100"),
            new Demo("Tempe (demo)", "DEMO-REMS-0002", "200 E University Dr (synthetic)", "Tempe", "85281",
                    "480-555-0101"));

    private final JdbcClient jdbc;
    private final Locations locations;
    private final Clock clock;

    RemsDemoData(JdbcClient jdbc, Locations locations, Clock clock) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 75;
    }

    @Override
    public boolean holdsRealData() {
        return jdbc.sql("SELECT COUNT(*) FROM rems_certification WHERE updated_by <> 'demo-generator'")
                .query(Long.class).single() > 0;
    }

    @Override
    public String contribute(DemoContext context) {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int added = 0;
        for (var d : DEMO) {
            var place = locations.active().stream().filter(p -> p.name().equals(d.location())).findFirst().orElse(null);
            if (place == null || jdbc.sql("SELECT COUNT(*) FROM rems_certification WHERE location_id = :l")
                    .param("l", place.id()).query(Long.class).single() > 0) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO rems_certification (location_id, certification_id, certified_on, setting_name, address1,
                        address2, city, state, zip, phone, authorized_representative, updated_at, updated_by, version)
                    VALUES (:l, :id, :on, :n, :a1, NULL, :c, 'AZ', :z, :p, :r, :at, :by, 1)""")
                    .param("l", place.id()).param("id", d.id())
                    .param("on", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusYears(1))
                    .param("n", "KAP Clinic " + d.location()).param("a1", d.address1()).param("c", d.city())
                    .param("z", d.zip()).param("p", d.phone()).param("r", "Riley Sample (synthetic)")
                    .param("at", now).param("by", BY).update();
            added++;
        }
        return added + " REMS certifications";
    }
}
