package io.qunyun.member.domain;

/** The member's balance does not cover the reward: nothing was redeemed. */
public class InsufficientPointsException extends RuntimeException {

    private final long balance;
    private final int cost;

    public InsufficientPointsException(long balance, int cost) {
        super("The balance of " + balance + " points does not cover the cost of " + cost);
        this.balance = balance;
        this.cost = cost;
    }

    public long balance() {
        return balance;
    }

    public int cost() {
        return cost;
    }
}
