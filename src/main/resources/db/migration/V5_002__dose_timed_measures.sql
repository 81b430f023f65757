-- Questionnaires timed from an actual dose (issue 4, with the dosing day of issue 6): a one-off schedule (every_days 0)
-- due a number of hours after a dose started, or before the next dose, named by the dosing session that set it.
ALTER TABLE measurement_schedule ADD COLUMN session_id UUID;
ALTER TABLE measurement_schedule ADD COLUMN reason VARCHAR(200);
CREATE UNIQUE INDEX measurement_schedule_once_ux ON measurement_schedule (session_id, instrument, next_due_at);
