package io.qunyun.rules.domain.points;

/** Fact of the PointsExpiry table: matched on the member's tier (the lowest tier when none yet), written with the days. */
public class ExpiryCase {

    private final String memberTier;
    private Integer expiresAfterDays;

    public ExpiryCase(String memberTier) {
        this.memberTier = memberTier;
    }

    public String getMemberTier() {
        return memberTier;
    }

    public void setExpiresAfterDays(Integer expiresAfterDays) {
        this.expiresAfterDays = expiresAfterDays;
    }

    /** What the row that just fired wrote; clears it for the next row. */
    Integer takeExpiresAfterDays() {
        Integer days = expiresAfterDays;
        expiresAfterDays = null;
        return days;
    }
}
