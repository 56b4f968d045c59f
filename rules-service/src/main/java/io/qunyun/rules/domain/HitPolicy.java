package io.qunyun.rules.domain;

/**
 * How a table treats several matching rows. Declared per workbook in its
 * {@code .drl.xlsx.properties} file as {@code qunyun.hit-policy}, next to the workbook analysts edit.
 */
public enum HitPolicy {
    /** Rows must not overlap: two matching rows are a table defect. */
    UNIQUE,
    /** Rows may overlap; the matching row with the highest priority decides. Equal top priorities are a defect. */
    PRIORITY,
    /** Every matching row applies (e.g. each adds a finding). */
    COLLECT
}
