-- Published versions as this service compiled them (the class files of their rule units and their sheets, the
-- format of PrebuiltTables), so that a restarted or second instance loads a published version instead of
-- compiling it again (docs/performance.md, "Startup"). Keyed by the build of the service that compiled it: the
-- generated classes call that build's fact classes, so a new release compiles each published version once more
-- and stores it under its own key. A cache: deleting rows only costs a compile.
CREATE TABLE decision_table_compiled (
    table_name  VARCHAR(100) NOT NULL,
    version     VARCHAR(100) NOT NULL,
    build       VARCHAR(100) NOT NULL,
    module      BYTEA        NOT NULL,
    compiled_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (table_name, version, build),
    FOREIGN KEY (table_name, version) REFERENCES decision_table_version (table_name, version)
);
