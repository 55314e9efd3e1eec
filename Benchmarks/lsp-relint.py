#!/usr/bin/env python3
"""Times the language server's re-lint after an edit (issue 15: median under 100 ms).

Starts `termlint lsp`, opens a ~1,000-word article (Examples/clean-article.en.md with two
paragraphs of Examples/article.en.md, which carry glossary mistakes) checked with
Pipelines/news-ru-en.yml and its glossary, waits for the first diagnostics (the cold lint:
pipeline, glossary load and compile), then makes --edits incremental edits, one at a time, and
measures each from the moment the didChange is written to the moment the publishDiagnostics for
that document version arrives. The glossary is warm after the first lint. The server's debounce
(`--debounce`, default 0 here) is part of the measured time.

    python3 Benchmarks/lsp-relint.py --binary .build/release/termlint [--edits 60] [--debounce 0]
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Client:
    def __init__(self, argv):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 1

    def send(self, message):
        self.proc.stdin.write(frame(message))
        self.proc.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise SystemExit("the server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            m = self.read()
            if m.get("id") == rid and "method" not in m:
                return m

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri, version):
        while True:
            m = self.read()
            p = m.get("params", {})
            if m.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == uri and p.get("version") == version:
                return p["diagnostics"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/termlint"))
    ap.add_argument("--edits", type=int, default=60)
    ap.add_argument("--debounce", type=int, default=0, help="the server's --debounce in ms")
    args = ap.parse_args()

    clean = open(os.path.join(ROOT, "Examples/clean-article.en.md"), encoding="utf-8").read()
    mistakes = open(os.path.join(ROOT, "Examples/article.en.md"), encoding="utf-8").read().split("\n\n")
    text = clean.rstrip("\n") + "\n\n" + "\n\n".join(mistakes[1:3]).strip("\n") + "\n"
    words = len(text.split())
    folder = tempfile.mkdtemp(prefix="termlint-lsp-bench-")
    path = os.path.join(folder, "article.en.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    uri = "file://" + path

    client = Client([args.binary, "lsp", "--debounce", str(args.debounce)])
    client.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {},
                                  "initializationOptions": {"pipeline": os.path.join(ROOT, "Pipelines/news-ru-en.yml")}})
    client.notify("initialized", {})
    start = time.perf_counter()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    first = client.diagnostics(uri, 1)
    cold = time.perf_counter() - start

    lines = text.split("\n")
    timings, counts = [], []
    inserted = None
    for i in range(args.edits):
        version = i + 2
        if inserted is None:
            # Type a deprecated term into a paragraph (a new finding), at a line that varies.
            line = (i * 7) % len(lines)
            while not lines[line].strip():
                line = (line + 1) % len(lines)
            change = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
                      "text": "Security assurances matter. "}
            inserted = line
        else:
            n = len("Security assurances matter. ")
            change = {"range": {"start": {"line": inserted, "character": 0}, "end": {"line": inserted, "character": n}},
                      "text": ""}
            inserted = None
        t = time.perf_counter()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        counts.append(len(client.diagnostics(uri, version)))
        timings.append((time.perf_counter() - t) * 1000)

    client.request("shutdown", None)
    client.notify("exit", None)
    client.proc.wait(timeout=10)
    timings.sort()
    print(f"article: {words} words, {len(lines)} lines; first lint {len(first)} diagnostics, cold {cold * 1000:.0f} ms")
    print(f"re-lint after an edit ({args.edits} edits, debounce {args.debounce} ms): "
          f"median {statistics.median(timings):.1f} ms, p90 {timings[int(len(timings) * 0.9) - 1]:.1f} ms, "
          f"min {timings[0]:.1f} ms, max {timings[-1]:.1f} ms; diagnostics per lint {min(counts)}-{max(counts)}")


if __name__ == "__main__":
    main()
