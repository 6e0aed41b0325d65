#!/usr/bin/env python3
"""The raw-HTTP floor of bench/s3-transfer.sh: what the emulator gives a client that does nothing
but move bytes. Threads, one connection each, no signing, no checksums, no retries.

  raw_floor.py download ENDPOINT BUCKET KEY FILE [THREADS] [PART_MB]
  raw_floor.py upload   ENDPOINT BUCKET KEY FILE [THREADS] [PART_MB]
"""
import http.client
import os
import re
import sys
import threading
import urllib.parse


def conn(endpoint):
    u = urllib.parse.urlparse(endpoint)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=120)


def work(n, threads, fn):
    """Runs fn(i) for i in range(n) on `threads` threads, each with its own connection."""
    lock = threading.Lock()
    state = {"next": 0}
    errors = []

    def run():
        c = None
        while True:
            with lock:
                i = state["next"]
                state["next"] += 1
            if i >= n or errors:
                return
            try:
                c = c or conn(endpoint)
                fn(c, i)
            except Exception as e:  # noqa: BLE001 - reported once, the run fails
                errors.append(e)
                return

    ts = [threading.Thread(target=run) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    if errors:
        raise errors[0]


def download(bucket, key, path, threads, part):
    c = conn(endpoint)
    c.request("HEAD", f"/{bucket}/{key}")
    r = c.getresponse()
    r.read()
    size = int(r.getheader("Content-Length"))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)

    def get(c, i):
        start = i * part
        end = min(size, start + part) - 1
        c.request("GET", f"/{bucket}/{key}", headers={"Range": f"bytes={start}-{end}"})
        r = c.getresponse()
        pos = start
        while True:
            b = r.read(1 << 20)
            if not b:
                break
            os.pwrite(fd, b, pos)
            pos += len(b)
        if r.status >= 300 or pos != end + 1:
            raise IOError(f"GET range {start}-{end}: {r.status}, got to {pos}")

    work((size + part - 1) // part, threads, get)
    os.close(fd)


def upload(bucket, key, path, threads, part):
    size = os.path.getsize(path)
    c = conn(endpoint)
    c.request("POST", f"/{bucket}/{key}?uploads")
    r = c.getresponse()
    body = r.read().decode()
    upload_id = re.search(r"<UploadId>([^<]+)</UploadId>", body).group(1)
    count = (size + part - 1) // part
    etags = [None] * count
    fd = os.open(path, os.O_RDONLY)

    def put(c, i):
        data = os.pread(fd, part, i * part)
        c.request("PUT", f"/{bucket}/{key}?partNumber={i + 1}&uploadId={urllib.parse.quote(upload_id)}", body=data)
        r = c.getresponse()
        r.read()
        if r.status >= 300:
            raise IOError(f"PUT part {i + 1}: {r.status}")
        etags[i] = r.getheader("ETag")

    work(count, threads, put)
    xml = "<CompleteMultipartUpload>" + "".join(
        f"<Part><PartNumber>{i + 1}</PartNumber><ETag>{e}</ETag></Part>" for i, e in enumerate(etags)) + "</CompleteMultipartUpload>"
    c.request("POST", f"/{bucket}/{key}?uploadId={urllib.parse.quote(upload_id)}", body=xml.encode())
    r = c.getresponse()
    out = r.read().decode()
    if r.status >= 300 or "<Error>" in out:
        raise IOError(f"complete: {r.status} {out[:200]}")


if __name__ == "__main__":
    op, endpoint, bucket, key, path = sys.argv[1:6]
    threads = int(sys.argv[6]) if len(sys.argv) > 6 else 10
    part = (int(sys.argv[7]) if len(sys.argv) > 7 else 8) << 20
    (download if op == "download" else upload)(bucket, key, path, threads, part)
