-- Stanley-Brown safety plans (REFERENCE.md 6.1). Versioned: every save is a new row, nothing is overwritten.
CREATE TABLE safety_plan (
    id                  UUID PRIMARY KEY,
    patient_id          UUID NOT NULL REFERENCES patient (id),
    version             INT NOT NULL,
    warning_signs       VARCHAR(4000) NOT NULL,
    coping_strategies   VARCHAR(4000) NOT NULL,
    distractions        VARCHAR(4000) NOT NULL,
    people_to_ask       VARCHAR(4000) NOT NULL,
    professionals       VARCHAR(4000) NOT NULL,
    safe_environment    VARCHAR(4000) NOT NULL,
    reasons_for_living  VARCHAR(4000) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(254) NOT NULL
);
CREATE UNIQUE INDEX safety_plan_version_ux ON safety_plan (patient_id, version);
