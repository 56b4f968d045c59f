package io.qunyun.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KafkaBrokerResourceTest {

    @Test
    void turnsAdvertisedListenersIntoBootstrapServers() {
        assertEquals("localhost:39092", KafkaBrokerResource.bootstrapServers("PLAINTEXT://localhost:39092"));
        assertEquals("a:1,b:2", KafkaBrokerResource.bootstrapServers("PLAINTEXT://a:1, SSL://b:2"));
        assertEquals("localhost:9092", KafkaBrokerResource.bootstrapServers("localhost:9092"));
    }
}
