-- When each version of each decision table was first served, so analysts can see when an edit went live.
CREATE TABLE decision_table_release (
    table_name      VARCHAR(100) NOT NULL,
    version         VARCHAR(100) NOT NULL,
    row_count       INTEGER      NOT NULL,
    first_served_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (table_name, version)
);
