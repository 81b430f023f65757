-- Measurement schedules: a self-report questionnaire sent to a patient every N days (e.g. PHQ-9 weekly). Dosing-day
-- schedules (before a dose, +4 h, +24 h) will come with dosing sessions.
CREATE TABLE measurement_schedule (
    id            UUID PRIMARY KEY,
    patient_id    UUID NOT NULL REFERENCES patient (id),
    instrument    VARCHAR(30) NOT NULL,
    every_days    INT NOT NULL,
    next_due_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    active        BOOLEAN NOT NULL,
    last_sent_at  TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(254) NOT NULL,
    ended_at      TIMESTAMP WITH TIME ZONE,
    ended_by      VARCHAR(254)
);
CREATE INDEX measurement_schedule_due_ix ON measurement_schedule (active, next_due_at);
CREATE INDEX measurement_schedule_patient_ix ON measurement_schedule (patient_id);
