package io.qunyun.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qunyun.platform.events.CloudEventReader;

/** The service's {@link CloudEventReader}: its mapper's modules, made strict about JSON types, and its validator. */
@ApplicationScoped
public class EventReaders {

    @Produces
    @Singleton
    CloudEventReader cloudEventReader(ObjectMapper mapper, Validator validator) {
        return new CloudEventReader(mapper, validator);
    }
}
