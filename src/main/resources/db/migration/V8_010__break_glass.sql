-- Break-glass (emergency) access, ADR 027: a clinician outside a patient's care team opens the record for a limited
-- time after giving a reason. Rows are never deleted; access_count counts the audited accesses made under the grant,
-- reviewed_* records the admin who looked at it (the admin banner shows grants nobody has reviewed yet).
CREATE TABLE break_glass_grant (
    id            UUID PRIMARY KEY,
    user_id       UUID NOT NULL REFERENCES user_account (id),
    username      VARCHAR(254) NOT NULL,
    patient_id    UUID NOT NULL REFERENCES patient (id),
    reason        VARCHAR(2000) NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    access_count  INTEGER DEFAULT 0 NOT NULL,
    reviewed_at   TIMESTAMP WITH TIME ZONE,
    reviewed_by   VARCHAR(254)
);
CREATE INDEX break_glass_grant_user_ix ON break_glass_grant (user_id, patient_id, expires_at);
CREATE INDEX break_glass_grant_started_ix ON break_glass_grant (started_at);
