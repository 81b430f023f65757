-- Integration due (issue 7): one item per dosing session that gave a dose, made when the session ended. Its window
-- comes from the patient's plan (protocol integrationWithinHours) or kap.therapy-notes.integration-due-hours. OPEN
-- items turn overdue by the clock (no job); a signed integration note makes them DONE at the session's time; a
-- clinician may close one as NOT_NEEDED with a reason. Rows are never deleted.
CREATE TABLE integration_item (
    id                 UUID PRIMARY KEY,
    patient_id         UUID NOT NULL REFERENCES patient (id),
    dosing_session_id  UUID NOT NULL,
    ended_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    window_hours       INT NOT NULL,
    window_source      VARCHAR(20) NOT NULL,
    therapist_id       UUID,
    status             VARCHAR(20) NOT NULL,
    done_at            TIMESTAMP WITH TIME ZONE,
    note_id            UUID,
    closed_at          TIMESTAMP WITH TIME ZONE,
    closed_by          VARCHAR(254),
    close_reason       VARCHAR(1000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT NOT NULL,
    CONSTRAINT integration_item_session_uq UNIQUE (dosing_session_id)
);
CREATE INDEX integration_item_patient_ix ON integration_item (patient_id, ended_at);
CREATE INDEX integration_item_therapist_ix ON integration_item (therapist_id, status, due_at);
CREATE INDEX integration_item_due_ix ON integration_item (due_at);

-- Prompts a therapist sets for one patient's reflections; retired, never deleted.
CREATE TABLE reflection_prompt (
    id          UUID PRIMARY KEY,
    patient_id  UUID NOT NULL REFERENCES patient (id),
    prompt      VARCHAR(500) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(254) NOT NULL,
    retired_at  TIMESTAMP WITH TIME ZONE,
    retired_by  VARCHAR(254)
);
CREATE INDEX reflection_prompt_patient_ix ON reflection_prompt (patient_id, created_at);

-- A patient's reflection before or after a dosing appointment: the free text, or the answer to one prompt (the
-- prompt's words copied, so a retired prompt still reads). Screened for crisis language when written.
CREATE TABLE reflection (
    id               UUID PRIMARY KEY,
    patient_id       UUID NOT NULL REFERENCES patient (id),
    appointment_id   UUID NOT NULL,
    appointment_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    phase            VARCHAR(10) NOT NULL,
    prompt_id        UUID REFERENCES reflection_prompt (id),
    prompt           VARCHAR(500),
    body             VARCHAR(2000) NOT NULL,
    crisis_finding   VARCHAR(20) NOT NULL,
    crisis_evidence  VARCHAR(1000),
    written_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    written_by       VARCHAR(254) NOT NULL
);
CREATE INDEX reflection_patient_ix ON reflection (patient_id, written_at);
CREATE INDEX reflection_appointment_ix ON reflection (appointment_id);

-- Safety: a reflection the crisis screen found positive is as urgent as an inquiry that is (issue 7).
INSERT INTO safety_level_rule (trigger_code, level) VALUES ('urgent-reflection', 'SAME_DAY');
