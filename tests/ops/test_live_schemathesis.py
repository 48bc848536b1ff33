"""schemathesis against the live API: a real `askwell serve` (gunicorn, two workers) on a free
loopback port and a scratch copy of the suite's database (SQLite, then PostgreSQL), driven by
schemathesis' own command line from the published /api/v1/openapi.json. A bounded number of
generated requests per operation (examples, coverage and fuzzing phases); no 500 and no
response outside the document (status, content type, body schema).

(askwell/api/tests/test_schemathesis.py runs the same checks in-process, inside the test
database's transaction; this one goes through the real server, its middleware and its own
connections, as the issue asked.) Bounded: about 60 s.
"""

from __future__ import annotations

from pathlib import Path

from tests.ops.support import DatabaseFactory, Server, askwell_environment, request

MAX_EXAMPLES = 25
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def test_the_live_api_answers_every_generated_request_as_documented(databases: DatabaseFactory,
                                                                      tmp_path: Path) -> None:
    import subprocess
    import sys

    database = databases.copy("schemathesis")
    server = Server("schemathesis", tmp_path, askwell_environment(tmp_path, database.url), workers=2,
                    task_worker=False)
    try:
        server.start()
        st = Path(sys.executable).with_name("st")
        finished = subprocess.run(
            [str(st), "run", f"{server.base}/api/v1/openapi.json", "--checks", CHECKS,
             "--max-examples", str(MAX_EXAMPLES), "--seed", "20261127", "--workers", "2",
             "--phases", "examples,coverage,fuzzing", "--generation-database", "none", "--no-color",
             "--request-timeout", "20", "--suppress-health-check", "all"],
            capture_output=True, text=True, timeout=300, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
            cwd=tmp_path,
        )
        # What the first live run found: the longest question the schema allows, in 4-byte
        # characters, is a 6,000-byte request line that gunicorn's default limit refused (HTML 414).
        from urllib.parse import quote

        longest = request("GET", f"{server.base}/api/v1/answers?q={quote(chr(0x1F4AA) * 500)}")
    finally:
        server.stop()
    assert longest.status == 200 and longest.headers["content-type"].startswith("application/json"), longest.body[:300]
    report = finished.stdout + finished.stderr
    assert finished.returncode == 0, f"schemathesis found problems:\n{report[-6000:]}\n{server.log_tail()}"
    generated = [line.strip() for line in report.splitlines() if " generated" in line]
    print(f"\nschemathesis live ({database.vendor}): {MAX_EXAMPLES} examples per operation;",
          " | ".join(generated[-1:]))
