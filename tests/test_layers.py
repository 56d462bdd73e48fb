"""The house has floors, and imports only point down (see README, "How it works").

Every module of the project is placed on a floor; a module may import from its own floor or
any floor below it, never from above. The pure rules in `domain` and the use cases in
`services` also stay away from Telegram, and `domain` from the database.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "scheduler", "services", "db", "domain")

# Top floor first. A module belongs to the first floor with a matching prefix.
FLOORS: list[tuple[str, tuple[str, ...]]] = [
    ("composition root", ("bot.__main__", "bot.app", "bot.startup")),
    ("edges: Telegram in and out", ("handlers", "scheduler", "bot.inbox", "bot.web")),
    ("runtime", ("bot.runtime", "bot.config", "bot.logs", "bot.clock", "bot.metrics")),
    (
        "presentation",
        ("bot.texts", "bot.keyboards", "bot.callbacks", "bot.presenters", "bot.chart"),
    ),
    ("services", ("services",)),
    ("storage", ("db",)),
    ("domain", ("domain",)),
    ("package marker", ("bot",)),  # bot/__init__.py only sets an environment default
]
FORBIDDEN = {
    "domain": ("telegram", "sqlalchemy", "alembic", "aiohttp", "httpx", "asyncpg", "aiosqlite"),
    "services": ("telegram", "aiohttp", "httpx"),
    "db": ("telegram",),
}


def _floor(module: str) -> int:
    for rank, (_, prefixes) in enumerate(FLOORS):
        if any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes):
            return rank
    raise AssertionError(f"{module} is on no floor: add it to FLOORS in {__file__}")


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = _modules()


def _imports(module: str, path: Path) -> list[tuple[str, int]]:
    """(imported module, line) for every import, `from a import b` resolved to `a.b` when
    that is a module of ours."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.append((candidate if candidate in MODULES else base, node.lineno))
    return found


def _ours(name: str) -> bool:
    return name.split(".")[0] in PACKAGES


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down(module: str) -> None:
    here = _floor(module)
    for target, line in _imports(module, MODULES[module]):
        if not _ours(target):
            continue
        there = _floor(target)
        assert there >= here, (
            f"{module}:{line} imports {target}, which is on a higher floor "
            f"({FLOORS[there][0]} above {FLOORS[here][0]})"
        )


@pytest.mark.parametrize("module", sorted(MODULES))
def test_inner_floors_stay_away_from_telegram_and_storage(module: str) -> None:
    banned = FORBIDDEN.get(module.split(".")[0], ())
    for target, line in _imports(module, MODULES[module]):
        assert target.split(".")[0] not in banned, f"{module}:{line} imports {target}"


def test_every_module_is_on_a_floor() -> None:
    assert len(MODULES) > 40
    for module in MODULES:
        _floor(module)


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    """The walk really sees imports: a domain module importing a handler is caught."""
    rogue = tmp_path / "rogue.py"
    rogue.write_text("from handlers import start\nimport domain.text\n")
    targets = [target for target, _ in _imports("domain.rogue", rogue)]
    assert "handlers.start" in targets
    assert _floor("handlers.start") < _floor("domain.rogue")
