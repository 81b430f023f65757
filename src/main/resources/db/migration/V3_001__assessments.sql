-- Measurement-based care: every scored administration, and the questionnaires sent to patients (secure links,
-- kiosk, portal) with the answers saved so far.
CREATE TABLE assessment (
    id                  UUID PRIMARY KEY,
    patient_id          UUID NOT NULL REFERENCES patient (id),
    instrument          VARCHAR(30) NOT NULL,
    instrument_version  VARCHAR(10) NOT NULL,
    answers             VARCHAR(2000) NOT NULL,
    total               INT,
    severity            VARCHAR(30),
    flags               VARCHAR(200) NOT NULL,
    channel             VARCHAR(20) NOT NULL,
    administered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by         VARCHAR(254) NOT NULL,
    request_id          UUID
);
CREATE INDEX assessment_patient_ix ON assessment (patient_id, instrument, administered_at);

CREATE TABLE questionnaire_request (
    id                UUID PRIMARY KEY,
    patient_id        UUID NOT NULL REFERENCES patient (id),
    instrument        VARCHAR(30) NOT NULL,
    channel           VARCHAR(20) NOT NULL,
    token_hash        VARCHAR(64) NOT NULL,
    -- the reminder email carries a second link (only hashes are stored, so the first cannot be re-sent)
    reminder_token_hash VARCHAR(64),
    status            VARCHAR(20) NOT NULL,
    draft_answers     VARCHAR(2000) NOT NULL,
    flags_raised      VARCHAR(200) NOT NULL,
    sent_to           VARCHAR(254),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(254) NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    remind_at         TIMESTAMP WITH TIME ZONE,
    reminded_at       TIMESTAMP WITH TIME ZONE,
    opened_at         TIMESTAMP WITH TIME ZONE,
    completed_at      TIMESTAMP WITH TIME ZONE,
    cancelled_at      TIMESTAMP WITH TIME ZONE,
    cancelled_by      VARCHAR(254),
    assessment_id     UUID,
    version           BIGINT NOT NULL
);
CREATE UNIQUE INDEX questionnaire_request_token_ux ON questionnaire_request (token_hash);
CREATE UNIQUE INDEX questionnaire_request_reminder_token_ux ON questionnaire_request (reminder_token_hash);
CREATE INDEX questionnaire_request_patient_ix ON questionnaire_request (patient_id, status);
CREATE INDEX questionnaire_request_remind_ix ON questionnaire_request (status, remind_at);
