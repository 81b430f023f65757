-- The dosing day (issue 6): a session per booked dosing appointment, its pre-dose gate, the administration record,
-- timed monitoring checks with side effects and interventions, urgent alerts, and discharge. Rows are appended or
-- moved forward in status; nothing clinical is deleted.
CREATE TABLE dosing_session (
    id                     UUID PRIMARY KEY,
    patient_id             UUID NOT NULL REFERENCES patient (id),
    appointment_id         UUID NOT NULL UNIQUE REFERENCES appointment (id),
    location_id            UUID NOT NULL REFERENCES clinic_location (id),
    chair_id               UUID REFERENCES treatment_chair (id),
    modality               VARCHAR(30) NOT NULL,
    plan_id                UUID,
    dose_number            INT,
    planned_dose           VARCHAR(120),
    observation_minutes    INT NOT NULL,
    status                 VARCHAR(20) NOT NULL,
    opened_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by              VARCHAR(254) NOT NULL,
    weight_kg              DECIMAL(5, 1),
    gate_passed_at         TIMESTAMP WITH TIME ZONE,
    gate_passed_by         VARCHAR(254),
    -- A prescriber's order for a dose outside the plan or the protocol's limits.
    order_mg               DECIMAL(7, 2),
    order_mg_per_kg        DECIMAL(5, 3),
    order_reason           VARCHAR(1000),
    ordered_by             VARCHAR(254),
    ordered_at             TIMESTAMP WITH TIME ZONE,
    -- The administration record.
    drug                   VARCHAR(20),
    route                  VARCHAR(20),
    dose_mg                DECIMAL(7, 2),
    mg_per_kg              DECIMAL(5, 3),
    planned_devices        INT,
    infusion_minutes       INT,
    rate_mg_per_hour       DECIMAL(8, 2),
    lot_id                 UUID,
    lot_number             VARCHAR(60),
    lot_expiry             DATE,
    administered_by        VARCHAR(254),
    observed_by            VARCHAR(254),
    dose_started_at        TIMESTAMP WITH TIME ZONE,
    dose_ended_at          TIMESTAMP WITH TIME ZONE,
    -- Discharge.
    ended_at               TIMESTAMP WITH TIME ZONE,
    ended_by               VARCHAR(254),
    end_kind               VARCHAR(30),
    ready_at               TIMESTAMP WITH TIME ZONE,
    criteria               VARCHAR(400),
    escort                 VARCHAR(200),
    end_note               VARCHAR(2000),
    early_approved_by      VARCHAR(254),
    version                BIGINT NOT NULL
);
CREATE INDEX dosing_session_location_ix ON dosing_session (location_id, status, opened_at);
CREATE INDEX dosing_session_patient_ix ON dosing_session (patient_id, opened_at);

-- What a nurse confirmed at the gate (identity, fasting, transport, pregnancy status, co-medications noted...).
-- The latest row per item counts; earlier rows stay as history.
CREATE TABLE dosing_gate_entry (
    id            UUID PRIMARY KEY,
    session_id    UUID NOT NULL REFERENCES dosing_session (id),
    item          VARCHAR(40) NOT NULL,
    entry_value   VARCHAR(500) NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by   VARCHAR(254) NOT NULL
);
CREATE INDEX dosing_gate_entry_session_ix ON dosing_gate_entry (session_id, item, recorded_at);

-- A check: pre-dose vitals, a monitoring check during observation, or the pre-discharge check.
CREATE TABLE dosing_check (
    id              UUID PRIMARY KEY,
    session_id      UUID NOT NULL REFERENCES dosing_session (id),
    phase           VARCHAR(20) NOT NULL,
    taken_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    systolic        INT,
    diastolic       INT,
    heart_rate      INT,
    spo2            INT,
    resp_rate       INT,
    moaas           INT,
    dissociation    VARCHAR(20),
    side_effects    VARCHAR(1000),
    interventions   VARCHAR(500),
    flags           VARCHAR(500),
    note            VARCHAR(2000),
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by     VARCHAR(254) NOT NULL
);
CREATE INDEX dosing_check_session_ix ON dosing_check (session_id, taken_at);

-- A prescriber's acknowledgment of a raised pre-dose BP, or override of a hold, for one pre-dose reading.
CREATE TABLE dosing_gate_override (
    id            UUID PRIMARY KEY,
    session_id    UUID NOT NULL REFERENCES dosing_session (id),
    check_id      UUID NOT NULL REFERENCES dosing_check (id),
    kind          VARCHAR(20) NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    given_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    given_by      VARCHAR(254) NOT NULL
);

-- Each esketamine device, timed.
CREATE TABLE dosing_device (
    session_id    UUID NOT NULL REFERENCES dosing_session (id),
    device_no     INT NOT NULL,
    given_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by   VARCHAR(254) NOT NULL,
    ledger_entry  UUID,
    PRIMARY KEY (session_id, device_no)
);

-- Urgent alerts raised by a check (possible respiratory depression), until a clinician acknowledges them.
CREATE TABLE dosing_alert (
    id                UUID PRIMARY KEY,
    session_id        UUID NOT NULL REFERENCES dosing_session (id),
    check_id          UUID NOT NULL REFERENCES dosing_check (id),
    kind              VARCHAR(40) NOT NULL,
    detail            VARCHAR(500) NOT NULL,
    raised_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at   TIMESTAMP WITH TIME ZONE,
    acknowledged_by   VARCHAR(254),
    response          VARCHAR(1000)
);
CREATE INDEX dosing_alert_open_ix ON dosing_alert (session_id, acknowledged_at);
