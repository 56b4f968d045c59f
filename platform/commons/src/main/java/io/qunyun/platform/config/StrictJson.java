package io.qunyun.platform.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read strictly in every service: a field the request does not have ({@code "points":-100}) and a
 * field given twice ({@code {"type":"SHARE","type":"AD_SPAM"}}) are 400s naming the field, not silently dropped or
 * last-one-wins (issue 23). What other systems send us as events, and what other services answer us, is read
 * leniently on purpose (tolerant reader): {@code CloudEventReader} and the REST clients' answer records opt out.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
