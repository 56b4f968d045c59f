package io.qunyun.rules.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.qunyun.platform.rest.ProblemType;
import io.qunyun.platform.rest.Problems;
import io.qunyun.rules.domain.DecisionTableDefectException;

/** The problem of rules-service's own failure; every other one is the platform's (io.qunyun.platform.rest). */
public class DecisionTableProblemMappers {

    private static final Logger LOG = Logger.getLogger(DecisionTableProblemMappers.class);

    /** A published table cannot decide the case (a gap or conflict the checks did not catch): a defect, logged. */
    @ServerExceptionMapper
    public Response tableDefect(DecisionTableDefectException e, UriInfo uri) {
        LOG.error("Decision table defect", e);
        return Problems.response(ProblemType.DECISION_TABLE_DEFECT, e.getMessage(), uri, List.of());
    }
}
