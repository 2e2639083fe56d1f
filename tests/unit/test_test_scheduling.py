"""The suite's own scheduling (tests/conftest.py): with two workers each module runs whole on
one worker, and the two Kafka modules together, so module and shared fixtures start once.
Under pytest 9 the ``xdist_group`` marks did nothing and every module ran on both workers."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from tests.conftest import work_group

ROOT = Path(__file__).resolve().parents[2]


def test_a_module_is_its_own_group_and_the_kafka_modules_share_one():
    assert (
        work_group("tests/integration/test_sync.py::test_a[1]") == "tests/integration/test_sync.py"
    )
    assert work_group("tests/integration/test_kafka_path.py::test_b") == "kafka"
    assert work_group("tests/integration/test_kafka_kills.py::test_c[kafka]@kafka") == "kafka"


def test_two_workers_take_whole_modules(tmp_path):
    (tmp_path / "conftest.py").write_text(
        "from tests.conftest import pytest_xdist_make_scheduler  # noqa: F401\n",
        encoding="utf-8",
    )
    modules = ("test_kafka_path", "test_kafka_kills", "test_one", "test_two", "test_three")
    for module in modules:
        (tmp_path / f"{module}.py").write_text(
            "import os, time, pytest\n"
            "@pytest.mark.parametrize('i', range(4))\n"
            "def test_it(i):\n"
            "    time.sleep(0.05)\n"
            f"    with open({str(tmp_path / 'ran.log')!r}, 'a') as out:\n"
            f"        out.write('{module} ' + os.environ['PYTEST_XDIST_WORKER'] + '\\n')\n",
            encoding="utf-8",
        )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2",
         "--dist", "loadgroup", "--no-loadscope-reorder", str(tmp_path)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    workers: dict[str, set[str]] = defaultdict(set)
    lines = (tmp_path / "ran.log").read_text(encoding="utf-8").split("\n")
    for module, worker in (line.split() for line in lines if line):
        workers[module].add(worker)
    assert set(workers) == set(modules) and sum(1 for line in lines if line) == 20
    assert all(len(ran_on) == 1 for ran_on in workers.values()), dict(workers)
    assert workers["test_kafka_path"] == workers["test_kafka_kills"]
    # and the work was shared: both workers ran something
    assert len(set().union(*workers.values())) == 2, dict(workers)
