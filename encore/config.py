"""Project and platform files (``encore.yaml``, ``platform.yaml``), validated by JSON Schema.

Schemas ship in ``encore/schemas/``. Every schema error becomes a located diagnostic
with the offending key or value underlined, and unknown keys get a "did you mean".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from encore import warm
from encore.diagnostics import Diagnostic, EncoreError, Origin, Severity, SourceLocation
from encore.load import load_file
from encore.suggest import did_you_mean

PROJECT_FILE = "encore.yaml"
PLATFORM_FILE = "platform.yaml"
TIER_ORDER = ("primitive", "semantic", "component", "local")


@cache
def schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped with the package."""
    text = resources.files("encore.schemas").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def schema_diagnostics(
    data: Any, schema_doc: dict[str, Any], origin: Origin, rule: str
) -> list[Diagnostic]:
    """Validate ``data``; one located diagnostic per schema error."""
    validator = jsonschema.Draft202012Validator(schema_doc)
    out: list[Diagnostic] = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path))):
        where = origin.child(*error.absolute_path)
        message, hint, part = error.message, None, "value"
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = list(error.schema.get("properties", {}))
            extras = [k for k in error.instance if k not in allowed]
            for key in extras:
                out.append(
                    Diagnostic(
                        rule,
                        f'unknown key "{key}"',
                        where.child(key),
                        part="key",
                        help=did_you_mean(key, allowed) or "allowed keys: " + ", ".join(allowed),
                    )
                )
            continue
        if error.validator == "required":
            part = "key"
        elif error.validator == "enum":
            options = error.validator_value
            message = f"{error.instance!r} is not one of {', '.join(map(repr, options))}"
            hint = did_you_mean(str(error.instance), map(str, options))
        elif error.validator in ("oneOf", "anyOf"):
            message = f"{error.instance!r} has the wrong shape here"
        out.append(Diagnostic(rule, message, where, help=hint, part=part))
    return out


def read_config(
    path: Path, schema_name: str, rule: str
) -> tuple[Any, Origin | None, list[Diagnostic]]:
    """Load a YAML config file and check it against its schema."""
    loaded, diagnostics = load_file(path)
    if loaded is None:
        return None, None, diagnostics
    origin = Origin(loaded.source, ())
    if loaded.data is None:
        return None, origin, [Diagnostic(rule, f"{path.name} is empty", origin)]
    diagnostics += schema_diagnostics(loaded.data, schema(schema_name), origin, rule)
    return loaded.data, origin, diagnostics


@dataclass(frozen=True, slots=True)
class FormatConfig:
    """One output file of a platform."""

    format: str
    file: str
    options: dict[str, Any]
    origin: Origin


@dataclass(frozen=True, slots=True)
class TransformConfig:
    """One entry of a platform's ``transforms:``: a value transform and its options."""

    name: str
    options: dict[str, Any]
    origin: Origin


@dataclass(frozen=True, slots=True)
class ComponentsConfig:
    """Which component generator a platform runs, into which folder, with which options."""

    generator: str
    folder: str
    options: dict[str, Any]
    origin: Origin
    gallery: str | None = None  # folder of the specimen page, when wanted


@dataclass(frozen=True, slots=True)
class PlatformConfig:
    """A platform system: its name, output folder and formats."""

    name: str
    folder: Path
    output: str
    formats: tuple[FormatConfig, ...]
    origin: Origin
    components: ComponentsConfig | None = None
    transforms: tuple[TransformConfig, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleConfig:
    """Which resolver modifier plays a platform role, and which contexts mean what."""

    modifier: str
    meanings: dict[str, str]  # context → "light"/"dark" or "standard"/"high"
    origin: Origin


@dataclass(frozen=True, slots=True)
class ThemesConfig:
    """The project's resolver document and the roles of its modifiers."""

    resolver: Path
    roles: dict[str, RoleConfig]  # "appearance" / "contrast" → its modifier
    origin: Origin


@dataclass(frozen=True, slots=True)
class ContrastPair:
    """A foreground colour checked against a background colour."""

    foreground: str
    background: str
    kind: str  # text, large-text or non-text
    origin: Origin
    over: str | None = None  # the opaque surface under a translucent background


@dataclass(frozen=True, slots=True)
class ContrastConfig:
    """WCAG thresholds per kind and the pairs to check."""

    thresholds: dict[str, float]
    pairs: tuple[ContrastPair, ...] = ()


DEFAULT_COMPONENTS = ("tokens/components", "local_systems/*/components")
DEFAULT_THRESHOLDS = {"text": 4.5, "large-text": 3.0, "non-text": 3.0}
ROLE_MEANINGS = {"appearance": ("light", "dark"), "contrast": ("standard", "high")}


def _themes(data: dict[str, Any], root: Path, origin: Origin) -> ThemesConfig | None:
    raw = data.get("themes")
    if raw is None:
        return None
    where = origin.child("themes")
    roles = {}
    for role, meanings in ROLE_MEANINGS.items():
        if role in raw:
            spec = raw[role]
            roles[role] = RoleConfig(
                spec["modifier"],
                {spec.get(meaning, meaning): meaning for meaning in meanings},
                where.child(role),
            )
    return ThemesConfig(root / raw["resolver"], roles, where)


def _contrast(data: dict[str, Any], origin: Origin) -> ContrastConfig:
    raw = data.get("contrast", {})
    pairs = tuple(
        ContrastPair(
            pair["foreground"],
            pair["background"],
            pair.get("kind", "text"),
            origin.child("contrast", "pairs", i),
            pair.get("over"),
        )
        for i, pair in enumerate(raw.get("pairs", []))
    )
    return ContrastConfig({**DEFAULT_THRESHOLDS, **raw.get("thresholds", {})}, pairs)


@dataclass(frozen=True, slots=True)
class ProjectConfig:
    """A design system's project file."""

    root: Path
    name: str
    tiers: dict[str, tuple[str, ...]]
    output: Path
    platforms: tuple[PlatformConfig, ...]
    rules: dict[str, Severity]
    origin: Origin
    rule_origins: dict[str, Origin] = field(default_factory=dict)
    themes: ThemesConfig | None = None
    contrast: ContrastConfig = ContrastConfig(DEFAULT_THRESHOLDS)
    components: tuple[str, ...] = DEFAULT_COMPONENTS


def load_platform(folder: Path, where: Origin) -> tuple[PlatformConfig | None, list[Diagnostic]]:
    """Read ``folder/platform.yaml``."""
    path = folder / PLATFORM_FILE
    if not path.is_file():
        return None, [
            Diagnostic(
                "config/platform",
                f"no {PLATFORM_FILE} in {folder}",
                where,
                help="create it, or remove the platform from encore.yaml",
            )
        ]
    data, origin, diagnostics = read_config(path, "platform.schema.json", "config/platform")
    if data is None or origin is None or diagnostics:
        return None, diagnostics
    formats = tuple(
        FormatConfig(f["format"], f["file"], dict(f.get("options", {})), origin.child("formats", i))
        for i, f in enumerate(data["formats"])
    )
    raw = data.get("components")
    components = (
        ComponentsConfig(
            raw["generator"],
            raw.get("folder", "components"),
            dict(raw.get("options", {})),
            origin.child("components"),
            raw.get("gallery"),
        )
        if raw is not None
        else None
    )
    transforms = tuple(
        TransformConfig(each, {}, origin.child("transforms", i))
        if isinstance(each, str)
        else TransformConfig(
            each["transform"], dict(each.get("options", {})), origin.child("transforms", i)
        )
        for i, each in enumerate(data.get("transforms", []))
    )
    platform = PlatformConfig(
        data["name"],
        folder,
        data.get("output", data["name"]),
        formats,
        origin,
        components,
        transforms,
    )
    return platform, []


# A warm process (encore watch) reads the configuration on every save: the last project
# made from the same texts of encore.yaml and the platform files is the same project.
_PROJECTS: dict[str, tuple[tuple[tuple[Path, str], ...], ProjectConfig]] = warm.cache({})


def load_project(path: Path) -> ProjectConfig:
    """Read and validate a project file and its platforms; raises `EncoreError`."""
    if path.is_dir():
        path = path / PROJECT_FILE
    held = _PROJECTS.get(str(path)) if warm.ENABLED else None
    if held is not None and all(_text(file) == text for file, text in held[0]):
        return held[1]
    project = _load_project(path)
    if warm.ENABLED:
        files = (path, *(p.folder / PLATFORM_FILE for p in project.platforms))
        texts = [(file, _text(file)) for file in files]
        read = [(file, text) for file, text in texts if text is not None]
        if len(read) == len(texts):
            _PROJECTS[str(path)] = (tuple(read), project)
    return project


def _text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def _load_project(path: Path) -> ProjectConfig:
    if not path.is_file():
        raise EncoreError(
            [
                Diagnostic(
                    "config/project",
                    f"no {PROJECT_FILE} found at {path}",
                    fixed_location=SourceLocation(str(path)),
                    help="run encore in the design system's folder, pass --project, or check bare "
                    "token files with: encore check FILE...",
                )
            ]
        )
    data, origin, diagnostics = read_config(path, "project.schema.json", "config/project")
    if data is None or origin is None or diagnostics:
        raise EncoreError(diagnostics)
    root = path.parent
    tiers = {
        tier: (globs,) if isinstance(globs, str) else tuple(globs)
        for tier, globs in sorted(data["tiers"].items(), key=lambda kv: TIER_ORDER.index(kv[0]))
    }
    platforms: list[PlatformConfig] = []
    for i, folder in enumerate(data.get("platforms", [])):
        platform, problems = load_platform(root / folder, origin.child("platforms", i))
        diagnostics += problems
        if platform is not None:
            platforms.append(platform)
    from encore.rules import RULE_REGISTRY

    rules: dict[str, Severity] = {}
    rule_origins: dict[str, Origin] = {}
    for rule_id, severity in data.get("rules", {}).items():
        if RULE_REGISTRY.get(rule_id) is None:
            known = RULE_REGISTRY.names()
            diagnostics.append(
                Diagnostic(
                    "config/project",
                    RULE_REGISTRY.problem(rule_id) or f'unknown rule "{rule_id}"',
                    origin.child("rules", rule_id),
                    part="key",
                    help=did_you_mean(rule_id, known) or "rules: " + ", ".join(known),
                )
            )
            continue
        rules[rule_id] = Severity(severity)
        rule_origins[rule_id] = origin.child("rules", rule_id)
    names = [p.name for p in platforms]
    for i, name in enumerate(names):
        if name in names[:i]:
            diagnostics.append(
                Diagnostic(
                    "config/project",
                    f'two platforms are named "{name}"',
                    origin.child("platforms", i),
                )
            )
    if diagnostics:
        raise EncoreError(diagnostics)
    return ProjectConfig(
        root=root,
        name=data.get("name", root.name),
        tiers=tiers,
        output=root / data.get("output", "build"),
        platforms=tuple(platforms),
        rules=rules,
        origin=origin,
        rule_origins=rule_origins,
        themes=_themes(data, root, origin),
        contrast=_contrast(data, origin),
        components=tuple(data.get("components", DEFAULT_COMPONENTS)),
    )
