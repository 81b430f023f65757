// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The integration tests' clock: real time unless a test pins it. Tests that pin it call {@link #reset()} afterwards
 * (the shared application context outlives them).
 */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();

    private final AtomicReference<@Nullable Instant> pinned = new AtomicReference<>();

    private TestClock() {}

    public void pin(Instant instant) {
        pinned.set(instant);
    }

    public void advance(Duration duration) {
        pinned.updateAndGet(now -> (now == null ? Instant.now() : now).plus(duration));
    }

    public void reset() {
        pinned.set(null);
    }

    @Override
    public Instant instant() {
        var now = pinned.get();
        return now == null ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        var self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
