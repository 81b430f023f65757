-- Treatment planning (issue 5): protocol templates as data (admins edit them; every saved version is kept), plans that
-- apply a template to a patient, their generated items, and each plan's revisions. Templates are seeded by the Java
-- migration V4_004 from resources/protocols/*.json.
CREATE TABLE protocol_template (
    code         VARCHAR(60) PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    modality     VARCHAR(30) NOT NULL,
    description  VARCHAR(4000) NOT NULL,
    evidence     VARCHAR(1000) NOT NULL,
    definition   VARCHAR(20000) NOT NULL,
    active       BOOLEAN NOT NULL,
    version      INT NOT NULL,
    updated_by   VARCHAR(254) NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE protocol_template_history (
    code         VARCHAR(60) NOT NULL REFERENCES protocol_template (code),
    version      INT NOT NULL,
    name         VARCHAR(200) NOT NULL,
    description  VARCHAR(4000) NOT NULL,
    evidence     VARCHAR(1000) NOT NULL,
    definition   VARCHAR(20000) NOT NULL,
    active       BOOLEAN NOT NULL,
    saved_by     VARCHAR(254) NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (code, version)
);

CREATE TABLE treatment_plan (
    id                UUID PRIMARY KEY,
    patient_id        UUID NOT NULL REFERENCES patient (id),
    template_code     VARCHAR(60) NOT NULL,
    template_version  INT NOT NULL,
    template_name     VARCHAR(200) NOT NULL,
    modality          VARCHAR(30) NOT NULL,
    definition        VARCHAR(20000) NOT NULL,
    start_date        DATE NOT NULL,
    dose_time         TIME NOT NULL,
    therapy_time      TIME NOT NULL,
    every_days        INT,
    status            VARCHAR(20) NOT NULL,
    decision_id       UUID,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(254) NOT NULL,
    approved_at       TIMESTAMP WITH TIME ZONE,
    approved_by       VARCHAR(254),
    end_decision      VARCHAR(30),
    end_note          VARCHAR(2000),
    ended_at          TIMESTAMP WITH TIME ZONE,
    ended_by          VARCHAR(254),
    version           BIGINT NOT NULL
);
CREATE INDEX treatment_plan_patient_ix ON treatment_plan (patient_id, created_at);

-- Items are never deleted: a cancelled or moved item keeps its row with the status and the revision that changed it.
CREATE TABLE treatment_plan_item (
    id             UUID PRIMARY KEY,
    plan_id        UUID NOT NULL REFERENCES treatment_plan (id),
    seq            INT NOT NULL,
    kind           VARCHAR(20) NOT NULL,
    label          VARCHAR(300) NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    dose_number    INT,
    phase          VARCHAR(200) NOT NULL,
    instruments    VARCHAR(200) NOT NULL,
    dose           VARCHAR(200),
    status         VARCHAR(20) NOT NULL,
    changed_in     INT
);
CREATE INDEX treatment_plan_item_plan_ix ON treatment_plan_item (plan_id, at);
CREATE INDEX treatment_plan_item_due_ix ON treatment_plan_item (kind, status, at);

CREATE TABLE treatment_plan_revision (
    plan_id     UUID NOT NULL REFERENCES treatment_plan (id),
    revision    INT NOT NULL,
    summary     VARCHAR(1000) NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    changed_by  VARCHAR(254) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (plan_id, revision)
);
