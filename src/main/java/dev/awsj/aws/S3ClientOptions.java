package dev.awsj.aws;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;

/**
 * The profile's S3 settings applied to an S3 client builder (docs/configuration.md): addressing
 * style, Transfer Acceleration and payload signing. A class of its own so that only S3 commands
 * load the S3 builder's classes.
 */
public final class S3ClientOptions {
    private S3ClientOptions() {
    }

    static void apply(AwsSettings settings, AwsClientBuilder<?, ?> builder, boolean pathStyle) {
        S3BaseClientBuilder<?, ?> s3 = (S3BaseClientBuilder<?, ?>) builder;
        s3.forcePathStyle(pathStyle);
        s3.accelerate(settings.s3Accelerate());
        if (settings.s3PayloadSigning().orElse(false)) {
            s3.putAuthScheme(signedPayloads());
        }
    }

    /** SigV4 that signs every request body with SHA-256, as aws does with {@code payload_signing_enabled = true}. */
    static AwsV4AuthScheme signedPayloads() {
        return sigV4With(new PayloadSigningSigner());
    }

    /** The SigV4 auth scheme with {@code signer}, for {@code S3ClientBuilder.putAuthScheme}. */
    public static AwsV4AuthScheme sigV4With(AwsV4HttpSigner signer) {
        return new AwsV4AuthScheme() {
            @Override
            public String schemeId() {
                return AwsV4AuthScheme.SCHEME_ID;
            }

            @Override
            public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
                return providers.identityProvider(AwsCredentialsIdentity.class);
            }

            @Override
            public AwsV4HttpSigner signer() {
                return signer;
            }
        };
    }

    private static final class PayloadSigningSigner implements AwsV4HttpSigner {
        private final AwsV4HttpSigner delegate = AwsV4HttpSigner.create();

        @Override
        public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
            return delegate.sign(request.copy(b -> b.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)));
        }

        @Override
        public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
            return delegate.signAsync(request.copy(b -> b.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)));
        }
    }
}
