-- One optional attachment per queued email (an appointment's .ics). Text only: calendars are text.
ALTER TABLE email_outbox ADD COLUMN attachment_name VARCHAR(120);
ALTER TABLE email_outbox ADD COLUMN attachment_type VARCHAR(100);
ALTER TABLE email_outbox ADD COLUMN attachment_body TEXT;
