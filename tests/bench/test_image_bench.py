"""`python -m bench.image` reports the image's size by distribution (the build itself is
tests/test_image.py's); here its table and verdict on fixed figures."""

from bench.image import DEFAULT_BASE, SHOWN, table, verdict

RESULT = {
    "base": DEFAULT_BASE,
    "size": 380_000_000,
    "base_size": 130_000_000,
    "environment": 248_000_000,
    "bytecode": 31_000_000,
    "by_distribution": {f"dist-{n}": 1_000_000 * (n + 1) for n in range(SHOWN + 3)},
}


def test_the_table_names_the_largest_distributions_and_sums_the_rest() -> None:
    text = table(RESULT)
    assert f"| the image, on `{DEFAULT_BASE}` | 380 |" in text
    assert "| what the Dockerfile adds | 250 |" in text
    assert f"| dist-{SHOWN + 2} | {SHOWN + 3}.0 |" in text.splitlines()[7]  # the largest first
    assert "| 3 other distributions | 6.0 |" in text  # dist-0, dist-1, dist-2: 1 + 2 + 3 MB


def test_the_verdict_holds_the_target_only_on_the_default_base() -> None:
    assert verdict(RESULT) == f"380 MB on {DEFAULT_BASE}: meets the 400 MB target"
    assert "misses" in verdict({**RESULT, "size": 420_000_000})
    other = verdict({**RESULT, "base": "debian-made"})
    assert "adds 250 MB to whichever base" in other and "target" not in other
