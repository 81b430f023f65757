-- Email outbox: written in the same transaction as its cause, delivered afterwards.
CREATE TABLE email_outbox (
    id          UUID PRIMARY KEY,
    to_address  VARCHAR(254) NOT NULL,
    subject     VARCHAR(300) NOT NULL,
    body        TEXT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE,
    attempts    INT NOT NULL,
    last_error  VARCHAR(1000)
);
CREATE INDEX email_outbox_pending_ix ON email_outbox (sent_at, created_at);

-- ShedLock: scheduled jobs run once across all nodes.
CREATE TABLE shedlock (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP NOT NULL,
    locked_at  TIMESTAMP NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
