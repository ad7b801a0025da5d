package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;

/** When the live feed counts a watcher's connection as backed up (and fails the watcher). */
class LiveResourceTest {

    @Test
    void aConnectionIsBackedUpOnlyWhileOpenAndHoldingMoreUnsentDataThanItTakes() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        assertFalse(LiveResource.backedUp(channel), "open, nothing pending");
        channel.write(Unpooled.wrappedBuffer(new byte[64]));
        assertTrue(LiveResource.backedUp(channel), "open, 64 bytes unsent over a high-water mark of 16");
        channel.flushOutbound();
        assertFalse(LiveResource.backedUp(channel), "the client took them");
        channel.write(Unpooled.wrappedBuffer(new byte[64]));
        channel.close();
        assertFalse(channel.isWritable());
        assertFalse(LiveResource.backedUp(channel), "closed: the write fails quietly instead");
        channel.finishAndReleaseAll();
    }
}
