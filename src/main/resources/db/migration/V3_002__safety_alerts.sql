-- Suicide-risk safety alerts. An alert is written in the same transaction as the answers that raised it; repeat
-- findings attach to it (safety_finding). Escalation steps are claimed by a conditional update on escalation_step.
CREATE TABLE safety_alert (
    id                  UUID PRIMARY KEY,
    patient_id          UUID REFERENCES patient (id),
    inquiry_id          UUID,
    level               VARCHAR(20) NOT NULL,
    trigger_code        VARCHAR(40) NOT NULL,
    summary             VARCHAR(300) NOT NULL,
    status              VARCHAR(20) NOT NULL,
    raised_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    raised_by           VARCHAR(254) NOT NULL,
    escalation_step     INT NOT NULL,
    next_escalation_at  TIMESTAMP WITH TIME ZONE,
    last_paged_at       TIMESTAMP WITH TIME ZONE,
    acknowledged_at     TIMESTAMP WITH TIME ZONE,
    acknowledged_by     VARCHAR(254),
    action              VARCHAR(40),
    note                VARCHAR(2000),
    quiet_until         TIMESTAMP WITH TIME ZONE,
    version             BIGINT NOT NULL
);
CREATE INDEX safety_alert_due_ix ON safety_alert (status, next_escalation_at);
CREATE INDEX safety_alert_patient_ix ON safety_alert (patient_id, status);
CREATE INDEX safety_alert_inquiry_ix ON safety_alert (inquiry_id);

CREATE TABLE safety_finding (
    id            UUID PRIMARY KEY,
    alert_id      UUID NOT NULL REFERENCES safety_alert (id),
    found_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    trigger_code  VARCHAR(40) NOT NULL,
    level         VARCHAR(20) NOT NULL,
    source_type   VARCHAR(30) NOT NULL,
    source_id     UUID,
    detail        VARCHAR(300) NOT NULL,
    outcome       VARCHAR(30) NOT NULL,
    recorded_by   VARCHAR(254) NOT NULL
);
CREATE INDEX safety_finding_alert_ix ON safety_finding (alert_id, found_at);
CREATE INDEX safety_finding_source_ix ON safety_finding (source_id);

CREATE TABLE safety_escalation (
    alert_id      UUID NOT NULL REFERENCES safety_alert (id),
    step          INT NOT NULL,
    escalated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recipients    VARCHAR(2000) NOT NULL,
    PRIMARY KEY (alert_id, step)
);

-- The level table (issue #4 defaults); admins and prescribers change it on /safety/settings.
CREATE TABLE safety_level_rule (
    trigger_code  VARCHAR(40) PRIMARY KEY,
    level         VARCHAR(20) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE,
    updated_by    VARCHAR(254)
);
INSERT INTO safety_level_rule (trigger_code, level) VALUES
    ('acute-suicide-risk', 'IMMEDIATE'),
    ('clinician-imminent', 'IMMEDIATE'),
    ('suicidal-ideation', 'SAME_DAY'),
    ('suicide-risk', 'SAME_DAY'),
    ('urgent-inquiry', 'SAME_DAY'),
    ('clinician-concern', 'SAME_DAY'),
    ('negated-mention', 'ROUTINE'),
    ('cssrs-low', 'ROUTINE');

-- Who is on duty for escalation step 2 (prescriber on duty) and step 3 (clinical lead; the on-call clinician is
-- intake's on-call setting).
CREATE TABLE safety_duty (
    id                  INT PRIMARY KEY,
    prescriber_on_duty  UUID,
    clinical_lead       UUID,
    updated_at          TIMESTAMP WITH TIME ZONE,
    updated_by          VARCHAR(254)
);
INSERT INTO safety_duty (id) VALUES (1);

-- A prescriber's clearance to dose despite an open immediate alert or an acute-positive screen that day.
CREATE TABLE dosing_clearance (
    id           UUID PRIMARY KEY,
    patient_id   UUID NOT NULL REFERENCES patient (id),
    clinic_day   DATE NOT NULL,
    cleared_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    cleared_by   VARCHAR(254) NOT NULL,
    note         VARCHAR(2000) NOT NULL
);
CREATE INDEX dosing_clearance_patient_ix ON dosing_clearance (patient_id, clinic_day);
