package io.qunyun.rules.domain.positioning;

/** Group types the tables may produce or check (domain brief, section 2). */
public enum GroupType {
    LEAD, CONVERSION, FAN, FLASH, DELIVERY, NEWCOMER, CORE_FANS, REGIONAL, REPURCHASE, PAID, PARTNERSHIP
}
