package io.qunyun.member.domain;

import java.math.BigDecimal;

/**
 * Optional facts of an activity that tables may read and metrics may sum.
 *
 * @param product     purchase: the product (SKU or name)
 * @param amount      purchase: the amount paid, &gt; 0
 * @param currency    purchase: ISO 4217 code of the amount
 * @param contentKind content: what kind of content (e.g. ARTICLE, VIDEO, HOMEWORK)
 */
public record ActivityAttributes(String product, BigDecimal amount, String currency, String contentKind) {

    public static final ActivityAttributes NONE = new ActivityAttributes(null, null, null, null);
}
