package cn.landmarket.common.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpClosedException;

class ClientWentAwayTest {

    @Test
    void aConnectionClosedWhileTheBodyWasReadIsTheClientGoingAwayHoweverDeeplyWrapped() {
        assertTrue(ProblemMapper.clientWentAway(new HttpClosedException("Connection was closed")));
        assertTrue(ProblemMapper.clientWentAway(
                new IOException(new IOException(new HttpClosedException("Connection was closed")))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ProblemMapper.clientWentAway(new IOException("disk full")));
        assertFalse(ProblemMapper.clientWentAway(new IllegalStateException(new NullPointerException())));
    }
}
