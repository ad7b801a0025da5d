package cn.landmarket.auction;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.buffer.Buffer;

/**
 * Writes a live feed's frames to an HTTP/1.1 connection as finished chunks, past Vert.x's response
 * and Netty's HTTP encoder. A pass writes the same frames to thousands of connections, and on the
 * usual path each write took the response's lock, a promise with listeners, a chunk header of its own
 * and a copy of the frame into direct memory. Here a pass encodes its chunk once, in direct memory,
 * and every connection of the loop gets a view of it.
 *
 * <p>Only for connections whose every write after the headers goes through their event loop in order
 * (the caller's duty: {@link LiveResource} attaches a watcher on its loop), over plain HTTP/1.1 with
 * chunked responses and no compression; {@link #encoderOf} says which.
 */
final class LiveChunks {

    /** The pipeline handler names of Vert.x's HTTP/1.x server ({@code HttpServerWorker}). */
    static final String ENCODER = "httpEncoder";
    static final String DEFLATER = "deflater";

    private static final byte[] CRLF = {'\r', '\n'};

    /** The last frame encoded on this thread and its chunk: a pass writes one frame to every connection. */
    private static final FastThreadLocal<Encoded> LAST = new FastThreadLocal<>();

    private record Encoded(Buffer frame, ByteBuf chunk) {
    }

    private LiveChunks() {
    }

    /**
     * The context of the channel's HTTP/1.x response encoder, from which finished chunks go out; null
     * when the channel has none (HTTP/2) or compresses responses.
     */
    static ChannelHandlerContext encoderOf(Channel channel) {
        if (channel == null) {
            return null;
        }
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(DEFLATER) != null) {
            return null;
        }
        return pipeline.context(ENCODER);
    }

    /** The frame as one HTTP/1.1 chunk: its length in hex, CRLF, its bytes, CRLF; in direct memory, never released. */
    static ByteBuf chunk(Buffer frame) {
        byte[] length = Integer.toHexString(frame.length()).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer bytes = ByteBuffer.allocateDirect(length.length + CRLF.length + frame.length() + CRLF.length);
        bytes.put(length).put(CRLF).put(frame.getBytes()).put(CRLF).flip();
        // Freed by the garbage collector with its ByteBuffer; every write takes a view of it, and the
        // view's release after the write must not free it for the next connection.
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes));
    }

    /** Writes the frame as a chunk from the encoder's context; on the connection's event loop only. */
    static void write(ChannelHandlerContext encoder, Buffer frame) {
        if (frame.length() == 0) {
            return; // an empty chunk would end the response
        }
        Encoded last = LAST.get();
        if (last == null || last.frame() != frame) {
            last = new Encoded(frame, chunk(frame));
            LAST.set(last);
        }
        encoder.writeAndFlush(last.chunk().duplicate());
    }
}
