package io.qunyun.campaign.rest;

import jakarta.inject.Singleton;

import io.qunyun.platform.rest.InvalidParameters;

/** The shared resources' invalid parameters (GET /audit filters, /clock) as this service's 400 naming them. */
@Singleton
public class InvalidParameterAnswer implements InvalidParameters {

    @Override
    public RuntimeException invalid(String parameter, String message) {
        return ProblemException.badField(parameter, message);
    }
}
