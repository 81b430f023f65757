-- The care timeline (ADR 021): each module answers with one bounded query on (patient, time). These indexes let
-- every source read only the patient's rows inside the window, newest first.
CREATE INDEX inquiry_patient_ix ON inquiry (patient_id);
CREATE INDEX assessment_patient_time_ix ON assessment (patient_id, administered_at);
CREATE INDEX safety_alert_patient_time_ix ON safety_alert (patient_id, raised_at);
CREATE INDEX consent_signature_patient_time_ix ON consent_signature (patient_id, signed_at);
CREATE INDEX appointment_patient_created_ix ON appointment (patient_id, created_at);
CREATE INDEX dosing_gate_override_session_ix ON dosing_gate_override (session_id);

-- Messages sent about a patient: the outbox learns whom an email was about (null for staff and public email).
ALTER TABLE email_outbox ADD COLUMN patient_id UUID;
CREATE INDEX email_outbox_patient_ix ON email_outbox (patient_id, created_at);
