package io.qunyun.platform.config;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Text PostgreSQL cannot store is refused when the JSON is read, not when the row is written: a string with
 * U+0000 (NUL; text and jsonb columns cannot hold it) fails binding like any wrong value, so the problem
 * mappers answer 400 naming the field (docs/errors.md) instead of the database failing the statement (500).
 */
@Singleton
public class StorableText implements ObjectMapperCustomizer {

    /** The message of the refusal; the mappers recognise it by the target type String. */
    public static final String MESSAGE = "must not contain the character U+0000 (NUL): it cannot be stored";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("storable-text").addDeserializer(String.class, new Deserializer()));
    }

    static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, MESSAGE, null, String.class);
            }
            return text;
        }
    }

    /** For path and query parameters, which Jackson does not read. */
    public static boolean storable(String text) {
        return text == null || text.indexOf('\u0000') < 0;
    }
}
