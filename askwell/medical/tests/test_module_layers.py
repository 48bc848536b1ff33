"""The core's modules import each other without a cycle, type-only imports included.

The Facts type (facts.py) sits under the condition language, the phrase matcher and the
red-flag reader, which name it; the readers (reader.py for free text, structured.py for
fields) sit above them all. A cycle, even one hidden under `if TYPE_CHECKING:`, means a
module is in the wrong layer.
"""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1]


def core_imports(path: Path) -> set[str]:
    """The askwell.medical modules a module imports, wherever in the file (TYPE_CHECKING too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("askwell.medical."):
            found.add(node.module.split(".")[2])
        elif isinstance(node, ast.ImportFrom) and node.module == "askwell.medical":
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[2] for a in node.names if a.name.startswith("askwell.medical."))
    return found


def graph() -> dict[str, set[str]]:
    modules = {path.stem: path for path in CORE.glob("*.py") if path.stem != "__init__"}
    return {name: core_imports(path) & modules.keys() for name, path in modules.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> list[str] | None:
        if name in path:
            return [*path[path.index(name):], name]
        if name in done:
            return None
        for imported in sorted(edges.get(name, ())):
            cycle = visit(imported, [*path, name])
            if cycle:
                return cycle
        done.add(name)
        return None

    for name in sorted(edges):
        cycle = visit(name, [])
        if cycle:
            return cycle
    return None


def test_the_core_has_no_import_cycle() -> None:
    assert find_cycle(graph()) is None


def test_the_check_finds_a_cycle() -> None:
    assert find_cycle({"facts": {"phrases"}, "phrases": {"conditions"}, "conditions": {"facts"}}) == [
        "conditions", "facts", "phrases", "conditions"]


def test_the_facts_type_imports_no_reader() -> None:
    assert graph()["facts"] <= {"contract", "vocabulary", "data_files"}
