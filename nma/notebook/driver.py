"""Execute one notebook with Jupyter's nbclient, for `nma run` (embedded in the Go binary).

Usage: python3 driver.py IN.ipynb OUT.ipynb KERNEL_NAME CWD TIMEOUT_SECONDS [HTML_OUT]
Prints one JSON line: {"status": "ok" | "timeout" | "kernel-died" | "error", "message": ...,
"cell_seconds": {cell index (0-based): seconds}}.
Every cell runs (allow_errors): the Go side decides which errors were expected.
"""
import json
import sys

# jsonschema (under nbformat) imports rfc3987_syntax for its "iri" format checker when it
# is installed — JupyterLab's jupyter_events pulls it into the environment — and that
# module builds a parser at import: 1.5 s of every notebook run, before the kernel starts.
# Notebooks have no IRIs to check; a None entry makes the import fail, and jsonschema
# leaves that one checker out.
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

src, out, kernel, cwd, timeout = sys.argv[1:6]
html_out = sys.argv[6] if len(sys.argv) > 6 else ""
nb = nbformat.read(src, as_version=4)
client = NotebookClient(
    nb,
    timeout=int(float(timeout)),
    kernel_name=kernel,
    allow_errors=True,
    record_timing=True,
    resources={"metadata": {"path": cwd}},
)
# Wall-clock time of each cell, measured here (the kernel's message timestamps are coarse).
import time

times = {}
starts = {}


def on_start(cell, cell_index, **kw):
    starts[cell_index] = time.monotonic()


def on_done(cell, cell_index, **kw):
    if cell_index in starts:
        times[cell_index] = time.monotonic() - starts[cell_index]


client.on_cell_start = on_start
client.on_cell_executed = on_done
status, message = "ok", ""
try:
    client.execute()
except CellTimeoutError as e:
    status, message = "timeout", str(e).splitlines()[0] if str(e) else "cell timed out"
except DeadKernelError as e:
    status, message = "kernel-died", str(e)
except Exception as e:  # report, never lose the partial notebook
    status, message = "error", "%s: %s" % (type(e).__name__, e)
nbformat.write(nb, out)
if html_out:
    try:
        from nbconvert import HTMLExporter

        body, _ = HTMLExporter().from_notebook_node(nb)
        with open(html_out, "w", encoding="utf-8") as f:
            f.write(body)
    except Exception as e:
        if status == "ok":
            status, message = "error", "HTML export failed: %s: %s" % (type(e).__name__, e)
print(json.dumps({"status": status, "message": message, "cell_seconds": {str(k): v for k, v in times.items()}}))
