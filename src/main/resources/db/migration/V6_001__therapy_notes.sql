-- Therapy notes (issue 7): one row per note, its sections as JSON text (one object, section key -> text), the measures
-- ticked while drafting (assessment ids) and, once signed, their snapshot (instrument, score, band). A signed note is
-- never updated again: corrections are note_amendment rows, patients' requests are note_amendment_request rows.
CREATE TABLE therapy_note (
    id                 UUID PRIMARY KEY,
    patient_id         UUID NOT NULL REFERENCES patient (id),
    note_type          VARCHAR(30) NOT NULL,
    status             VARCHAR(10) NOT NULL,
    appointment_id     UUID,
    held_at            TIMESTAMP WITH TIME ZONE,
    dosing_session_id  UUID,
    author_id          UUID NOT NULL REFERENCES user_account (id),
    author_name        VARCHAR(200) NOT NULL,
    sections           VARCHAR(40000) NOT NULL,
    measure_ids        VARCHAR(2000) NOT NULL,
    measures           VARCHAR(4000),
    preview            VARCHAR(200) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(254) NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by         VARCHAR(254) NOT NULL,
    signed_at          TIMESTAMP WITH TIME ZONE,
    signed_by          VARCHAR(254),
    version            BIGINT NOT NULL,
    CONSTRAINT therapy_note_status_ck CHECK (status IN ('DRAFT', 'SIGNED')),
    CONSTRAINT therapy_note_signed_ck CHECK ((status = 'SIGNED') = (signed_at IS NOT NULL))
);
CREATE INDEX therapy_note_patient_ix ON therapy_note (patient_id, created_at);
CREATE INDEX therapy_note_author_ix ON therapy_note (author_id, status);
CREATE INDEX therapy_note_appointment_ix ON therapy_note (appointment_id);

-- A patient's request (ONC 170.315(d)(4)): what is wrong and what it should say; accepted or denied with a reason;
-- after a denial the patient may add a statement of disagreement.
CREATE TABLE note_amendment_request (
    id               UUID PRIMARY KEY,
    note_id          UUID NOT NULL REFERENCES therapy_note (id),
    patient_id       UUID NOT NULL REFERENCES patient (id),
    what_is_wrong    VARCHAR(2000) NOT NULL,
    should_say       VARCHAR(2000) NOT NULL,
    status           VARCHAR(10) NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by     VARCHAR(254) NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE,
    decided_by       VARCHAR(254),
    decided_by_name  VARCHAR(200),
    denial_reason    VARCHAR(2000),
    disagreement     VARCHAR(2000),
    disagreed_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT note_amendment_request_status_ck CHECK (status IN ('PENDING', 'ACCEPTED', 'DENIED'))
);
CREATE INDEX note_amendment_request_note_ix ON note_amendment_request (note_id);
CREATE INDEX note_amendment_request_status_ix ON note_amendment_request (status, requested_at);
CREATE INDEX note_amendment_request_patient_ix ON note_amendment_request (patient_id);

-- Appended to a signed note: a clinician's correction, an accepted patient request (request_id set), a denial (the
-- request and the reason), or the patient's statement of disagreement.
CREATE TABLE note_amendment (
    id             UUID PRIMARY KEY,
    note_id        UUID NOT NULL REFERENCES therapy_note (id),
    patient_id     UUID NOT NULL REFERENCES patient (id),
    kind           VARCHAR(20) NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    body           VARCHAR(4000) NOT NULL,
    request_id     UUID REFERENCES note_amendment_request (id),
    added_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by       VARCHAR(254) NOT NULL,
    added_by_name  VARCHAR(200) NOT NULL,
    CONSTRAINT note_amendment_kind_ck CHECK (kind IN ('CORRECTION', 'REQUEST_ACCEPTED', 'REQUEST_DENIED',
        'DISAGREEMENT'))
);
CREATE INDEX note_amendment_note_ix ON note_amendment (note_id, added_at);
CREATE INDEX note_amendment_patient_ix ON note_amendment (patient_id, added_at);
