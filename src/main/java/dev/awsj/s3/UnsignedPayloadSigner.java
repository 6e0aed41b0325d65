package dev.awsj.s3;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * SigV4 for transfers over plain http as over https: headers signed, the body sent as
 * {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER} and guarded by the CRC32 trailing checksum. The SDK
 * forces chunk-by-chunk SHA-256 payload signing whenever the scheme is http (local endpoints),
 * which costs more CPU than the rest of a transfer; the scheme is not part of the signature, so
 * the request is signed as https and sent as http. Port-80 endpoints are left to the SDK.
 */
final class UnsignedPayloadSigner implements AwsV4HttpSigner {
    private final AwsV4HttpSigner delegate = AwsV4HttpSigner.create();

    /** The SigV4 auth scheme with this signer, for {@code S3ClientBuilder.putAuthScheme}. */
    static AwsV4AuthScheme scheme() {
        return dev.awsj.aws.S3ClientOptions.sigV4With(new UnsignedPayloadSigner());
    }

    @Override
    public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
        SdkHttpRequest original = request.request();
        if (!"http".equals(original.protocol()) || original.port() == 80 || original.port() == -1) {
            return delegate.sign(request);
        }
        SignRequest<? extends AwsCredentialsIdentity> asHttps =
                request.copy(b -> b.request(original.toBuilder().protocol("https").build()));
        SignedRequest signed = delegate.sign(asHttps);
        return signed.copy(b -> b.request(signed.request().toBuilder().protocol("http").port(original.port()).build()));
    }

    @Override
    public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
        return delegate.signAsync(request);
    }
}
