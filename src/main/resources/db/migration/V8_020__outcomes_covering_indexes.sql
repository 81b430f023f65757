-- The outcomes dashboard's reads answered from indexes alone (issue 8, ADR 022 "Covering indexes"). Each index holds
-- every column its query reads, so H2 (and PostgreSQL, as an index-only scan) no longer fetches each whole row: the
-- assessment rows carry their answers, the plans and patients their free text. Profiled on H2 at 20,000 patients:
-- the page went from about 3 s to about 1 s; see docs/performance.md.

-- ScoreSeries.since: instrument, administered_at, patient_id, total
CREATE INDEX assessment_series_ix ON assessment (instrument, administered_at, patient_id, total);

-- CourseSessions.ofCoursesStarting: a range of course_first_dose, every column (replaces the single-column index)
CREATE INDEX dosing_course_session_cover_ix ON dosing_course_session (course_first_dose, session_id, plan_id,
    patient_id, location_id, dose_started_at, lowest_moaas, dissociation, bp_high, side_effects);
DROP INDEX dosing_course_session_first_ix;

-- IntegrationOnTime.forSessions: items ended since the period's start
CREATE INDEX integration_item_on_time_ix ON integration_item (ended_at, dosing_session_id, due_at, status, done_at);

-- PlanCourses.courses: approved and ended plans
CREATE INDEX treatment_plan_course_ix ON treatment_plan (status, modality, template_code, id, patient_id,
    template_name, start_date, end_decision, ended_at);

-- PatientTherapists.all: every patient's therapist and whether the record was voided
CREATE INDEX patient_care_team_ix ON patient (id, therapist_id, voided_at);
