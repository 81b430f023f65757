-- The outcomes dashboard's per-session summary (issue 8, ADR 022 "Summary rows"): one row per dosed session of a
-- treatment course, with the course's first dose and what the session's checks recorded (lowest MOAA/S, worst
-- dissociation, BP flagged, side effects). Owned by the dosing module and kept in the same transaction as every change
-- to a session or its checks (DosingRepository); CourseSessionRows.rebuild() recomputes it from the raw rows.
CREATE TABLE dosing_course_session (
    session_id        UUID PRIMARY KEY REFERENCES dosing_session (id),
    plan_id           UUID NOT NULL,
    patient_id        UUID NOT NULL,
    location_id       UUID NOT NULL,
    dose_started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    course_first_dose TIMESTAMP WITH TIME ZONE NOT NULL,
    lowest_moaas      INTEGER,
    dissociation      VARCHAR(20),
    bp_high           BOOLEAN NOT NULL,
    side_effects      VARCHAR(400)
);
CREATE INDEX dosing_course_session_first_ix ON dosing_course_session (course_first_dose);
CREATE INDEX dosing_course_session_plan_ix ON dosing_course_session (plan_id);
