-- SPRAVATO REMS (REFERENCE.md 2): each location's outpatient-setting certification, and the Patient Monitoring Form
-- (PMF) of every outpatient esketamine session with its values, signed revisions, submissions and change history.
-- Rows are never deleted: a correction after sign-off is a new revision with a reason.

-- The setting's REMS certification, one row per clinic location; changes are audited.
CREATE TABLE rems_certification (
    location_id                UUID PRIMARY KEY REFERENCES clinic_location (id),
    certification_id           VARCHAR(40) NOT NULL,
    certified_on               DATE NOT NULL,
    setting_name               VARCHAR(120) NOT NULL,
    address1                   VARCHAR(120) NOT NULL,
    address2                   VARCHAR(120),
    city                       VARCHAR(60) NOT NULL,
    state                      VARCHAR(2) NOT NULL,
    zip                        VARCHAR(10) NOT NULL,
    phone                      VARCHAR(30) NOT NULL,
    authorized_representative  VARCHAR(120) NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by                 VARCHAR(254) NOT NULL,
    version                    BIGINT NOT NULL
);

-- One form per dosing session. form_version names the definition file (src/main/resources/rems/pmf-*.json) it was
-- filled with. revision counts signed revisions (0 = never signed); first_submitted_on stops the 7-day clock.
CREATE TABLE rems_monitoring_form (
    id                  UUID PRIMARY KEY,
    session_id          UUID NOT NULL,
    patient_id          UUID NOT NULL REFERENCES patient (id),
    location_id         UUID NOT NULL REFERENCES clinic_location (id),
    treatment_date      DATE NOT NULL,
    due_on              DATE NOT NULL,
    form_version        VARCHAR(20) NOT NULL,
    status              VARCHAR(20) NOT NULL,
    revision            INT NOT NULL,
    first_submitted_on  DATE,
    submitted_revision  INT,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(254) NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          VARCHAR(254) NOT NULL,
    version             BIGINT NOT NULL
);
CREATE UNIQUE INDEX rems_monitoring_form_session_ux ON rems_monitoring_form (session_id);
CREATE INDEX rems_monitoring_form_due_ix ON rems_monitoring_form (first_submitted_on, due_on);
CREATE INDEX rems_monitoring_form_patient_ix ON rems_monitoring_form (patient_id);

-- The working values: what the session record says (auto) and what a clinician entered (manual, which wins).
CREATE TABLE rems_form_value (
    form_id          UUID NOT NULL REFERENCES rems_monitoring_form (id),
    field_key        VARCHAR(80) NOT NULL,
    auto_value       VARCHAR(2000),
    auto_changed_at  TIMESTAMP WITH TIME ZONE,
    manual_value     VARCHAR(2000),
    manual_by        VARCHAR(254),
    manual_at        TIMESTAMP WITH TIME ZONE,
    override_reason  VARCHAR(1000),
    PRIMARY KEY (form_id, field_key)
);

-- Each sign-off: revision 1 is the original, later ones are amendments (with their reason). form_values is the JSON
-- object of every field's value as signed; the printed form and the REMS submission use the latest revision.
CREATE TABLE rems_form_revision (
    form_id         UUID NOT NULL REFERENCES rems_monitoring_form (id),
    revision        INT NOT NULL,
    form_values     TEXT NOT NULL,
    changed_fields  VARCHAR(2000),
    reason          VARCHAR(1000),
    signed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_by       VARCHAR(254) NOT NULL,
    signed_by_name  VARCHAR(200) NOT NULL,
    PRIMARY KEY (form_id, revision)
);

-- Each submission to the REMS (portal or fax) of one revision.
CREATE TABLE rems_form_submission (
    id             UUID PRIMARY KEY,
    form_id        UUID NOT NULL REFERENCES rems_monitoring_form (id),
    revision       INT NOT NULL,
    submitted_on   DATE NOT NULL,
    method         VARCHAR(10) NOT NULL,
    confirmation   VARCHAR(100) NOT NULL,
    late           BOOLEAN NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by    VARCHAR(254) NOT NULL
);
CREATE INDEX rems_form_submission_form_ix ON rems_form_submission (form_id);

-- Every change of a value after the form was created: entries, overrides of the session record's value, returns to
-- it, refreshes from the session record, and amendments.
CREATE TABLE rems_form_change (
    id          UUID PRIMARY KEY,
    form_id     UUID NOT NULL REFERENCES rems_monitoring_form (id),
    revision    INT NOT NULL,
    field_key   VARCHAR(80) NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    old_value   VARCHAR(2000),
    new_value   VARCHAR(2000),
    reason      VARCHAR(1000),
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by  VARCHAR(254) NOT NULL
);
CREATE INDEX rems_form_change_form_ix ON rems_form_change (form_id, changed_at);

-- The daily reminder digest, claimed once per clinic day (the primary key makes a second send impossible).
CREATE TABLE rems_reminder_digest (
    clinic_day  DATE PRIMARY KEY,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recipients  INT NOT NULL,
    overdue     INT NOT NULL,
    due_soon    INT NOT NULL,
    to_resend   INT NOT NULL
);
