"""The image's wheelhouse, built as the README says (`make wheels`), for the install and image
tests (once per session: the `wheelhouse` fixture in tests/conftest.py) and bench.image."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIP_TIMEOUT = 900  # seconds; a cold cache downloads every dependency
WHEELS = "wheels"  # the wheelhouse: `make wheels`, the Dockerfile's only COPY from the context


def run(command: list[str | Path], cwd: Path, what: str) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=PIP_TIMEOUT,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{what} failed ({result.returncode}):\n{output[-6000:]}"
    return output


def build_wheelhouse(folder: Path) -> None:
    """`make wheels` into `folder`, with this interpreter's environment."""
    make = ["make", "--no-print-directory", "wheels", f"WHEELS={folder}", f"VENV={sys.prefix}"]
    run(make, ROOT, "make wheels")


def index_problem(folder: Path) -> str | None:
    """Why pip cannot reach a package index, or None: fetch the build backend bypassing the
    cache (if that fails, no wheelhouse can be built)."""
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    probe = subprocess.run(
        [*pip, "download", "--no-deps", "--no-cache-dir", "--dest", str(folder), "setuptools"],
        capture_output=True,
        text=True,
        timeout=PIP_TIMEOUT,
        check=False,
    )
    if probe.returncode == 0:
        return None
    lines = probe.stderr.strip().splitlines() or ["no output"]
    why = next((line for line in lines if line.startswith("ERROR")), lines[-1])
    return f"pip cannot reach a package index to build the image's wheels: {why}"
