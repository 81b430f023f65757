-- Multi-factor sign-in (ADR 026): one authenticator per account, its secret sealed with a key kept outside the
-- database (AES-256-GCM); the highest time step accepted so far, so no code works twice; recovery codes as keyed hashes.
CREATE TABLE mfa_enrolment (
    user_id          UUID PRIMARY KEY REFERENCES user_account (id),
    secret_sealed    VARCHAR(200) NOT NULL,
    last_used_step   BIGINT NOT NULL,
    enrolled_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE mfa_recovery_code (
    user_id    UUID NOT NULL REFERENCES user_account (id),
    code_hash  CHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mfa_recovery_code_pk PRIMARY KEY (user_id, code_hash)
);
