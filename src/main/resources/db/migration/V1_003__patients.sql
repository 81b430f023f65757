-- Patient record. Never hard-deleted: removal is a void with a reason; corrections keep history in patient_revision.
CREATE SEQUENCE patient_mrn_seq START WITH 100001;

CREATE TABLE patient (
    id                     UUID PRIMARY KEY,
    mrn                    VARCHAR(20) NOT NULL,
    legal_given_name       VARCHAR(100) NOT NULL,
    legal_family_name      VARCHAR(100) NOT NULL,
    preferred_name         VARCHAR(100),
    pronouns               VARCHAR(40),
    date_of_birth          DATE NOT NULL,
    sex_assigned_at_birth  VARCHAR(20) NOT NULL,
    gender_identity        VARCHAR(100),
    phone                  VARCHAR(30),
    email                  VARCHAR(254),
    address_line1          VARCHAR(200),
    address_line2          VARCHAR(200),
    city                   VARCHAR(100),
    state                  CHAR(2),
    postal_code            VARCHAR(10),
    emergency_contact_name         VARCHAR(200),
    emergency_contact_phone        VARCHAR(30),
    emergency_contact_relationship VARCHAR(60),
    preferred_language     VARCHAR(60),
    therapist_id           UUID,
    prescriber_id          UUID,
    account_id             UUID,
    search_family          VARCHAR(100) NOT NULL,
    search_given           VARCHAR(100) NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by             VARCHAR(254) NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by             VARCHAR(254) NOT NULL,
    voided_at              TIMESTAMP WITH TIME ZONE,
    voided_by              VARCHAR(254),
    void_reason            VARCHAR(500),
    version                BIGINT NOT NULL
);
CREATE UNIQUE INDEX patient_mrn_ux ON patient (mrn);
-- Name search is a prefix range over normalised a-z keys, so plain b-tree indexes serve it on both engines.
CREATE INDEX patient_search_family_ix ON patient (search_family, search_given);
CREATE INDEX patient_search_given_ix ON patient (search_given, search_family);
CREATE INDEX patient_dob_ix ON patient (date_of_birth);
CREATE INDEX patient_therapist_ix ON patient (therapist_id);
CREATE INDEX patient_prescriber_ix ON patient (prescriber_id);
CREATE UNIQUE INDEX patient_account_ux ON patient (account_id);

CREATE TABLE patient_revision (
    id          UUID PRIMARY KEY,
    patient_id  UUID NOT NULL REFERENCES patient (id),
    revision    INT NOT NULL,
    kind        VARCHAR(30) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by  VARCHAR(254) NOT NULL,
    reason      VARCHAR(500),
    changes     TEXT NOT NULL
);
CREATE UNIQUE INDEX patient_revision_ux ON patient_revision (patient_id, revision);
