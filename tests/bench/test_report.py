"""`make bench` writes one page: the machine, then every benchmark's table and verdict."""

from pathlib import Path

from bench.report import main


def test_the_report_has_the_machine_and_each_benchmark(tmp_path: Path) -> None:
    page = tmp_path / "benchmarks.md"
    main(["--quick", "--only", "chart", "parsing", "--output", str(page)])
    text = page.read_text(encoding="utf-8")
    assert "- Machine: " in text and " cores" in text
    assert text.count("**Verdict:**") == 2 and "\n- p95 " in text
    assert "## The /stats chart" in text and "## Text readers" in text
    assert "| renders |" in text and "| input |" in text
