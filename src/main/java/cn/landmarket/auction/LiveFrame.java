package cn.landmarket.auction;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.vertx.core.buffer.Buffer;

/**
 * One live event as it goes on the wire, encoded once for every watcher of its listing: the same
 * Server-Sent Events text the REST layer writes for the first events of a stream ({@code content-type},
 * {@code id} for a bid or status with a sequence, {@code event}, {@code data} with the event's JSON).
 * The bytes are shared by every watcher's connection (a Vert.x heap buffer is never released, so it
 * can be written any number of times).
 */
record LiveFrame(String type, Integer sequence, Buffer bytes) {

    /** The frame of an event whose JSON (one line) is {@code json}. */
    static LiveFrame of(LiveEvent event, String json) {
        StringBuilder text = new StringBuilder(json.length() + 64).append("content-type:application/json\n");
        if (event.sequence() != null && !LiveEvent.HEARTBEAT.equals(event.type())) {
            text.append("id:").append(event.sequence()).append('\n');
        }
        text.append("event:").append(event.type()).append('\n');
        text.append("data:").append(json).append("\n\n");
        return new LiveFrame(event.type(), event.sequence(), Buffer.buffer(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The frames' bytes one after the other, as one write (the frame's own bytes for one frame); null for none. */
    static Buffer join(List<LiveFrame> frames) {
        if (frames.size() <= 1) {
            return frames.isEmpty() ? null : frames.get(0).bytes();
        }
        int length = 0;
        for (LiveFrame frame : frames) {
            length += frame.bytes().length();
        }
        Buffer joined = Buffer.buffer(length);
        for (LiveFrame frame : frames) {
            joined.appendBuffer(frame.bytes());
        }
        return joined;
    }

    /** Whether the frame is a bid that a snapshot counting {@code counted} bids already includes. */
    boolean countedBy(int counted) {
        return LiveEvent.BID.equals(type) && sequence != null && sequence <= counted;
    }
}
