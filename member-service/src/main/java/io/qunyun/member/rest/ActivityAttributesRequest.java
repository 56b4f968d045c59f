package io.qunyun.member.rest;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

import io.qunyun.member.domain.ActivityAttributes;
import io.qunyun.platform.rest.InvalidParameterException;

/**
 * Optional facts of an activity (purchase: product, amount, currency; content: contentKind).
 *
 * @param amount a decimal string ("199.00") or a JSON number, &gt; 0, at most 4 decimals
 */
public record ActivityAttributesRequest(
        @Size(min = 1, max = 200) String product,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @CurrencyCode String currency,
        @Size(min = 1, max = 64) String contentKind) {

    /** An amount means nothing without its currency (and a currency nothing without an amount). */
    ActivityAttributes toDomain() {
        if (amount != null && currency == null) {
            throw new InvalidParameterException("attributes.currency", "is required with an amount");
        }
        if (amount == null && currency != null) {
            throw new InvalidParameterException("attributes.amount", "is required with a currency");
        }
        return new ActivityAttributes(product, amount, currency, contentKind);
    }
}
