-- Public inquiries: the clinic's front door. Never deleted; closed with an outcome.
CREATE SEQUENCE inquiry_reference_seq START WITH 1;

CREATE TABLE inquiry (
    id                     UUID PRIMARY KEY,
    reference              VARCHAR(16) NOT NULL,
    first_name             VARCHAR(100) NOT NULL,
    last_name              VARCHAR(100) NOT NULL,
    email                  VARCHAR(254),
    phone                  VARCHAR(30),
    preferred_contact      VARCHAR(10) NOT NULL,
    voicemail_ok           BOOLEAN NOT NULL,
    state                  CHAR(2) NOT NULL,
    date_of_birth          DATE NOT NULL,
    concerns               VARCHAR(300) NOT NULL,
    message                VARCHAR(4000),
    antidepressants_tried  INT,
    prior_treatments       VARCHAR(100) NOT NULL,
    interest               VARCHAR(20) NOT NULL,
    modality               VARCHAR(20) NOT NULL,
    therapist_gender       VARCHAR(20) NOT NULL,
    affirming              VARCHAR(300) NOT NULL,
    language               VARCHAR(60),
    insurance              VARCHAR(100),
    availability           VARCHAR(1000) NOT NULL,
    consent_to_contact     BOOLEAN NOT NULL,
    submitted_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    respond_by             TIMESTAMP WITH TIME ZONE NOT NULL,
    warn_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    urgent                 BOOLEAN NOT NULL,
    crisis_finding         VARCHAR(20) NOT NULL,
    crisis_evidence        VARCHAR(1000),
    minor                  BOOLEAN NOT NULL,
    status                 VARCHAR(20) NOT NULL,
    first_contact_at       TIMESTAMP WITH TIME ZONE,
    warned_at              TIMESTAMP WITH TIME ZONE,
    overdue_escalated_at   TIMESTAMP WITH TIME ZONE,
    triaged_at             TIMESTAMP WITH TIME ZONE,
    triaged_by             VARCHAR(254),
    triage_note            VARCHAR(2000),
    patient_id             UUID,
    therapist_id           UUID,
    closed_at              TIMESTAMP WITH TIME ZONE,
    closed_by              VARCHAR(254),
    close_reason           VARCHAR(500),
    payload_hash           VARCHAR(64) NOT NULL,
    idempotency_key        VARCHAR(100),
    version                BIGINT NOT NULL
);
CREATE UNIQUE INDEX inquiry_reference_ux ON inquiry (reference);
CREATE UNIQUE INDEX inquiry_idempotency_ux ON inquiry (idempotency_key);
CREATE INDEX inquiry_payload_ix ON inquiry (payload_hash, submitted_at);
CREATE INDEX inquiry_queue_ix ON inquiry (status, urgent, respond_by);
CREATE INDEX inquiry_warn_ix ON inquiry (first_contact_at, warn_at);
CREATE INDEX inquiry_due_ix ON inquiry (first_contact_at, respond_by);

-- Contacts with the person: the first one stops the reply clock.
CREATE TABLE inquiry_contact (
    id            UUID PRIMARY KEY,
    inquiry_id    UUID NOT NULL REFERENCES inquiry (id),
    method        VARCHAR(20) NOT NULL,
    outcome       VARCHAR(30) NOT NULL,
    note          VARCHAR(2000),
    contacted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by   VARCHAR(254) NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX inquiry_contact_inquiry_ix ON inquiry_contact (inquiry_id, contacted_at);

-- Public submissions per client address and window (a hash of the address, never the address itself).
CREATE TABLE inquiry_rate_limit (
    client_key    VARCHAR(64) PRIMARY KEY,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    submissions   INT NOT NULL
);

-- Intake settings an admin changes at run time: who is on call for urgent inquiries after hours.
CREATE TABLE intake_setting (
    id                   INT PRIMARY KEY,
    on_call_clinician    UUID,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           VARCHAR(254) NOT NULL
);
