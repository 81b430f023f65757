-- Append-only, hash-chained audit trail (ONC 170.315(d)(2),(d)(3)).
-- Appends serialize on the single chain-head row, so the chain stays linear across threads and nodes.
CREATE TABLE audit_entry (
    seq          BIGINT PRIMARY KEY,
    id           UUID NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    username     VARCHAR(254) NOT NULL,
    roles        VARCHAR(200) NOT NULL,
    action       VARCHAR(60) NOT NULL,
    outcome      VARCHAR(20) NOT NULL,
    patient_id   UUID,
    entity_type  VARCHAR(60),
    entity_id    VARCHAR(100),
    client_ip    VARCHAR(64),
    details      VARCHAR(1000),
    prev_hash    CHAR(64) NOT NULL,
    hash         CHAR(64) NOT NULL
);
CREATE INDEX audit_entry_time_ix ON audit_entry (occurred_at);
CREATE INDEX audit_entry_patient_ix ON audit_entry (patient_id, occurred_at);
CREATE INDEX audit_entry_user_ix ON audit_entry (username, occurred_at);

CREATE TABLE audit_chain_head (
    id        INT PRIMARY KEY,
    last_seq  BIGINT NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
