package io.qunyun.platform.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.qunyun.platform.config.StorableText;

/**
 * Path and query parameters with U+0000 are refused before a resource runs (400 naming the parameter,
 * docs/errors.md): PostgreSQL cannot compare or store such text, and a query with it fails as a 500. Bodies are
 * checked when they are read ({@link StorableText}).
 */
public class StorableParameters {

    @ServerRequestFilter
    public void refuseUnstorableText(UriInfo uri) {
        refuse(uri.getPathParameters());
        refuse(uri.getQueryParameters());
    }

    private static void refuse(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            boolean bad = !StorableText.storable(name);
            for (String value : parameter.getValue()) {
                bad |= !StorableText.storable(value);
            }
            if (bad) {
                name = name.replace("\u0000", "\\u0000");
                throw new InvalidParameterException(name, StorableText.MESSAGE);
            }
        }
    }
}
