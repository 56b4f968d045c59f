package io.qunyun.rules.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.qunyun.platform.rest.ProblemType;
import io.qunyun.platform.rest.Problems;
import io.qunyun.platform.rest.Problem;
import io.qunyun.rules.domain.DecisionTableDefectException;
import io.qunyun.rules.domain.check.CompileGate;
import io.qunyun.rules.domain.check.WorkbookRefusedException;

/** The problems of rules-service's own refusals and failures; every other one is the platform's (io.qunyun.platform.rest). */
public class DecisionTableProblemMappers {

    private static final Logger LOG = Logger.getLogger(DecisionTableProblemMappers.class);

    /** A published table cannot decide the case (a gap or conflict the checks did not catch): a defect, logged. */
    @ServerExceptionMapper
    public Response tableDefect(DecisionTableDefectException e, UriInfo uri) {
        LOG.error("Decision table defect", e);
        return Problems.response(ProblemType.DECISION_TABLE_DEFECT, e.getMessage(), uri, List.of());
    }

    /**
     * An upload refused before anything was compiled or stored: 400 malformed-body (not an .xlsx), 413 (over a size
     * limit) or 422 workbook-refused (more than data changed). {@code errors[].field} names each place, {@code <sheet>!<cell>}
     * or {@code body}; {@code problems} holds them as the upload's check does (zh, en, sheet, row, cell).
     */
    @ServerExceptionMapper
    public Response workbookRefused(WorkbookRefusedException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.findings().stream()
                .map(f -> new Problem.FieldError(f.where(), f.problem().en() + " / " + f.problem().zh())).toList();
        String first = e.findings().isEmpty() ? "" : ": " + e.findings().get(0).problem().en() + " / " + e.findings().get(0).problem().zh();
        Map<String, Object> extensions = Map.of("table", e.table().tableName(),
                "problems", e.findings().stream().map(WorkbookRefusedException.Finding::problem).toList());
        Problem problem = switch (e.reason()) {
            case NOT_A_WORKBOOK -> new Problem(ProblemType.MALFORMED_BODY.uri(), ProblemType.MALFORMED_BODY.title(), 400,
                    "not an .xlsx workbook" + first, Problems.instance(uri), errors, extensions);
            case TOO_LARGE -> new Problem(ProblemType.uriForStatus(413), ProblemType.titleForStatus(413), 413,
                    "the workbook is over the upload limits" + first, Problems.instance(uri), errors, extensions);
            case NOT_DATA -> new Problem(ProblemType.WORKBOOK_REFUSED.uri(), ProblemType.WORKBOOK_REFUSED.title(), 422,
                    "only data cells may differ from the built-in workbook " + e.table().fileName() + "; nothing was compiled or "
                            + "stored (" + e.findings().size() + " place(s))" + first, Problems.instance(uri), errors, extensions);
        };
        return Problems.response(problem);
    }

    /** Another upload is being checked, or this check took too long: nothing stored, try again (Retry-After). */
    @ServerExceptionMapper
    public Response compilerBusy(CompileGate.Busy e, UriInfo uri) {
        return Problems.response(ProblemType.TABLE_COMPILER_BUSY, e.getMessage(), uri, List.of());
    }
}
