-- The Schedule III controlled-substance ledger (REFERENCE.md 3.6; ADR 016). Every table here is append-only: rows are
-- inserted and never updated or deleted (V5_021 adds triggers that refuse both). A correction is a new entry that names
-- the entry it corrects and why. Records are kept at least 2 years (21 CFR 1304.04(a)); nothing here ever removes one.

-- The catalogue of CIII products. Quantities are counted in the product's unit (device, mL, troche, tablet).
CREATE TABLE cs_product (
    id           UUID PRIMARY KEY,
    substance    VARCHAR(20) NOT NULL,
    name         VARCHAR(120) NOT NULL,
    ndc          VARCHAR(20),
    unit         VARCHAR(10) NOT NULL,
    mg_per_unit  NUMERIC(10, 2) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(254) NOT NULL,
    CONSTRAINT cs_product_name_uq UNIQUE (name)
);

-- A manufacturer's lot of one product. The same lot number received again is the same lot.
CREATE TABLE cs_lot (
    id          UUID PRIMARY KEY,
    product_id  UUID NOT NULL REFERENCES cs_product (id),
    lot_number  VARCHAR(40) NOT NULL,
    expiry      DATE NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(254) NOT NULL,
    CONSTRAINT cs_lot_number_uq UNIQUE (product_id, lot_number)
);

-- The ledger at a location starts with its initial inventory (21 CFR 1304.11(b)), which may be "nothing on hand".
CREATE TABLE cs_location_ledger (
    location_id     UUID PRIMARY KEY REFERENCES clinic_location (id),
    opened_on       DATE NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by       VARCHAR(254) NOT NULL,
    opened_by_name  VARCHAR(200) NOT NULL,
    note            VARCHAR(1000)
);

CREATE SEQUENCE cs_entry_no_seq START WITH 1;

-- One movement of one lot at one location. "line" numbers the entries of a lot at a location 1, 2, 3 ... under a row
-- lock on the lot, so a lost or doubled entry shows as a gap or is refused by the unique key. balance_after is the
-- running balance after this entry; the balance always equals the sum of delta.
CREATE TABLE cs_entry (
    id                 UUID PRIMARY KEY,
    entry_no           BIGINT NOT NULL,
    kind               VARCHAR(20) NOT NULL,
    lot_id             UUID NOT NULL REFERENCES cs_lot (id),
    location_id        UUID NOT NULL REFERENCES clinic_location (id),
    line               INT NOT NULL,
    quantity           NUMERIC(12, 2) NOT NULL,
    delta              NUMERIC(12, 2) NOT NULL,
    balance_after      NUMERIC(12, 2) NOT NULL,
    discrepancy        NUMERIC(12, 2),
    occurred_on        DATE NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by        VARCHAR(254) NOT NULL,
    recorded_by_name   VARCHAR(200) NOT NULL,
    witness_by         VARCHAR(254),
    witness_name       VARCHAR(200),
    session_id         UUID,
    patient_id         UUID REFERENCES patient (id),
    other_location_id  UUID REFERENCES clinic_location (id),
    group_id           UUID,
    corrects_id        UUID REFERENCES cs_entry (id),
    resolves_id        UUID REFERENCES cs_entry (id),
    supplier           VARCHAR(200),
    invoice_number     VARCHAR(60),
    storage            VARCHAR(120),
    count_kind         VARCHAR(20),
    estimated          BOOLEAN NOT NULL,
    loss_type          VARCHAR(30),
    police_report      VARCHAR(60),
    note               VARCHAR(1000),
    CONSTRAINT cs_entry_no_uq UNIQUE (entry_no),
    CONSTRAINT cs_entry_line_uq UNIQUE (lot_id, location_id, line),
    CONSTRAINT cs_entry_balance_ck CHECK (balance_after >= 0),
    CONSTRAINT cs_entry_quantity_ck CHECK (quantity >= 0)
);
CREATE INDEX cs_entry_location_ix ON cs_entry (location_id, recorded_at);
CREATE INDEX cs_entry_session_ix ON cs_entry (session_id);
CREATE INDEX cs_entry_patient_ix ON cs_entry (patient_id);
CREATE INDEX cs_entry_corrects_ix ON cs_entry (corrects_id);
CREATE INDEX cs_entry_resolves_ix ON cs_entry (resolves_id);

-- What happened after a theft or significant loss was reported: the DEA field office notified (within 1 business day
-- of discovery), DEA Form 106 filed. The latest row for a loss says where it stands.
CREATE TABLE cs_loss_followup (
    id                UUID PRIMARY KEY,
    entry_id          UUID NOT NULL REFERENCES cs_entry (id),
    dea_notified_on   DATE,
    form106_filed_on  DATE,
    note              VARCHAR(1000),
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by       VARCHAR(254) NOT NULL,
    recorded_by_name  VARCHAR(200) NOT NULL
);
CREATE INDEX cs_loss_followup_entry_ix ON cs_loss_followup (entry_id, recorded_at);
