#!/usr/bin/env python3
"""Checks the golden files against the AWS CLI itself.

For each case under src/test/resources/golden/<service>/<case>/ a local HTTP server answers any
request with the case's recorded status, headers and body; the installed `aws` runs the case's
command line against it and its stdout must be the case's expected.json (no expected.json: nothing).
Timestamps are asked for in ISO-8601 (cli_timestamp_format = iso8601, the AWS CLI v2 default), so
an AWS CLI v1 checks the same shape v2 prints.

    python3 src/test/golden-check/check-with-aws.py [service/case ...]
"""
import http.server, json, os, pathlib, subprocess, sys, tempfile, threading

ROOT = pathlib.Path(__file__).resolve().parent.parent / "resources" / "golden"

# Where aws takes a blob through its own option (awscli customizations), not inside the JSON.
AWS_ARGS = {
    "translate/translate-document": ["translate", "translate-document", "--source-language-code", "en",
                                     "--target-language-code", "es", "--document-content", "fileb://${tmp}/doc.html",
                                     "--document", "ContentType=text/html"],
    "translate/import-terminology": ["translate", "import-terminology", "--name", "my-terms", "--merge-strategy",
                                     "OVERWRITE", "--data-file", "fileb://${tmp}/terms.csv", "--terminology-data", "Format=CSV"],
}

current = {}


class Replay(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _serve(self, head=False):
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        elif self.headers.get("Transfer-Encoding") == "chunked":
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                self.rfile.read(size + 2)
                if size == 0:
                    break
        d = current["dir"]
        status = int((d / "status").read_text().strip()) if (d / "status").exists() else 200
        body = (d / "response").read_bytes() if (d / "response").exists() else b""
        headers = {}
        if (d / "response-headers").exists():
            for line in (d / "response-headers").read_text().splitlines():
                if ":" in line:
                    k, v = line.split(":", 1)
                    headers[k.strip()] = v.strip()
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if not any(k.lower() == "content-length" for k in headers):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head and status != 204:
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = lambda self: self._serve()

    def do_HEAD(self):
        self._serve(head=True)

    def log_message(self, *args):
        pass


def main(only):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    home = tempfile.mkdtemp()
    os.makedirs(home + "/.aws")
    with open(home + "/.aws/config", "w") as f:
        f.write("[default]\nregion = us-east-1\ncli_timestamp_format = iso8601\noutput = json\n")
    env = dict(os.environ, HOME=home, AWS_CONFIG_FILE=home + "/.aws/config", AWS_SHARED_CREDENTIALS_FILE=home + "/none",
               AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_EC2_METADATA_DISABLED="true", AWS_PAGER="")
    same = different = 0
    for d in sorted(p for p in ROOT.glob("*/*") if p.is_dir()):
        name = f"{d.parent.name}/{d.name}"
        if only and name not in only:
            continue
        current["dir"] = d
        tmp = tempfile.mkdtemp()
        for f in ("doc.html", "terms.csv"):
            pathlib.Path(tmp, f).write_text("x\n")
        args = AWS_ARGS.get(name) or [a for a in (d / "args").read_text().splitlines() if a]
        args = [a.replace("${tmp}", tmp) for a in args]
        r = subprocess.run(["aws", "--endpoint-url", f"http://127.0.0.1:{server.server_address[1]}"] + args,
                           capture_output=True, text=True, env=env)
        if r.returncode != 0:
            print(f"ERROR {name}: exit {r.returncode}: {r.stderr.strip().splitlines()[-1:]}")
            different += 1
            continue
        if (d / "expected.json").exists():
            expected = json.loads((d / "expected.json").read_text())
            try:
                actual = json.loads(r.stdout)
            except ValueError:
                actual = r.stdout
            ok = json.dumps(expected, sort_keys=True) == json.dumps(actual, sort_keys=True)
        else:
            expected, actual, ok = "", r.stdout, r.stdout.strip() == ""
        if ok:
            same += 1
            print(f"same  {name}")
        else:
            different += 1
            print(f"DIFF  {name}\n  expected.json: {json.dumps(expected, sort_keys=True)}\n  aws:           {json.dumps(actual, sort_keys=True)}")
    print(f"{same} same, {different} different")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main(set(sys.argv[1:])))
