package dev.awsj;

import dev.awsj.cli.Awsj;

/** Entry point: the only place that touches {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = Awsj.run(args, System.in, System.out, System.err, System.getenv());
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
