package io.qunyun.campaign.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.qunyun.campaign.domain.DependencyUnavailableException;
import io.qunyun.campaign.domain.PositioningBlockedException;
import io.qunyun.campaign.domain.RequestRefusedException;
import io.qunyun.campaign.domain.template.InvalidTemplateException;
import io.qunyun.platform.rest.Problem;
import io.qunyun.platform.rest.ProblemType;
import io.qunyun.platform.rest.Problems;

/**
 * The problems of campaign-service's own domain refusals; the shared ones (validation, JSON, tokens, database,
 * defects) are the platform's (io.qunyun.platform.rest).
 */
public class CampaignProblemMappers {

    private static final Logger LOG = Logger.getLogger(CampaignProblemMappers.class);

    /** A service this one needs is down: nothing was changed; the client may retry (503, Retry-After). */
    @ServerExceptionMapper
    public Response dependencyUnavailable(DependencyUnavailableException e, UriInfo uri) {
        LOG.warnf("%s unavailable: %s", e.dependency(), e.getMessage());
        String type = ProblemType.uriOf(e.dependency() + "-unavailable");
        String title = type.equals(ProblemType.MEMBER_SERVICE_UNAVAILABLE.uri()) ? ProblemType.MEMBER_SERVICE_UNAVAILABLE
                .title() : ProblemType.RULES_SERVICE_UNAVAILABLE.title();
        return Problems.response(new Problem(type, title, 503, e.dependency()
                + " did not answer; nothing was changed. Retry later.", Problems.instance(uri), null, null));
    }

    /** A template that does not parse or validate: every defect, each naming its field and step. */
    @ServerExceptionMapper
    public Response invalidTemplate(InvalidTemplateException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.errors().stream()
                .map(x -> new Problem.FieldError(x.field(), x.step() == null ? x.message()
                        : "step '" + x.step() + "': " + x.message()))
                .toList();
        return Problems.response(ProblemType.INVALID_TEMPLATE, e.getMessage(), uri, errors);
    }

    /** The 5W1H self-check blocked a new group: 422 with the findings, the rows and the table version. */
    @ServerExceptionMapper
    public Response positioningBlocked(PositioningBlockedException e, UriInfo uri) {
        ProblemType type = ProblemType.GROUP_POSITIONING_BLOCKED;
        return Problems.response(new Problem(type.uri(), type.title(), type.status(), e.getMessage(),
                Problems.instance(uri), null, Map.of("findings", e.findings(), "firedRules", e.firedRules(),
                        "tableVersion", e.tableVersion())));
    }

    /** The domain refused the request: a field it names (400), else the status it gives. */
    @ServerExceptionMapper
    public Response refused(RequestRefusedException e, UriInfo uri) {
        if (e.field() != null) {
            return Problems.field(ProblemType.INVALID_REQUEST, e.field(), e.getMessage(), uri);
        }
        return Problems.response(new Problem(ProblemType.uriForStatus(e.status()), ProblemType.titleForStatus(e.status()),
                e.status(), e.getMessage(), Problems.instance(uri), null, null));
    }
}
