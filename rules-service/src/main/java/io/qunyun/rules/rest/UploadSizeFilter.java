package io.qunyun.rules.rest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.qunyun.platform.rest.Problem;
import io.qunyun.platform.rest.ProblemType;
import io.qunyun.platform.rest.Problems;
import io.qunyun.rules.config.TablesConfig;

/**
 * The upload limit of workbook uploads ({@code qunyun.tables.upload.max-bytes}, 2 MiB) answered from the request's
 * Content-Length, before the body is read: the HTTP server's own limit (10 MiB) is for every route. A body without a
 * length (chunked) is measured by the resource.
 */
public class UploadSizeFilter {

    private static final Pattern UPLOAD = Pattern.compile("^/decision-tables/([^/]+)/versions/?$");

    @Inject
    TablesConfig config;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> tooLarge(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return Optional.empty();
        }
        Matcher upload = UPLOAD.matcher(request.getUriInfo().getPath());
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (!upload.matches() || length == null) {
            return Optional.empty();
        }
        long max = config.upload().maxBytes();
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.empty(); // the HTTP server refuses a malformed length itself
        }
        if (bytes <= max) {
            return Optional.empty();
        }
        String message = "is larger than the upload limit of " + max + " bytes / 超过上传上限 " + max + " 字节";
        return Optional.of(Problems.response(new Problem(ProblemType.uriForStatus(413), ProblemType.titleForStatus(413), 413,
                "the workbook " + message, Problems.instance(request.getUriInfo()), List.of(new Problem.FieldError("body", message)),
                null)));
    }
}
