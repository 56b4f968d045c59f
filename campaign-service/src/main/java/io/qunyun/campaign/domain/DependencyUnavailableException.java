package io.qunyun.campaign.domain;

/**
 * A service this one needs did not answer; the request changed nothing and may be retried later
 * (REST answers 503 with Retry-After).
 */
public class DependencyUnavailableException extends RuntimeException {

    private final String dependency;

    public DependencyUnavailableException(String dependency, String detail) {
        super(detail);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
