// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.scheduling;

import java.util.List;
import java.util.UUID;

/** A location with its rooms and chairs, as the admin page and the day view show them. */
public record Place(UUID id, String name, String address, boolean active, List<Room> rooms) {

    public enum RoomKind { TREATMENT, THERAPY }

    public record Room(UUID id, String name, RoomKind kind, boolean active, List<Chair> chairs) {}

    public record Chair(UUID id, String name, int position, boolean active) {}

    public List<Chair> chairs() {
        return rooms.stream().filter(Room::active).flatMap(r -> r.chairs().stream()).filter(Chair::active).toList();
    }

    public List<Room> therapyRooms() {
        return rooms.stream().filter(r -> r.active() && r.kind() == RoomKind.THERAPY).toList();
    }
}
