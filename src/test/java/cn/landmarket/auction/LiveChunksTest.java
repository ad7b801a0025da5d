package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.vertx.core.buffer.Buffer;

/** Finished chunks written past the encoder are the bytes the encoder itself would have written. */
class LiveChunksTest {

    private static final Buffer FRAME = Buffer.buffer("content-type:application/json\nid:7\nevent:bid\ndata:{\"sequence\":7}\n\n");

    /** A connection as Vert.x sets one up, with a chunked event stream's headers already written. */
    private static EmbeddedChannel streaming() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(LiveChunks.ENCODER, new HttpResponseEncoder());
        HttpResponse headers = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        headers.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        channel.writeOutbound(headers);
        drain(channel);
        return channel;
    }

    /** Everything the channel sent since the last call, as text. */
    private static String drain(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        ByteBuf sent;
        while ((sent = channel.readOutbound()) != null) {
            text.append(sent.toString(StandardCharsets.US_ASCII));
            sent.release();
        }
        return text.toString();
    }

    @Test
    void aFrameWrittenPastTheEncoderIsTheChunkTheEncoderWouldWrite() {
        EmbeddedChannel throughEncoder = streaming();
        throughEncoder.writeOutbound(new DefaultHttpContent(io.netty.buffer.Unpooled.wrappedBuffer(FRAME.getBytes())));
        EmbeddedChannel direct = streaming();
        LiveChunks.write(LiveChunks.encoderOf(direct), FRAME);

        String expected = drain(throughEncoder);
        assertEquals(Integer.toHexString(FRAME.length()) + "\r\n" + FRAME + "\r\n", expected);
        assertEquals(expected, drain(direct));

        throughEncoder.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);
        direct.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals("0\r\n\r\n", drain(throughEncoder));
        assertEquals("0\r\n\r\n", drain(direct), "the encoder still ends the stream as a chunked one");
    }

    @Test
    void oneFrameWrittenToManyConnectionsReachesEachInFull() {
        EmbeddedChannel first = streaming();
        EmbeddedChannel second = streaming();
        EmbeddedChannel third = streaming();
        String chunk = Integer.toHexString(FRAME.length()) + "\r\n" + FRAME + "\r\n";

        LiveChunks.write(LiveChunks.encoderOf(first), FRAME);
        assertEquals(chunk, drain(first), "sent, and its view released");
        LiveChunks.write(LiveChunks.encoderOf(second), FRAME);
        LiveChunks.write(LiveChunks.encoderOf(third), FRAME);

        assertEquals(chunk, drain(second), "the shared chunk outlives the first connection's release");
        assertEquals(chunk, drain(third));
    }

    @Test
    void framesFollowEachOtherInTheOrderWritten() {
        EmbeddedChannel channel = streaming();
        Buffer other = Buffer.buffer("event:heartbeat\ndata:{}\n\n");
        ChannelHandlerContext encoder = LiveChunks.encoderOf(channel);

        LiveChunks.write(encoder, FRAME);
        LiveChunks.write(encoder, other);
        LiveChunks.write(encoder, FRAME);

        String chunk = Integer.toHexString(FRAME.length()) + "\r\n" + FRAME + "\r\n";
        assertEquals(chunk + Integer.toHexString(other.length()) + "\r\n" + other + "\r\n" + chunk, drain(channel));
    }

    @Test
    void anEmptyFrameWritesNothingRatherThanEndingTheStream() {
        EmbeddedChannel channel = streaming();
        LiveChunks.write(LiveChunks.encoderOf(channel), Buffer.buffer());
        assertEquals("", drain(channel));
    }

    @Test
    void onlyAnUncompressedHttp1ConnectionTakesFinishedChunks() {
        assertNotNull(LiveChunks.encoderOf(streaming()));
        EmbeddedChannel compressed = streaming();
        compressed.pipeline().addLast(LiveChunks.DEFLATER, new HttpContentCompressor());
        assertNull(LiveChunks.encoderOf(compressed), "compressed: chunks must go through the compressor");
        assertNull(LiveChunks.encoderOf(new EmbeddedChannel()), "no HTTP/1.x encoder (HTTP/2)");
        assertNull(LiveChunks.encoderOf(null));
    }
}
