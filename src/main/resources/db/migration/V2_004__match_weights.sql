-- Matching weights an admin has set (one row, id 1). Without a row the documented defaults apply.
CREATE TABLE match_weights (
    id            INT PRIMARY KEY,
    specialty     INT NOT NULL,
    preferences   INT NOT NULL,
    insurance     INT NOT NULL,
    language      INT NOT NULL,
    availability  INT NOT NULL,
    caseload      INT NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(254) NOT NULL
);
