-- Every workbook version of every decision table: built into a release or uploaded by an analyst, with
-- its check result. A version is identified by the SHA-256 of the workbook bytes (the version every
-- decision names).
CREATE TABLE decision_table_version (
    table_name   VARCHAR(100) NOT NULL,
    version      VARCHAR(100) NOT NULL,
    workbook     BYTEA        NOT NULL,
    uploaded_by  VARCHAR(200) NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    compiled     BOOLEAN      NOT NULL,
    complete     BOOLEAN      NOT NULL,
    cases_passed BOOLEAN      NOT NULL,
    -- the check as the upload answered it (JSON), shown again on the analysts' page
    check_result TEXT         NOT NULL,
    PRIMARY KEY (table_name, version)
);

-- Which version decides, per table: the row with the highest id wins. Publishing and rolling back both
-- append a row (nothing is updated), so the history is the audit trail and every replica switches by
-- reading the newest row.
CREATE TABLE decision_table_activation (
    id           BIGSERIAL    PRIMARY KEY,
    table_name   VARCHAR(100) NOT NULL,
    version      VARCHAR(100) NOT NULL,
    activated_by VARCHAR(200) NOT NULL,
    activated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    FOREIGN KEY (table_name, version) REFERENCES decision_table_version (table_name, version)
);
CREATE INDEX decision_table_activation_newest ON decision_table_activation (table_name, id DESC);
