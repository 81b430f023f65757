// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.util.List;

/** A booking that clashes; the message (on the "time" field) lists every clash. */
public class BookingRefused extends IllegalArgumentException {

    private final List<String> clashes;

    public BookingRefused(List<String> clashes) {
        super("time: " + String.join(" ", clashes));
        this.clashes = List.copyOf(clashes);
    }

    public List<String> clashes() {
        return clashes;
    }
}
