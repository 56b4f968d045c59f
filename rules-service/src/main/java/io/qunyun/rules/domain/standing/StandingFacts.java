package io.qunyun.rules.domain.standing;

/**
 * What a member did in one group (member-service keeps these per membership).
 *
 * @param interactions              activities recorded in the group, ad spam excluded
 * @param purchases                 purchases in the group
 * @param shares                    shares in the group
 * @param contributions             content posts and shares in the group
 * @param daysSinceLastActivity     local days since the last activity (or the join)
 * @param daysSinceLastContribution local days since the last contribution (or the join)
 */
public record StandingFacts(int interactions, int purchases, int shares, int contributions, int daysSinceLastActivity,
        int daysSinceLastContribution) {
}
