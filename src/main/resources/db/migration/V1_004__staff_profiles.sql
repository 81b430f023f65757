-- Clinician profiles (matching uses them later). One per staff account.
CREATE TABLE staff_profile (
    user_id          UUID PRIMARY KEY REFERENCES user_account (id),
    credentials      VARCHAR(100) NOT NULL,
    specialties      VARCHAR(500) NOT NULL,
    modalities       VARCHAR(500) NOT NULL,
    languages        VARCHAR(200) NOT NULL,
    licensed_states  VARCHAR(200) NOT NULL,
    accepting_new    BOOLEAN NOT NULL,
    bio              VARCHAR(2000),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
