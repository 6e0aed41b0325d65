package dev.awsj.aws;

/** What the SDK was doing when a call failed: the operation and the URL it was sent to. */
public record FailedCall(String operation, String url) {
}
