"""The themes stage: every permutation of a resolver document, compiled into `Themes`.

Each permutation's sources (from `encore.resolver`) merge in order, later tokens replacing
earlier ones, then compile like any token files; a file's tier comes from the project's
tier globs. Problems shared by several permutations are reported once.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from encore import warm
from encore.config import ThemesConfig
from encore.diagnostics import Diagnostic, Origin, has_errors
from encore.evaluate import Earlier
from encore.evaluate_delta import evaluate_changed
from encore.load import LoadedFile
from encore.model import TokenSet
from encore.paths import real
from encore.resolver import Resolver, check_inputs, load_resolver, permutations, sources_for
from encore.suggest import did_you_mean
from encore.themes import Axis, Key, Themes
from encore.tree_patch import collect_warm


def unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics without repeats: the same problem found in several permutations."""
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for diagnostic in diagnostics:
        where = diagnostic.origin
        place = ("", "") if where is None else (where.source.path, repr(where.path))
        key = (diagnostic.rule, diagnostic.message, *place)
        if key not in seen:
            seen.add(key)
            out.append(diagnostic)
    return out


def axes_of(
    resolver: Resolver, config: ThemesConfig | None
) -> tuple[tuple[Axis, ...], list[Diagnostic]]:
    """The resolver's modifiers as axes, with the roles the project gives them."""
    problems: list[Diagnostic] = []
    roles: dict[str, tuple[str | None, dict[str, str]]] = {}
    known = {m.name: m for m in resolver.modifiers}
    for role, spec in (config.roles if config else {}).items():
        modifier = known.get(spec.modifier)
        if modifier is None:
            problems.append(
                Diagnostic(
                    "config/themes",
                    f'the {role} modifier "{spec.modifier}" is not in {resolver.path.name}',
                    spec.origin.child("modifier"),
                    help=did_you_mean(spec.modifier, known) or "modifiers: " + ", ".join(known),
                )
            )
            continue
        for context in spec.meanings:
            if context not in modifier.contexts:
                problems.append(
                    Diagnostic(
                        "config/themes",
                        f'"{context}" is not a context of the modifier "{modifier.name}"',
                        spec.origin,
                        help=did_you_mean(context, modifier.contexts)
                        or "contexts: " + ", ".join(modifier.contexts),
                    )
                )
        roles[modifier.name] = (role, spec.meanings)
    axes = []
    for modifier in resolver.modifiers:
        played, meanings = roles.get(modifier.name, (None, {}))
        default = modifier.default or modifier.contexts[0]
        axes.append(Axis(modifier.name, modifier.contexts, default, played, meanings or None))
    return tuple(axes), problems


def compile_permutation(
    resolver: Resolver,
    inputs: Mapping[str, str],
    tiers: Mapping[Path, str],
    earlier: Earlier | None = None,
) -> tuple[TokenSet, list[Diagnostic], Earlier | None]:
    """One permutation's resolved tokens; none when a file could not be read or parsed
    (its syntax errors alone are reported, not the unresolved references they cause).
    Tokens of ``earlier`` (another permutation) that nothing here changes are reused."""
    files, problems = sources_for(resolver, inputs)
    if has_errors(problems):
        return TokenSet({}), problems, None
    tiered: list[tuple[LoadedFile, str | None]] = [
        (file, tiers.get(real(file.source.path))) for file in files
    ]
    key = (str(resolver.path), tuple(sorted(inputs.items())))
    tree = collect_warm(key, tiered, override=True)
    tokens, more, evaluation = evaluate_changed(tree, earlier)
    return tokens, [*problems, *tree.diagnostics, *more], evaluation


def compile_themes(
    path: Path,
    config: ThemesConfig | None,
    tiers: Mapping[Path, str],
    inputs: Mapping[str, str] | None = None,
    inputs_origin: Origin | None = None,
) -> tuple[Themes | None, list[Diagnostic]]:
    """Every permutation (or, with ``inputs``, just that one, as themes without axes)."""
    resolver, problems = load_resolver(path)
    if resolver is None:
        return None, problems
    themes, more = themes_of(resolver, config, tiers, inputs, inputs_origin)
    return themes, problems + more


# Each permutation's last evaluation, so a rebuild in the same process (``encore watch``)
# evaluates only what the edit reaches. Reuse is sound whatever changed: a token is taken
# over only when its source object and its references' tokens are the very same.
_PREVIOUS: dict[tuple[str, tuple[tuple[str, str], ...]], Earlier] = warm.cache({})


def themes_of(
    resolver: Resolver,
    config: ThemesConfig | None,
    tiers: Mapping[Path, str],
    inputs: Mapping[str, str] | None = None,
    inputs_origin: Origin | None = None,
) -> tuple[Themes | None, list[Diagnostic]]:
    """The permutations of a loaded resolver document (see `compile_themes`)."""
    axes, problems = axes_of(resolver, config)
    if inputs is not None:
        chosen, more = check_inputs(resolver, inputs, inputs_origin)
        problems += more
        if more:
            return None, problems
        tokens, more, _ = compile_permutation(resolver, chosen, tiers)
        label = ", ".join(f"{name}={context}" for name, context in chosen.items())
        return Themes((), {(): tokens}, label), unique(problems + more)
    sets: dict[Key, TokenSet] = {}
    earlier: Earlier | None = None
    for permutation in permutations(resolver):
        key = (str(resolver.path), tuple(sorted(permutation.items())))
        before = _PREVIOUS.get(key) or earlier  # the last build's, else the permutation before
        tokens, more, earlier = compile_permutation(resolver, permutation, tiers, before)
        if earlier is not None and warm.ENABLED:
            _PREVIOUS.pop(key, None)
            _PREVIOUS[key] = earlier
            while len(_PREVIOUS) > 16:  # the most recent projects' permutations
                _PREVIOUS.pop(next(iter(_PREVIOUS)))
        problems += more
        sets[tuple(permutation[axis.name] for axis in axes)] = tokens
    themes = Themes(axes, sets)
    if has_errors(problems):  # a token that failed is missing where it failed: not news
        return themes, unique(problems)
    return themes, unique(problems + partial_tokens(themes))


def partial_tokens(themes: Themes) -> list[Diagnostic]:
    """Errors for tokens that exist in some permutations only: outputs declare the default
    permutation's tokens and theme the values, so every token must exist everywhere."""
    found: list[Diagnostic] = []
    names = tuple(themes.default.tokens)
    if all(tuple(tokens.tokens) == names for tokens in themes.sets.values()):
        return found  # the usual case: the same tokens everywhere
    everywhere = set(themes.default.tokens)
    for key, tokens in themes.sets.items():
        for name in sorted(set(tokens.tokens) ^ everywhere):
            token = tokens.get(name) or themes.default[name]
            missing = themes.label(key) if name not in tokens else themes.label(themes.default_key)
            found.append(
                Diagnostic(
                    "themes/partial-token",
                    f'"{name}" is missing in {missing}; a themed token must exist in every '
                    "permutation",
                    token.origin,
                    part="key",
                    help="define it in a set every permutation uses, and override it per context",
                )
            )
    return found


def project_tiers(sources: list[tuple[Path, str]]) -> dict[Path, str]:
    """Each token file's tier, from the project's tier globs."""
    return {real(path): tier for path, tier in sources}
