-- One-off questionnaire sends (issue 4, with the dosing day of issue 6): a schedule with every_days 0, due hours after
-- an actual dose (source: the dosing session) or at a plan's measurement point that is not tied to a dose (source: the
-- plan item, e.g. the end of induction, every 28 days).
ALTER TABLE measurement_schedule ADD COLUMN source_id UUID;
ALTER TABLE measurement_schedule ADD COLUMN reason VARCHAR(200);
CREATE UNIQUE INDEX measurement_schedule_once_ux ON measurement_schedule (source_id, instrument, next_due_at);
