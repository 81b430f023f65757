-- Eligibility (issue 5): the minimum-adequate-dose table, evaluations, antidepressant trials, medications,
-- allergies and their reconciliations, consents, contraindication screening and signed decisions.
-- Clinical rows are never deleted: trials are voided with a reason, medications stopped, allergies removed with a
-- reason, and a signed decision is changed only by an amendment row.

-- Minimum adequate daily doses. Every seeded row needs a prescriber's verification (verified_at NULL) before the
-- screen stops calling it unverified: REFERENCE.md lists no dose floors, so these come from the US prescribing
-- information's lowest usual effective adult dose for depression, the basis MGH-ATRQ-style ratings use.
CREATE TABLE antidepressant_dose_floor (
    drug          VARCHAR(60) PRIMARY KEY,
    display_name  VARCHAR(80) NOT NULL,
    drug_class    VARCHAR(20) NOT NULL,
    min_daily_mg  NUMERIC(8, 2) NOT NULL,
    source        VARCHAR(400) NOT NULL,
    verified_by   VARCHAR(254),
    verified_at   TIMESTAMP WITH TIME ZONE,
    updated_by    VARCHAR(254) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT NOT NULL DEFAULT 0
);
INSERT INTO antidepressant_dose_floor (drug, display_name, drug_class, min_daily_mg, source, updated_by, updated_at) VALUES
 ('citalopram', 'Citalopram', 'SSRI', 20, 'US PI: usual effective dose 20 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('escitalopram', 'Escitalopram', 'SSRI', 10, 'US PI: recommended dose 10 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('fluoxetine', 'Fluoxetine', 'SSRI', 20, 'US PI: initial and usual effective dose 20 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('paroxetine', 'Paroxetine', 'SSRI', 20, 'US PI: usual effective dose 20 mg/day (IR)', 'seed', CURRENT_TIMESTAMP),
 ('sertraline', 'Sertraline', 'SSRI', 50, 'US PI: effective dose 50 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('fluvoxamine', 'Fluvoxamine', 'SSRI', 100, 'Not US-labelled for depression; 100 mg/day as in MGH-ATRQ-style ratings', 'seed', CURRENT_TIMESTAMP),
 ('venlafaxine', 'Venlafaxine', 'SNRI', 75, 'US PI: starting and effective dose 75 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('desvenlafaxine', 'Desvenlafaxine', 'SNRI', 50, 'US PI: recommended dose 50 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('duloxetine', 'Duloxetine', 'SNRI', 60, 'US PI: target dose 60 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('levomilnacipran', 'Levomilnacipran', 'SNRI', 40, 'US PI: dose range 40-120 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('bupropion', 'Bupropion', 'NDRI', 300, 'US PI: target dose 300 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('mirtazapine', 'Mirtazapine', 'NaSSA', 15, 'US PI: effective range 15-45 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('vortioxetine', 'Vortioxetine', 'MULTIMODAL', 10, 'US PI: 10 mg/day start, 20 mg/day target; 10 used as floor', 'seed', CURRENT_TIMESTAMP),
 ('vilazodone', 'Vilazodone', 'MULTIMODAL', 20, 'US PI: recommended 20-40 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('trazodone', 'Trazodone', 'SARI', 150, 'US PI: starting dose 150 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('amitriptyline', 'Amitriptyline', 'TCA', 150, 'US PI: usual outpatient dose up to 150 mg/day; MGH-ATRQ-style floor', 'seed', CURRENT_TIMESTAMP),
 ('nortriptyline', 'Nortriptyline', 'TCA', 75, 'US PI: usual adult dose 75-100 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('imipramine', 'Imipramine', 'TCA', 150, 'US PI: usual outpatient dose 150 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('desipramine', 'Desipramine', 'TCA', 150, 'US PI: usual adult dose 100-200 mg/day; MGH-ATRQ-style floor', 'seed', CURRENT_TIMESTAMP),
 ('clomipramine', 'Clomipramine', 'TCA', 150, 'Not US-labelled for depression; MGH-ATRQ-style floor', 'seed', CURRENT_TIMESTAMP),
 ('phenelzine', 'Phenelzine', 'MAOI', 45, 'US PI: 15 mg three times a day', 'seed', CURRENT_TIMESTAMP),
 ('tranylcypromine', 'Tranylcypromine', 'MAOI', 30, 'US PI: usual effective dose 30 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('isocarboxazid', 'Isocarboxazid', 'MAOI', 30, 'US PI: 10 mg twice a day, raised to 40 mg/day', 'seed', CURRENT_TIMESTAMP),
 ('selegiline', 'Selegiline (transdermal)', 'MAOI', 6, 'US PI: 6 mg/24 h patch', 'seed', CURRENT_TIMESTAMP);

-- One evaluation per episode of care; the latest one is the current one.
CREATE TABLE evaluation (
    id                 UUID PRIMARY KEY,
    patient_id         UUID NOT NULL REFERENCES patient (id),
    modality           VARCHAR(30) NOT NULL,
    episode_start      DATE,
    ect                VARCHAR(20) NOT NULL,
    tms                VARCHAR(20) NOT NULL,
    severity           VARCHAR(30),
    rems_enrolled_on   DATE,
    notes              VARCHAR(4000) NOT NULL,
    status             VARCHAR(20) NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by         VARCHAR(254) NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by         VARCHAR(254) NOT NULL,
    version            BIGINT NOT NULL
);
CREATE INDEX evaluation_patient_ix ON evaluation (patient_id, started_at);

CREATE TABLE antidepressant_trial (
    id               UUID PRIMARY KEY,
    patient_id       UUID NOT NULL REFERENCES patient (id),
    drug             VARCHAR(80) NOT NULL,
    max_daily_mg     NUMERIC(8, 2) NOT NULL,
    weeks_at_dose    INT NOT NULL,
    adherence        VARCHAR(20) NOT NULL,
    outcome          VARCHAR(20) NOT NULL,
    augmentation     BOOLEAN NOT NULL,
    current_episode  BOOLEAN NOT NULL,
    note             VARCHAR(1000) NOT NULL,
    entered_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    entered_by       VARCHAR(254) NOT NULL,
    voided_at        TIMESTAMP WITH TIME ZONE,
    voided_by        VARCHAR(254),
    void_reason      VARCHAR(500)
);
CREATE INDEX antidepressant_trial_patient_ix ON antidepressant_trial (patient_id, entered_at);

CREATE TABLE medication (
    id           UUID PRIMARY KEY,
    patient_id   UUID NOT NULL REFERENCES patient (id),
    name         VARCHAR(120) NOT NULL,
    dose         VARCHAR(120) NOT NULL,
    classes      VARCHAR(200) NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by     VARCHAR(254) NOT NULL,
    stopped_at   TIMESTAMP WITH TIME ZONE,
    stopped_by   VARCHAR(254),
    stop_reason  VARCHAR(500)
);
CREATE INDEX medication_patient_ix ON medication (patient_id, added_at);

CREATE TABLE allergy (
    id             UUID PRIMARY KEY,
    patient_id     UUID NOT NULL REFERENCES patient (id),
    substance      VARCHAR(120) NOT NULL,
    reaction       VARCHAR(200) NOT NULL,
    added_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by       VARCHAR(254) NOT NULL,
    removed_at     TIMESTAMP WITH TIME ZONE,
    removed_by     VARCHAR(254),
    remove_reason  VARCHAR(500)
);
CREATE INDEX allergy_patient_ix ON allergy (patient_id, added_at);

-- Who reconciled the lists, when, where (evaluation or a dosing-day gate), and what the lists held then.
CREATE TABLE medication_reconciliation (
    id             UUID PRIMARY KEY,
    patient_id     UUID NOT NULL REFERENCES patient (id),
    context        VARCHAR(20) NOT NULL,
    medications    VARCHAR(4000) NOT NULL,
    allergies      VARCHAR(4000) NOT NULL,
    note           VARCHAR(1000) NOT NULL,
    reconciled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reconciled_by  VARCHAR(254) NOT NULL
);
CREATE INDEX medication_reconciliation_patient_ix ON medication_reconciliation (patient_id, reconciled_at);

CREATE TABLE consent_document (
    id            UUID PRIMARY KEY,
    kind          VARCHAR(30) NOT NULL,
    version       INT NOT NULL,
    title         VARCHAR(200) NOT NULL,
    body          VARCHAR(20000) NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by  VARCHAR(254) NOT NULL
);
CREATE UNIQUE INDEX consent_document_version_ux ON consent_document (kind, version);

CREATE TABLE consent_signature (
    id            UUID PRIMARY KEY,
    patient_id    UUID NOT NULL REFERENCES patient (id),
    document_id   UUID NOT NULL REFERENCES consent_document (id),
    kind          VARCHAR(30) NOT NULL,
    version       INT NOT NULL,
    signer_name   VARCHAR(200) NOT NULL,
    channel       VARCHAR(10) NOT NULL,
    signed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by   VARCHAR(254) NOT NULL
);
CREATE INDEX consent_signature_patient_ix ON consent_signature (patient_id, kind, version);

-- One answer per screening item per evaluation, editable until the decision is signed.
CREATE TABLE contraindication_answer (
    evaluation_id   UUID NOT NULL REFERENCES evaluation (id),
    item            VARCHAR(40) NOT NULL,
    present         BOOLEAN NOT NULL,
    signoff_reason  VARCHAR(1000),
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_by     VARCHAR(254) NOT NULL,
    PRIMARY KEY (evaluation_id, item)
);

-- Signed decisions are never updated; a change is a new row that amends the one before.
CREATE TABLE eligibility_decision (
    id                UUID PRIMARY KEY,
    evaluation_id     UUID NOT NULL REFERENCES evaluation (id),
    patient_id        UUID NOT NULL REFERENCES patient (id),
    modality          VARCHAR(30) NOT NULL,
    outcome           VARCHAR(30) NOT NULL,
    reasons           VARCHAR(4000) NOT NULL,
    conditions        VARCHAR(4000) NOT NULL,
    trd_met           BOOLEAN NOT NULL,
    trd_summary       VARCHAR(4000) NOT NULL,
    maudsley_total    INT NOT NULL,
    screening_summary VARCHAR(4000) NOT NULL,
    amends            UUID REFERENCES eligibility_decision (id),
    amendment_reason  VARCHAR(1000),
    signed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_by         VARCHAR(254) NOT NULL
);
CREATE INDEX eligibility_decision_patient_ix ON eligibility_decision (patient_id, signed_at);
