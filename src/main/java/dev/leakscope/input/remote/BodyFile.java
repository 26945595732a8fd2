package dev.leakscope.input.remote;

import dev.leakscope.input.LimitException;
import dev.leakscope.input.Limits;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Receives a response body into a stream, at most max bytes of it. Over the limit, either the body
 * fails with a {@link LimitException} (a profile) or it is cut short and what came is kept (an error
 * page, of which only the start is shown). The stream is the caller's to close.
 */
final class BodyFile implements BodySubscriber<Long> {
    private final OutputStream out;
    private final long max;
    private final String name;
    private final boolean truncate;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long count;

    private BodyFile(OutputStream out, long max, String name, boolean truncate) {
        this.out = out;
        this.max = max;
        this.name = name;
        this.truncate = truncate;
    }

    /** A profile's body: more than max bytes is an error. */
    static BodyFile bounded(OutputStream out, long max, String name) {
        return new BodyFile(out, max, name, false);
    }

    /** An error page's body: only its first max bytes are kept. */
    static BodyFile head(OutputStream out, int max) {
        return new BodyFile(out, max, "", true);
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        try {
            for (ByteBuffer b : buffers) {
                int n = b.remaining();
                if (count + n > max) {
                    if (truncate) {
                        write(b, (int) (max - count));
                        count = max;
                        subscription.cancel();
                        result.complete(count);
                        return;
                    }
                    subscription.cancel();
                    result.completeExceptionally(tooLarge(name, max));
                    return;
                }
                write(b, n);
                count += n;
            }
            subscription.request(1);
        } catch (IOException e) {
            subscription.cancel();
            result.completeExceptionally(new WriteFailure(e));
        }
    }

    /** A body over max bytes; past the fixed cap on one profile, raising --max-bytes cannot help. */
    static LimitException tooLarge(String name, long max) {
        return new LimitException(name + ": more than " + max + " bytes" + (max >= Limits.MAX_PROFILE_BYTES
                ? " (one profile cannot be larger: protobuf's 2 GiB limit)" : " (raise the limit with --max-bytes)"));
    }

    /** The body could be received but not written (a full disk): not a failed fetch. */
    static final class WriteFailure extends IOException {
        private static final long serialVersionUID = 1L;

        WriteFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private void write(ByteBuffer b, int n) throws IOException {
        byte[] chunk = new byte[n];
        b.get(chunk);
        out.write(chunk);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(count);
    }
}
