package dev.awsj.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.awsj.testing.AwsCli;
import dev.awsj.testing.AwsjRun;
import dev.awsj.testing.AwsjRun.Result;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Bucket configuration that neither emulator keeps (S3Mock takes PutBucketWebsite and
 * PutBucketTagging for CreateBucket; fauxqs answers them with a listing; neither reads
 * CreateBucketConfiguration's tags): what awsj sends is recorded by WireMock, parsed, and compared
 * with what the AWS CLI sends for the same line where it has the command.
 */
class S3BucketConfigurationTest {
    WireMockServer wm;
    Map<String, String> env;

    @BeforeEach
    void start() {
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        env = AwsjRun.env(wm.baseUrl());
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f;
    }

    /** The one request recorded since the last reset: method, path, query keys and the body, parsed. */
    String sent() throws Exception {
        List<LoggedRequest> all = wm.findAll(anyRequestedFor(anyUrl()));
        assertEquals(1, all.size(), all.toString());
        LoggedRequest r = all.get(0);
        java.net.URI uri = java.net.URI.create(r.getUrl());
        Map<String, String> query = new TreeMap<>();
        if (uri.getRawQuery() != null) {
            for (String p : uri.getRawQuery().split("&")) {
                int eq = p.indexOf('=');
                query.put(eq < 0 ? p : p.substring(0, eq), eq < 0 ? "" : p.substring(eq + 1));
            }
        }
        String body = r.getBody().length == 0 ? "" : xml(factory().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.getBody())).getDocumentElement());
        return r.getMethod() + " " + uri.getRawPath() + " " + query + " " + body;
    }

    /**
     * An element as name{children} or name=text, whitespace between elements and namespaces left
     * out. Children are put in name order (stable, so a list's items keep theirs): S3 reads the
     * members of a structure in any order, and the SDK writes them in the model's order where
     * botocore writes them as given (aws's website command gives IndexDocument first).
     */
    static String xml(Element e) {
        List<Element> children = new java.util.ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                children.add(c);
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        if (children.isEmpty()) {
            return name(e) + "=" + text.toString().trim();
        }
        children.sort(java.util.Comparator.comparing(S3BucketConfigurationTest::name));
        StringBuilder out = new StringBuilder(name(e)).append('{');
        children.forEach(c -> out.append(xml(c)).append(';'));
        return out.append('}').toString();
    }

    static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    @Test
    void websiteSendsWhatAwsSends() throws Exception {
        String[] line = {"s3", "website", "s3://site-bucket", "--index-document", "index.html", "--error-document", "err.html"};

        Result r = AwsjRun.run(env, line);

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.out());
        String awsj = sent();
        assertEquals("PUT /site-bucket {website=} WebsiteConfiguration{ErrorDocument{Key=err.html;};"
                + "IndexDocument{Suffix=index.html;};}", awsj);
        if (AwsCli.installed("S3BucketConfigurationTest")) {
            wm.resetRequests();
            Result aws = AwsCli.run(env, line);
            assertEquals(aws.exitCode(), r.exitCode(), aws.toString());
            assertEquals(aws.out(), r.out());
            assertEquals(sent(), awsj);
        }
    }

    @Test
    void websiteWithTheIndexDocumentOnly() throws Exception {
        String[] line = {"s3", "website", "s3://site-bucket", "--index-document", "index.html"};
        Result r = AwsjRun.run(env, line);
        assertEquals(0, r.exitCode(), r.toString());
        String awsj = sent();
        assertEquals("PUT /site-bucket {website=} WebsiteConfiguration{IndexDocument{Suffix=index.html;};}", awsj);
        if (AwsCli.installed("S3BucketConfigurationTest")) {
            wm.resetRequests();
            assertEquals(0, AwsCli.run(env, line).exitCode());
            assertEquals(sent(), awsj);
        }
    }

    /**
     * {@code mb --tags KEY VALUE}, repeatable, as newer aws (2.9.19 lacks it): the tags travel in
     * CreateBucket's configuration, beside the location constraint outside us-east-1.
     */
    @Test
    void mbTagsTheNewBucketInItsCreateRequest() throws Exception {
        Result r = AwsjRun.run(env, "s3", "mb", "s3://tagged-bucket", "--tags", "team", "data", "--tags", "env", "prod",
                "--output", "text");

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("make_bucket: tagged-bucket\n", r.out());
        assertEquals("PUT /tagged-bucket {} CreateBucketConfiguration{Tags{Tag{Key=team;Value=data;};"
                + "Tag{Key=env;Value=prod;};};}", sent());

        wm.resetRequests();
        Result west = AwsjRun.run(env, "s3", "mb", "s3://tagged-bucket", "--tags", "k", "v", "--region", "eu-west-1");
        assertEquals(0, west.exitCode(), west.toString());
        assertEquals("PUT /tagged-bucket {} CreateBucketConfiguration{LocationConstraint=eu-west-1;"
                + "Tags{Tag{Key=k;Value=v;};};}", sent());

        wm.resetRequests();
        assertEquals(0, AwsjRun.run(env, "s3", "mb", "s3://plain-bucket").exitCode());
        assertEquals("PUT /plain-bucket {} ", sent(), "no configuration without tags in us-east-1");
    }

    @Test
    void mbTagsWithoutItsValueIsRefused() {
        Result r = AwsjRun.run(env, "s3", "mb", "s3://tagged-bucket", "--tags", "team");
        assertEquals(252, r.exitCode(), r.toString());
        assertTrue(r.err().lines().findFirst().orElse("").contains("--tags"), r.err());
        assertEquals(0, wm.findAll(anyRequestedFor(anyUrl())).size(), "nothing was sent");
    }
}
