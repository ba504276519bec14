"""docker-compose.yml and Dockerfile, checked without a Docker engine: schema, variables, files, names, commands.

The stack cannot be started here, so every reference it makes is checked where it points:
variables in .env.example, build contexts and COPY sources on disk, volumes declared,
dependencies and ports consistent, `loan-extractor` command lines accepted by the real parser.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import shlex
import tomllib
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import pytest
import yaml

from loan_extractor.commands import register_all

REPO = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES: dict[str, dict[str, Any]] = COMPOSE["services"]
DOCKERFILE = (REPO / "Dockerfile").read_text(encoding="utf-8")
SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "compose" / "compose_spec.json").read_text(encoding="utf-8"))
ONE_SHOT = {name for name, s in SERVICES.items() if s.get("restart") == "no"}
_VARIABLE = re.compile(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?+][^}]*)?\}")
_DEFAULTED = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*:-([^}]*)\}")


def strings(node: Any) -> Iterator[str]:
    """Every string value in a parsed YAML tree."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def command_lines(service: dict[str, Any]) -> list[list[str]]:
    """The argument lists a service runs: the exec form as is, a `sh -c` script line by line."""
    lines = []
    for key in ("entrypoint", "command"):
        value = service.get(key)
        if isinstance(value, str):
            value = shlex.split(value)
        if not value:
            continue
        if value[0] == "sh" and value[1].startswith("-") and "c" in value[1]:
            lines += [shlex.split(line) for line in value[2].splitlines() if line.strip()]
        else:
            lines.append(list(value))
    return lines


def test_compose_file_matches_the_compose_specification_schema() -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in jsonschema.Draft201909Validator(SCHEMA).iter_errors(COMPOSE)]
    assert errors == []


def test_every_variable_is_listed_in_env_example() -> None:
    used = {m.group(1) for text in strings(COMPOSE) for m in _VARIABLE.finditer(text)}
    listed = set(re.findall(r"^#?\s*([A-Z_][A-Z0-9_]*)=", (REPO / ".env.example").read_text(encoding="utf-8"), re.M))
    missing = sorted(used - listed)
    assert not missing, f"add these variables to .env.example: {missing}"


def test_required_secrets_have_no_defaults() -> None:
    for secret in ("POSTGRES_PASSWORD", "MINIO_ROOT_PASSWORD", "LOAN_EXTRACTOR_BRIDGE_TOKEN"):
        uses = [m.group(0) for text in strings(COMPOSE) for m in _VARIABLE.finditer(text) if m.group(1) == secret]
        assert uses and all(":?" in use for use in uses), secret


def test_build_contexts_and_dockerfiles_exist() -> None:
    builds = [s["build"] for s in SERVICES.values() if "build" in s]
    assert builds, "the worker image is built from the Dockerfile"
    for build in builds:
        context = REPO / build["context"]
        assert context.is_dir() and (context / build.get("dockerfile", "Dockerfile")).is_file()


def test_named_volumes_are_declared_and_used() -> None:
    used = {v.split(":")[0] for s in SERVICES.values() for v in s.get("volumes", []) if not v.startswith((".", "/"))}
    assert used == set(COMPOSE.get("volumes", {}))


def test_dependencies_exist_and_wait_for_the_right_condition() -> None:
    for name, service in SERVICES.items():
        for dependency, spec in service.get("depends_on", {}).items():
            assert dependency in SERVICES, f"{name} depends on unknown {dependency}"
            condition = spec["condition"]
            if condition == "service_completed_successfully":
                assert dependency in ONE_SHOT, f"{dependency} never completes (restart is not 'no')"
            if condition == "service_healthy":
                assert "healthcheck" in SERVICES[dependency], f"{dependency} has no health check"


def test_long_running_services_restart_and_report_health() -> None:
    for name, service in SERVICES.items():
        if name not in ONE_SHOT:
            assert service.get("restart") == "unless-stopped", name
            assert "healthcheck" in service, name


def test_host_ports_do_not_collide() -> None:
    ports = [_DEFAULTED.sub(r"\1", p).rsplit(":", 1)[0] for s in SERVICES.values() for p in s.get("ports", [])]
    assert ports and len(ports) == len(set(ports))


def test_external_images_are_pinned() -> None:
    for name, service in SERVICES.items():
        if "build" not in service:
            image = service["image"]
            assert ":" in image and not image.endswith(":latest"), f"{name}: {image}"


def test_loan_extractor_command_lines_parse_with_the_real_cli() -> None:
    parser = argparse.ArgumentParser(prog="loan-extractor", exit_on_error=False)
    register_all(parser.add_subparsers(dest="verb", required=True))
    seen = []
    for name, service in SERVICES.items():
        for line in command_lines(service):
            if line and line[0] == "loan-extractor":
                seen.append(line)
                try:
                    parser.parse_args(line[1:])
                except (argparse.ArgumentError, SystemExit) as exc:
                    pytest.fail(f"{name}: `{shlex.join(line)}` is not a valid loan-extractor command ({exc})")
    verbs = {line[1] for line in seen}
    assert {"bridge", "db", "blocks"} <= verbs


def test_minio_notifies_the_bridge_where_it_listens_with_the_same_token() -> None:
    minio, bridge = SERVICES["minio"]["environment"], SERVICES["bridge"]
    [line] = command_lines(bridge)
    port = line[line.index("--port") + 1]
    assert minio["MINIO_NOTIFY_WEBHOOK_ENDPOINT_LOANS"].startswith(f"http://bridge:{port}/")
    assert minio["MINIO_NOTIFY_WEBHOOK_AUTH_TOKEN_LOANS"] == bridge["environment"]["LOAN_EXTRACTOR_BRIDGE_TOKEN"]
    script = " ".join(" ".join(line) for line in command_lines(SERVICES["minio-init"]))
    assert "arn:minio:sqs::LOANS:webhook" in script and "--event put" in script


def test_the_worker_serves_the_work_pool_that_prefect_yaml_deploys_to() -> None:
    deployments = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))["deployments"]
    pools = {d["work_pool"]["name"] for d in deployments}
    [worker] = command_lines(SERVICES["worker"])
    assert pools == {worker[worker.index("--pool") + 1]}


def test_dockerfile_copies_files_that_exist() -> None:
    copies = re.findall(r"^COPY\s+(.+?)\s+\S+\s*$", DOCKERFILE, re.M)
    sources = [s for line in copies for s in line.split()]
    assert {"requirements.lock", "pyproject.toml"} <= set(sources)
    for source in sources:
        assert (REPO / source).exists(), f"Dockerfile copies missing {source}"
    assert re.search(r"^FROM python:3\.11-slim$", DOCKERFILE, re.M)
    assert {"tesseract-ocr", "tesseract-ocr-eng", "poppler-utils"} <= set(DOCKERFILE.split())


def test_the_installed_image_ships_every_package() -> None:
    """The image installs the project (not editable), so package discovery must find every package directory."""
    from setuptools import find_packages

    find = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]["find"]
    found = set(find_packages(where=str(REPO / "src"), include=find["include"]))
    on_disk = {
        ".".join(init.parent.relative_to(REPO / "src").parts)
        for init in (REPO / "src").rglob("__init__.py")
        if "__pycache__" not in init.parts and ".egg-info" not in str(init)
    }
    assert on_disk and not sorted(on_disk - found), f"pyproject's package discovery misses {sorted(on_disk - found)}"


def test_the_installed_image_ships_every_data_file() -> None:
    """Files beside the code (models, templates, migration templates) need a package-data pattern to be installed."""
    package_data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"].get("package-data", {})
    root = REPO / "src"
    unshipped = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts or ".egg-info" in str(path):
            continue
        packages = [p for p in path.relative_to(root).parents if p != Path(".") and (root / p / "__init__.py").exists()]
        if not any(
            fnmatch.fnmatch(path.relative_to(root / package).as_posix(), pattern)
            for package in packages
            for pattern in package_data.get(".".join(package.parts), [])
        ):
            unshipped.append(path.relative_to(root).as_posix())
    assert not unshipped, f"add package-data patterns in pyproject.toml for: {unshipped}"
