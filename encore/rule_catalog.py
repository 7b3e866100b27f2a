"""Every diagnostic rule id Encore can emit, with a one-line summary for a designer.

Sources of truth, reused rather than copied: `encore.rules.RULES` (the configurable rules
and their default severities), `encore.components.RULES` (component specs) and
`encore.governance.ladder.GATE_TITLES` (``gate/<name>``). Ids built at run time are listed
in `DYNAMIC` with the code that builds them (``f"type/{kind}"``, ``f"gate/{name}"``,
``f"{language}/reserved-name"``). Every other id is a string literal in ``encore/`` and has
its summary in `SUMMARIES`. ``tests/test_reference.py`` scans the package's syntax tree, so
an id added to the code without a line here, or a line here the code no longer emits,
fails the tests. To add a rule id: emit it, add its summary here (or to the registry that
owns it), and run ``python3 -m encore.reference --write``.
"""

from __future__ import annotations

from dataclasses import dataclass

from encore.components import RULES as COMPONENT_RULES
from encore.diagnostics import Severity
from encore.formats import kotlin_common, swift
from encore.governance.ladder import FLAGS, GATE_TITLES
from encore.rules import RULES as CONFIGURABLE_RULES
from encore.values.types import TokenType

# Families in pipeline order: title, and when their diagnostics appear.
FAMILIES: dict[str, tuple[str, str]] = {
    "syntax": ("Syntax", "a YAML or JSON file cannot be read as data"),
    "load": ("Loading", "token files are missing or unreadable"),
    "token": ("Tokens", "the shape of one token: $value, $type and its properties"),
    "group": ("Groups", "groups, $extends and $root"),
    "name": ("Names", "token and group names"),
    "metadata": ("Metadata", "$description, $deprecated and $extensions"),
    "type": ("Values", "a $value does not fit its $type (one id per DTCG type)"),
    "ref": ("References", "curly aliases and JSON Pointer $ref"),
    "config": ("Configuration", "encore.yaml, platform.yaml, formats and transforms"),
    "resolver": ("Resolver", "the DTCG resolver document: sets, modifiers, inputs"),
    "themes": ("Themes", "the token sets of the theme permutations"),
    "tier": ("Tiers", "primitive, semantic, component and local tiers (configurable)"),
    "deprecated": ("Deprecation", "uses of deprecated tokens (configurable)"),
    "contrast": ("Contrast", "WCAG 2.x colour pairs in every permutation"),
    "transform": ("Transforms", "plugin value transforms at build time"),
    "css": ("CSS output", "the css format"),
    "scss": ("SCSS output", "the scss format"),
    "javascript": ("JavaScript output", "the es-module and typescript-declarations formats"),
    "swift": ("Swift output", "the swift format"),
    "kotlin": ("Kotlin output", "the kotlin and compose formats (shared Kotlin naming)"),
    "compose": ("Compose output", "the compose format"),
    "android": ("Android output", "the android-xml format"),
    "component": ("Component specs", "*.component.yaml: schema, bindings, contrast, targets"),
    "governance": ("Governance", "encore promote: people, systems, steps, releases"),
    "gate": ("Promotion gates", "a gate of encore promote failed without a finer finding"),
    "audit": ("Audit log", "governance/audit.jsonl"),
    "diff": ("encore diff", "comparing two revisions or folders"),
    "import": ("encore import", "converting a Style Dictionary tree (warnings)"),
    "init": ("encore init", "scaffolding a new design system"),
}

# Summaries of the literal ids not owned by a registry: what it means, and the usual fix.
SUMMARIES: dict[str, str] = {
    "syntax/yaml": "the file is not valid YAML; fix the indentation or quoting at the caret",
    "syntax/json": "the file is not valid JSON: double-quoted keys, no trailing commas",
    "syntax/duplicate-key": "a key appears twice in one mapping; remove or rename one",
    "load/missing": "a path given to encore check does not exist or holds no token files",
    "load/unreadable": "a file cannot be read (permissions, encoding); fix or remove it",
    "token/file": "a token file is empty or is not an object of groups and tokens",
    "token/not-an-object": "a token is not an object; write name: {$value: ...}",
    "token/null-value": "$value is null; in YAML quote values starting with '#'",
    "token/duplicate": "a token is defined twice, or is a token in one file and a group in another",
    "token/type": "$type is not a string",
    "token/unknown-type": "$type is not one of the 13 DTCG types; see the did-you-mean",
    "token/unknown-property": "a token has a key DTCG does not define; custom data goes in "
    "$extensions",
    "token/value-and-children": "an object has both $value and children; move the children "
    "into a group",
    "token/missing-type": "no $type on the token or any group above it; add one",
    "group/conflict": "two files give one group different $type or metadata; write it once",
    "group/extends": "$extends must name an existing group as {group.path}",
    "group/extends-cycle": "groups extend each other in a loop; break it",
    "group/root": "$root must be a token (an object with $value)",
    "group/unknown-property": "a group has a $-key DTCG does not define",
    "name/invalid": "a name is empty, starts with $ or holds {, } or . (reference syntax); rename",
    "metadata/description": "$description must be a string",
    "metadata/deprecated": "$deprecated must be true, false or a message",
    "metadata/extensions": "$extensions must be an object keyed by vendor (com.example)",
    "ref/unresolved": "a reference names no token; see the did-you-mean",
    "ref/cycle": "tokens reference each other in a loop; give one of them a value",
    "ref/too-deep": "an alias chain is too long to follow; shorten it",
    "ref/type-mismatch": "a reference points at a token of the wrong type for this place",
    "ref/pointer": "a JSON Pointer $ref is malformed or leads nowhere",
    "ref/value-and-ref": "a token has both $value and $ref; keep one",
    "config/project": "encore.yaml is missing or does not match its schema (unknown keys, "
    "unknown rule ids, duplicate platform names)",
    "config/platform": "a platform.yaml is missing or invalid, or two formats write one file",
    "config/empty-glob": "a tier glob matches no token files; check it against encore.yaml's "
    "folder",
    "config/tier-overlap": "a file matches the globs of two tiers; a file has one tier",
    "config/themes": "themes: the resolver and the tier globs disagree, or a named modifier "
    "does not exist",
    "config/unknown-platform": "--platform names no platform of encore.yaml",
    "config/unknown-format": "platform.yaml names a format that is neither built in nor an "
    "installed plugin",
    "config/format-options": "a format's options do not match its options schema (see "
    "platform-yaml.md)",
    "config/unknown-generator": "components.generator is not web, swiftui or compose",
    "config/unknown-transform": "platform.yaml names a transform no installed plugin provides",
    "config/transform": "a transform's options do not match its options schema",
    "resolver/schema": "the resolver document is empty or does not match the DTCG resolver schema",
    "resolver/ref": "a $ref in the resolver document points at nothing it may reference",
    "resolver/cycle": "sets or references of the resolver document form a loop",
    "resolver/duplicate-name": "resolutionOrder lists one name twice",
    "resolver/default": "a modifier's default is not one of its contexts",
    "resolver/input": "--theme, --contrast or --input names an unknown modifier or context",
    "themes/partial-token": "a token exists in some permutations only; define it in a set "
    "every permutation uses",
    "contrast/kind": "a contrast pair's kind is not text, large-text or non-text",
    "contrast/unknown-token": "a contrast pair names a token that does not exist or is not a "
    "colour",
    "transform/failed": "a plugin transform raised an error on a token; fix or remove the "
    "transform",
    "transform/changed-type": "a plugin transform returned a value of another type",
    "css/name-collision": "two tokens become the same CSS custom property; rename one",
    "scss/name-collision": "two tokens become the same Sass variable ('_' reads as '-')",
    "javascript/name-collision": "two tokens become the same camelCase export",
    "swift/name-collision": "two tokens become the same Swift identifier",
    "swift/theme-unsupported": "a non-colour token varies by theme, which Swift cannot follow; "
    "theme only colours",
    "kotlin/name-collision": "two tokens become the same Kotlin identifier",
    "compose/name-collision": "two themed colours become the same EncoreColors property",
    "compose/theme-unsupported": "a token Compose cannot theme (not colour-bearing) varies by "
    "theme",
    "compose/out-of-range": "a number does not fit a Kotlin Float",
    "android/name-collision": "two tokens become the same Android resource name",
    "governance/roles": "governance/roles.yaml is missing or invalid (unknown role or person)",
    "governance/system": "a local system's system.yaml is invalid (name, lead)",
    "governance/unknown": "encore promote names no known component",
    "governance/unknown-person": "--as names nobody in governance/roles.yaml",
    "governance/refused": "the step is not allowed now: a gate failed, a role is missing, or "
    "the target exists",
    "governance/local-token": "a promoted spec binds a local token that aliases no semantic "
    "or component token",
    "governance/interrupted": "an interrupted promotion cannot be completed safely; finish it "
    "by hand",
    "governance/version": "governance/version.txt is not MAJOR.MINOR.PATCH",
    "audit/broken": "the audit log was edited, reordered or truncated; restore it from git",
    "diff/git": "git failed or the folder is not in a repository; compare folders instead",
    "diff/empty": "a side of the comparison has no encore.yaml and no token files",
    "import/empty": "the folder holds no Style Dictionary JSON files; name the tokens folder",
    "import/file": "a Style Dictionary file is not JSON and was skipped",
    "import/name": "a token name is not valid DTCG; it was skipped",
    "import/duplicate": "a token is defined twice in the Style Dictionary tree",
    "import/type": "a token's type has no DTCG equivalent or cannot be inferred; skipped",
    "import/value": "a value cannot be converted to its DTCG type; convert it by hand",
    "import/unit": "a dimension or duration has a unit DTCG lacks; convert it by hand",
    "import/expression": "a value is an expression or template; DTCG needs a value or one "
    "reference",
    "import/reference": "a reference points at a token that was not converted",
    "import/refused": "a converted value is not valid DTCG; fix it by hand",
    "import/exists": "an output file exists; nothing was written (--force overwrites)",
    "init/target": "the init target is a file, not a folder",
    "init/exists": "a scaffold file exists; nothing was written (--force overwrites)",
    "init/write": "the scaffold cannot be written (permissions, disk space)",
}

# What each DTCG type's value must look like (type/<type>).
TYPE_SUMMARIES: dict[str, str] = {
    "color": "not a colour: an object {colorSpace, components, alpha?, hex?} in a known space",
    "dimension": "not a dimension: {value: number, unit: px | rem}",
    "duration": "not a duration: {value: number, unit: ms | s}, never negative",
    "number": "not a number",
    "fontFamily": "not a font family: a name or a list of non-empty names",
    "fontWeight": "not a font weight: 1 to 1000, or a keyword such as bold",
    "cubicBezier": "not a cubic Bézier: [x1, y1, x2, y2] with x in 0..1",
    "strokeStyle": "not a stroke style: a keyword (solid, dashed, ...) or {dashArray, lineCap}",
    "border": "not a border: {color, width, style}, width not negative",
    "transition": "not a transition: {duration, delay, timingFunction}",
    "shadow": "not a shadow: {color, offsetX, offsetY, blur, spread, inset?} or a list",
    "gradient": "not a gradient: a non-empty list of {color, position} stops",
    "typography": "not a typography: {fontFamily, fontSize, fontWeight, letterSpacing, lineHeight}",
}


@dataclass(frozen=True, slots=True)
class Dynamic:
    """Rule ids one f-string in the code builds: ``prefix{...}suffix`` in ``module``."""

    module: str  # path under the repository, e.g. "encore/values/scalar.py"
    prefix: str
    suffix: str
    ids: tuple[str, ...]


_LANGUAGES = sorted(naming.language.lower() for naming in (swift.NAMING, kotlin_common.NAMING))
_GATES = sorted(name for name in GATE_TITLES if name not in FLAGS)  # flags never fail

DYNAMIC: tuple[Dynamic, ...] = (
    *(
        Dynamic(module, "type/", "", tuple(f"type/{t.value}" for t in TokenType))
        for module in ("encore/values/scalar.py", "encore/values/composite.py")
    ),
    Dynamic("encore/governance/gates.py", "gate/", "", tuple(f"gate/{g}" for g in _GATES)),
    Dynamic(
        "encore/formats/namespaces.py",
        "",
        "/reserved-name",
        tuple(f"{language}/reserved-name" for language in _LANGUAGES),
    ),
)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """One rule id: its family, summary, and default severity when encore.yaml may set it."""

    id: str
    summary: str
    severity: Severity | None = None

    @property
    def family(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def configurable(self) -> bool:
        return self.severity is not None


def _dynamic_summaries() -> dict[str, str]:
    out = {f"type/{t}": text for t, text in TYPE_SUMMARIES.items()}
    out |= {f"gate/{g}": f"gate failed: {GATE_TITLES[g]}" for g in _GATES}
    for language in _LANGUAGES:
        out[f"{language}/reserved-name"] = (
            "a group would become a type name the generated file already uses; rename the "
            "group or change the namespace option"
        )
    return out


def catalogue() -> dict[str, RuleInfo]:
    """Every rule id Encore can emit, sorted by family (pipeline order), then id."""
    found = {i: RuleInfo(i, s) for i, s in (SUMMARIES | _dynamic_summaries()).items()}
    found |= {i: RuleInfo(i, s) for i, s in COMPONENT_RULES.items()}
    found |= {r.id: RuleInfo(r.id, r.summary, r.severity) for r in CONFIGURABLE_RULES.values()}
    order = list(FAMILIES)
    return dict(sorted(found.items(), key=lambda kv: (order.index(kv[1].family), kv[0])))


def dynamic_ids() -> set[str]:
    """The ids built at run time, as `DYNAMIC` enumerates them."""
    return {i for d in DYNAMIC for i in d.ids}


__all__ = ["DYNAMIC", "FAMILIES", "SUMMARIES", "TYPE_SUMMARIES", "Dynamic", "RuleInfo"]
