-- Scheduling (issue 5): locations with rooms and treatment chairs, staff blocks (nurse shifts, prescriber on-site
-- coverage), appointments with their history, and plan items that could not be booked.
CREATE TABLE clinic_location (
    id          UUID PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    address     VARCHAR(300) NOT NULL,
    active      BOOLEAN NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(254) NOT NULL
);

CREATE TABLE clinic_room (
    id           UUID PRIMARY KEY,
    location_id  UUID NOT NULL REFERENCES clinic_location (id),
    name         VARCHAR(120) NOT NULL,
    kind         VARCHAR(20) NOT NULL,
    active       BOOLEAN NOT NULL
);

CREATE TABLE treatment_chair (
    id        UUID PRIMARY KEY,
    room_id   UUID NOT NULL REFERENCES clinic_room (id),
    name      VARCHAR(60) NOT NULL,
    position  INT NOT NULL,
    active    BOOLEAN NOT NULL
);

-- A nurse's shift or a prescriber's on-site coverage at a location; removed by setting removed_at, never deleted.
CREATE TABLE staff_block (
    id           UUID PRIMARY KEY,
    account_id   UUID NOT NULL REFERENCES user_account (id),
    location_id  UUID NOT NULL REFERENCES clinic_location (id),
    kind         VARCHAR(30) NOT NULL,
    starts_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(254) NOT NULL,
    removed_at   TIMESTAMP WITH TIME ZONE,
    removed_by   VARCHAR(254)
);
CREATE INDEX staff_block_location_ix ON staff_block (location_id, starts_at);

CREATE TABLE appointment (
    id                      UUID PRIMARY KEY,
    patient_id              UUID NOT NULL REFERENCES patient (id),
    type                    VARCHAR(20) NOT NULL,
    label                   VARCHAR(200) NOT NULL,
    modality                VARCHAR(30),
    location_id             UUID NOT NULL REFERENCES clinic_location (id),
    room_id                 UUID REFERENCES clinic_room (id),
    chair_id                UUID REFERENCES treatment_chair (id),
    clinician_id            UUID REFERENCES user_account (id),
    starts_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    dose_at                 TIMESTAMP WITH TIME ZONE,
    plan_id                 UUID,
    plan_item_id            UUID,
    status                  VARCHAR(20) NOT NULL,
    replaces                UUID REFERENCES appointment (id),
    change_reason           VARCHAR(500),
    transport_confirmed_at  TIMESTAMP WITH TIME ZONE,
    reminded_48_at          TIMESTAMP WITH TIME ZONE,
    reminded_24_at          TIMESTAMP WITH TIME ZONE,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              VARCHAR(254) NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by              VARCHAR(254) NOT NULL,
    version                 BIGINT NOT NULL
);
CREATE INDEX appointment_location_ix ON appointment (location_id, starts_at);
CREATE INDEX appointment_patient_ix ON appointment (patient_id, starts_at);
CREATE INDEX appointment_clinician_ix ON appointment (clinician_id, starts_at);
CREATE INDEX appointment_chair_ix ON appointment (chair_id, starts_at);
CREATE INDEX appointment_reminder_ix ON appointment (status, starts_at);

CREATE TABLE unbooked_plan_item (
    plan_item_id  UUID PRIMARY KEY,
    plan_id       UUID NOT NULL,
    patient_id    UUID NOT NULL REFERENCES patient (id),
    label         VARCHAR(300) NOT NULL,
    wanted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at   TIMESTAMP WITH TIME ZONE
);

-- Private, revocable iCalendar feeds for clinicians: only the token's hash is stored.
CREATE TABLE calendar_feed (
    id          UUID PRIMARY KEY,
    account_id  UUID NOT NULL REFERENCES user_account (id),
    token_hash  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX calendar_feed_token_ux ON calendar_feed (token_hash);

-- Transport-confirmation links sent in reminder emails: each reminder issues its own; only the hash is stored.
CREATE TABLE transport_link (
    token_hash      VARCHAR(64) PRIMARY KEY,
    appointment_id  UUID NOT NULL REFERENCES appointment (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
