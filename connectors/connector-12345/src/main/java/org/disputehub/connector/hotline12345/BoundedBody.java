package org.disputehub.connector.hotline12345;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A reply body read as strict UTF-8 text of at most {@code max} bytes: a longer body is cancelled as soon as it
 * passes the limit (a platform, or something posing as it, cannot make the hub buffer gigabytes), and bytes
 * that are not UTF-8 (a GBK reply) fail instead of turning into replacement characters.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<String> {

    /** The body is over the limit or not UTF-8; the message says which. */
    static final class RejectedBodyException extends RuntimeException {
        RejectedBodyException(String message) {
            super(message);
        }
    }

    private final int max;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BoundedBody(int max) {
        this.max = max;
    }

    static HttpResponse.BodyHandler<String> handler(int max) {
        return info -> new BoundedBody(max);
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + buffer.remaining() > max) {
                subscription.cancel();
                result.completeExceptionally(new RejectedBodyException("reply over " + max + " bytes"));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        if (result.isDone()) {
            return;
        }
        byte[] body = bytes.toByteArray();
        try {
            result.complete(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            result.completeExceptionally(new RejectedBodyException("reply is not UTF-8 (GBK or another encoding?)"));
        }
    }
}
