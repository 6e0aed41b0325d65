package dev.awsj.run;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.awsj.aws.Service;
import dev.awsj.cli.Context;
import dev.awsj.testing.AwsjRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Lines of one `awsj run` share clients only when their global options agree. */
class SharedClientsTest {
    static Context line() {
        return new Context(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), new ByteArrayOutputStream(),
                AwsjRun.env("http://127.0.0.1:9"));
    }

    @Test
    void sameOptionsShareTheHttpClientAndTheSdkClient() {
        try (SharedClients shared = new SharedClients(System.err)) {
            Context a = line();
            Context b = line();
            a.shareClients(shared::factoryFor);
            b.shareClients(shared::factoryFor);
            assertSame(a.clients().httpClient(), b.clients().httpClient());
            Object snsA = a.clients().client(Service.SNS);
            assertSame(snsA, b.clients().client(Service.SNS));
            a.close();
            // Closing a line leaves the shared client usable for the others.
            assertSame(snsA, b.clients().client(Service.SNS));
        }
    }

    @Test
    void differentRegionOrDebugGetTheirOwn() {
        try (SharedClients shared = new SharedClients(System.err)) {
            Context a = line();
            Context b = line();
            Context c = line();
            b.options().region = "eu-west-1";
            c.options().debug = true;
            a.shareClients(shared::factoryFor);
            b.shareClients(shared::factoryFor);
            c.shareClients(shared::factoryFor);
            assertNotSame(a.clients().client(Service.SNS), b.clients().client(Service.SNS));
            assertNotSame(a.clients().httpClient(), c.clients().httpClient());
        }
    }
}
