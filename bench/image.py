"""How big the image is, and what takes the space.

`python -m bench.image` builds the image as tests/test_image.py does (`make wheels`, then
`docker build`, on the default base where the daemon has it or can pull it, else on Debian's
bookworm with its python3) and reports its size, the part the Dockerfile adds over its base,
and the bot's virtual environment by distribution (each distribution's folders, bytecode
included, by `du` inside the image). The target is under 400 MB on the official slim base.
"""

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from bench.common import machine
from tests.test_image import DEFAULT_BASE, build_image, docker
from tests.wheelhouse import WHEELS, build_wheelhouse

TARGET_MB = 400
SHOWN = 14  # the largest distributions named; the rest are summed in one row
MB = 1_000_000  # as `docker images` counts

# Run inside the image: the size on disk of each distribution's top-level files and folders
# (what its RECORD names, plus the bytecode compiled into them), and of all bytecode.
SIZES = r"""
import importlib.metadata, json, os, pathlib, subprocess
site = pathlib.Path(importlib.metadata.distribution("marathon-bot")._path).parent
owners = {}
for dist in importlib.metadata.distributions():
    for file in dist.files or []:
        owners.setdefault(file.parts[0], dist.metadata["Name"])
def du(path):
    du = ["du", "--summarize", "--apparent-size", "--block-size=1", path]
    return int(subprocess.run(du, capture_output=True, text=True).stdout.split()[0])
sizes = {}
for entry in site.iterdir():
    owner = owners.get(entry.name, "(not from a wheel)")
    sizes[owner] = sizes.get(owner, 0) + du(entry)
caches = [str(p) for p in site.rglob("__pycache__")]
bytecode = sum(du(path) for path in caches)
print(json.dumps({"environment": du("/opt/marathon"), "by_distribution": sizes,
                  "bytecode": bytecode}))
"""


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        build_wheelhouse(Path(folder) / WHEELS)
        image, base = build_image(Path(folder), Path(folder) / WHEELS)
    size = int(docker("image", "inspect", "--format", "{{.Size}}", image))
    base_size = int(docker("image", "inspect", "--format", "{{.Size}}", base))
    inside = json.loads(docker("run", "--rm", "--entrypoint", "python", image, "-c", SIZES))
    return {
        "base": base,
        "size": size,
        "base_size": base_size,
        **inside,
        "machine": machine(),
    }


def table(result: dict[str, Any]) -> str:
    sizes = sorted(result["by_distribution"].items(), key=lambda item: -item[1])
    shown, rest = sizes[:SHOWN], sizes[SHOWN:]
    lines = [
        "| what | MB |",
        "| --- | ---: |",
        f"| the image, on `{result['base']}` | {result['size'] / MB:.0f} |",
        f"| the base image | {result['base_size'] / MB:.0f} |",
        f"| what the Dockerfile adds | {(result['size'] - result['base_size']) / MB:.0f} |",
        f"| the bot's environment, /opt/marathon | {result['environment'] / MB:.0f} |",
        f"| of which bytecode (`__pycache__`) | {result['bytecode'] / MB:.0f} |",
    ]
    lines += [f"| {name} | {size / MB:.1f} |" for name, size in shown]
    others = sum(size for _name, size in rest)
    lines.append(f"| {len(rest)} other distributions | {others / MB:.1f} |")
    return "\n".join(lines)


def verdict(result: dict[str, Any]) -> str:
    added = (result["size"] - result["base_size"]) / MB
    if result["base"] == DEFAULT_BASE:
        total = result["size"] / MB
        met = "meets" if total < TARGET_MB else "misses"
        return f"{total:.0f} MB on {DEFAULT_BASE}: {met} the {TARGET_MB} MB target"
    return (
        f"{result['size'] / MB:.0f} MB on {result['base']} ({DEFAULT_BASE} could not be had "
        f"here); the Dockerfile adds {added:.0f} MB to whichever base it is given"
    )


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    result = run()
    print(table(result))
    print(verdict(result))
    about = result["machine"]
    print(f"({about['cpu']}, {about['cores']} cores, Python {about['python']})")


if __name__ == "__main__":
    main()
