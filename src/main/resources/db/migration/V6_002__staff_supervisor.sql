-- Clinical supervision (issue 7): a clinician's supervisor may read the psychotherapy notes the clinician writes.
ALTER TABLE staff_profile ADD COLUMN supervisor_id UUID REFERENCES user_account (id);
CREATE INDEX staff_profile_supervisor_ix ON staff_profile (supervisor_id);
