"""Typed, layered settings: environment over YAML file over defaults.

Standard names are used where they exist (``NEO4J_URI``, ``NEO4J_USERNAME``,
``NEO4J_PASSWORD``, ``NEO4J_DATABASE``, ``DATABASE_URL``; libpq's own ``PG*`` variables
are honoured by psycopg). Project-specific knobs are ``VIVIM_*`` in the environment and
the same names without the prefix in the YAML file, e.g.::

    # vivim-graph.yaml (or the file named by VIVIM_CONFIG)
    neo4j_password: change-me
    neo4j_bolt_port: 7688
    neo4j_heap: 2g

Passwords are ``SecretStr``: they never appear in ``repr``, logs or error messages.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import (
    AliasChoices,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from vivim_graph.errors import ConfigError

DEFAULT_CONFIG_FILE = "vivim-graph.yaml"
# Documented as local-only: the embedded server listens on 127.0.0.1 and nothing else.
LOCAL_DEFAULT_PASSWORD = "vivim-local-only"


BOLT_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")
NEO4J_URI_HINT = (
    "NEO4J_URI is the Bolt address, e.g. neo4j://HOST:7687 (neo4j+s:// for Aura); "
    "Neo4j Browser's http:// address does not take queries. Unset it to use the local server"
)


def check_neo4j_uri(uri: str) -> str:
    """``uri`` if the driver can use it (scheme, port); else a ConfigError naming NEO4J_URI.
    Pure string work, so commands check it before they start anything."""
    from urllib.parse import urlsplit

    scheme, sep, rest = uri.partition("://")
    shown = f"{scheme}{sep}{rest.rpartition('@')[2]}"  # never print user:password@
    if not sep or scheme.lower() not in BOLT_SCHEMES:
        what = f"scheme {scheme}://" if sep else "no scheme"
        raise ConfigError(
            f"NEO4J_URI {shown} has {what}; the driver speaks {', '.join(BOLT_SCHEMES)}",
            hint=NEO4J_URI_HINT,
        )
    try:
        urlsplit(uri).port  # noqa: B018 - parsing the port is the check
    except ValueError:
        message = f"NEO4J_URI {shown}: the port is not a number"
        raise ConfigError(message, hint=NEO4J_URI_HINT) from None
    return uri


# The Neo4j lines the local runner knows, each with its newest release on Maven Central.
# 5.26 is the LTS (Java 17 or 21, APOC); calendar versions (2025.x, 2026.x: what Aura runs,
# Cypher 25) need Java 21+. VIVIM_NEO4J_VERSION takes a line (`2026.x`, `2026`, `5.26.x`)
# or an exact version (`2026.08.1`), which is used as given.
NEO4J_LINES = {"5.26": "5.26.19", "2025": "2025.12.1", "2026": "2026.08.1"}
DEFAULT_NEO4J_VERSION = NEO4J_LINES["5.26"]
_NEO4J_VERSION = re.compile(r"\d{1,4}\.\d{1,2}(\.\d{1,3})?")


def resolve_neo4j_version(spec: str, source: str = "VIVIM_NEO4J_VERSION") -> str:
    """An exact Neo4j version for ``spec``: a known line (``2026.x``) becomes its newest
    release; anything else must look like a version (Maven says later if it exists)."""
    text = spec.strip().lower()
    line = text.removesuffix(".x").removesuffix(".*")
    if line in NEO4J_LINES:
        return NEO4J_LINES[line]
    if not _NEO4J_VERSION.fullmatch(text):
        raise ConfigError(
            f"{source} {spec!r} is not a Neo4j version",
            hint="give an exact version (2026.08.1, 5.26.19) or a line: "
            + ", ".join(f"{k}.x" for k in NEO4J_LINES),
        )
    return text


def _vivim(name: str) -> Any:
    """A project knob: ``VIVIM_<NAME>`` in the environment, ``<name>`` in the YAML file."""
    return Field(validation_alias=AliasChoices(f"VIVIM_{name.upper()}", name))


class _YamlSource(PydanticBaseSettingsSource):
    """Reads the optional YAML config file; a malformed file names itself in the error."""

    def __init__(self, settings_cls: type[BaseSettings], path: Path | None) -> None:
        super().__init__(settings_cls)
        self.path = path

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # unused: __call__ returns the whole mapping

    def __call__(self) -> dict[str, Any]:
        if self.path is None or not self.path.exists():
            return {}
        try:
            data = yaml.safe_load(self.path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as e:
            raise ConfigError(f"config file {self.path} is not valid YAML: {e}") from e
        if not isinstance(data, dict):
            raise ConfigError(f"config file {self.path} must hold a mapping of setting: value")
        return {str(k).lower(): v for k, v in data.items()}


class Settings(BaseSettings):
    """Every setting the project reads. Build one with :func:`load_settings`."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    # -- Neo4j: standard names; point these at a cluster or Aura (neo4j+s://) unchanged.
    neo4j_uri: str | None = Field(
        default=None, validation_alias=AliasChoices("NEO4J_URI", "neo4j_uri")
    )
    neo4j_username: str = Field(
        default="neo4j", validation_alias=AliasChoices("NEO4J_USERNAME", "neo4j_username")
    )
    neo4j_password: SecretStr = Field(
        default=SecretStr(LOCAL_DEFAULT_PASSWORD),
        validation_alias=AliasChoices("NEO4J_PASSWORD", "neo4j_password"),
    )
    neo4j_database: str = Field(
        default="neo4j", validation_alias=AliasChoices("NEO4J_DATABASE", "neo4j_database")
    )

    # -- PostgreSQL: DATABASE_URL, else libpq PG* variables, else the embedded server.
    database_url: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("DATABASE_URL", "database_url")
    )
    postgres_database: str = _vivim("postgres_database")

    # -- The local Neo4j server run from Maven Central artifacts.
    state_dir: Path = _vivim("state_dir")
    cache_dir: Path = _vivim("cache_dir")
    neo4j_version: str = _vivim("neo4j_version")
    neo4j_bolt_port: int = _vivim("neo4j_bolt_port")
    neo4j_http_port: int = _vivim("neo4j_http_port")
    neo4j_heap: str = _vivim("neo4j_heap")
    neo4j_pagecache: str = _vivim("neo4j_pagecache")
    neo4j_start_timeout: float = _vivim("neo4j_start_timeout")
    # Extra options for every JVM vivim-graph starts (Neo4j, neo4j-admin, Kafka, Connect),
    # e.g. "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" for short-lived servers on a small machine
    # (the tests); a collector named here replaces Neo4j's default G1.
    jvm_options: str = _vivim("jvm_options")

    # -- The local Kafka broker and Kafka Connect (Debezium) for the Kafka path.
    kafka_port: int = _vivim("kafka_port")
    kafka_controller_port: int = _vivim("kafka_controller_port")
    kafka_connect_port: int = _vivim("kafka_connect_port")

    # -- Import and sync.
    batch_size: int = _vivim("batch_size")

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        defaults = {
            "postgres_database": "vivim_costs_db",
            "state_dir": Path(".vivim"),
            "cache_dir": Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
            / "vivim-graph",
            "neo4j_version": DEFAULT_NEO4J_VERSION,
            "neo4j_bolt_port": 7687,
            "neo4j_http_port": 7474,
            "neo4j_heap": "1g",
            "neo4j_pagecache": "512m",
            "neo4j_start_timeout": 120.0,
            "jvm_options": "",
            "kafka_port": 9092,
            "kafka_controller_port": 9093,
            "kafka_connect_port": 8083,
            "batch_size": 5000,
        }
        if isinstance(data, dict):
            present = {k.lower().removeprefix("vivim_") for k in data}
            for key, value in defaults.items():
                if key not in present:
                    data[key] = value
        return data

    @field_validator("neo4j_version")
    @classmethod
    def _exact_neo4j_version(cls, value: str) -> str:
        return resolve_neo4j_version(value)

    @property
    def bolt_uri(self) -> str:
        """The URI to connect to: ``NEO4J_URI`` if set, else the local server's routing URI."""
        return self.neo4j_uri or f"neo4j://127.0.0.1:{self.neo4j_bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.neo4j_http_port}/browser/"

    @property
    def uses_local_neo4j(self) -> bool:
        return self.neo4j_uri is None

    @property
    def names_local_neo4j(self) -> bool:
        """NEO4J_URI spells out the local server's own address (plain neo4j:// or bolt://
        to 127.0.0.1, localhost or ::1 at VIVIM_NEO4J_BOLT_PORT), as a copied .env does."""
        if self.neo4j_uri is None:
            return True
        from urllib.parse import urlsplit

        try:
            parts = urlsplit(self.neo4j_uri)
            port = parts.port
        except ValueError:
            return False
        return (
            parts.scheme in ("neo4j", "bolt")
            and parts.hostname in ("127.0.0.1", "localhost", "::1")
            and (port or 7687) == self.neo4j_bolt_port
        )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        config_file = os.environ.get("VIVIM_CONFIG")
        path = Path(config_file) if config_file else Path(DEFAULT_CONFIG_FILE)
        if config_file and not path.exists():
            raise ConfigError(f"VIVIM_CONFIG names {path}, which does not exist")
        return (init_settings, env_settings, _YamlSource(settings_cls, path))


def load_settings(**overrides: Any) -> Settings:
    """Build the settings; a bad value becomes a ConfigError naming the setting."""
    try:
        return Settings(**overrides)
    except ValidationError as e:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in e.errors()
        )
        raise ConfigError(f"invalid settings: {problems}") from e
