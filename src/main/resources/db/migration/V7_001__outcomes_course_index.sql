-- The outcomes dashboard (issue 8, ADR 022) reads a course's sessions by plan: its first dose (MIN(dose_started_at) per
-- plan) and the sessions of the courses that started in a period. Without this index H2 evaluates the per-plan
-- subquery as a table scan for every session (quadratic: 4 s at 2,000 sessions); with it each lookup is a short range.
CREATE INDEX dosing_session_plan_ix ON dosing_session (plan_id, dose_started_at);
