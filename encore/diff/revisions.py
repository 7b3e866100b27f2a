"""Read a project folder as it is in a git revision, without a checkout.

`export` lists the revision's files under the project's folder (``git ls-tree``), reads
the token and configuration files among them in one ``git cat-file --batch`` and writes
them into a scratch folder, where they compile like any project. The working tree and
the index are never touched.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from encore.diagnostics import Diagnostic, EncoreError, SourceLocation

READ_SUFFIXES = (".yaml", ".yml", ".json", ".tokens")


def _fail(message: str, where: str, help: str) -> EncoreError:
    return EncoreError(
        [Diagnostic("diff/git", message, fixed_location=SourceLocation(where), help=help)]
    )


def git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    """Run git; its failure is an `EncoreError` quoting git's message."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise _fail(
            "git is not installed", str(cwd), "install git, or compare two folders"
        ) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _fail(
            f"git {args[0]} failed: {message[0] if message else done.returncode}",
            str(cwd),
            "check the revision names (git log --oneline), or compare two folders",
        )
    return done.stdout


def repository(folder: Path) -> tuple[Path, str]:
    """The repository holding ``folder`` and the folder's path inside it (``""`` or
    ``"design/"``)."""
    try:
        top = git(["rev-parse", "--show-toplevel"], folder).decode().strip()
    except EncoreError:
        raise _fail(
            f"{folder} is not inside a git repository",
            str(folder),
            "compare two folders instead: encore diff OLD/ NEW/",
        ) from None
    root = Path(top)
    inside = folder.resolve().relative_to(root.resolve()).as_posix()
    return root, "" if inside == "." else inside + "/"


def commit_of(root: Path, revision: str) -> str:
    """The commit a revision names; an unknown revision is a located error."""
    done = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"],
        cwd=root,
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise _fail(
            f'"{revision}" is not a revision of this repository (nor a folder)',
            str(root),
            "name a commit, branch or tag (git log --oneline), e.g. HEAD~1 or main",
        )
    return done.stdout.decode().strip()


def export(root: Path, commit: str, prefix: str, dest: Path) -> int:
    """Write the revision's token and config files under ``prefix`` into ``dest``
    (paths relative to ``prefix``); how many files were written."""
    listing = git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix or "."], root)
    wanted: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, obj = meta.decode().split()
        path = raw_path.decode("utf-8", "surrogateescape")
        if kind != "blob" or mode not in ("100644", "100755"):
            continue
        if not path.startswith(prefix) or not path.lower().endswith(READ_SUFFIXES):
            continue
        wanted.append((path[len(prefix) :], obj))
    if not wanted:
        return 0
    out = git(["cat-file", "--batch"], root, "".join(f"{obj}\n" for _, obj in wanted).encode())
    at = 0
    for rel, obj in wanted:
        end = out.index(b"\n", at)
        header = out[at:end].decode().split()
        if len(header) != 3 or header[0] != obj:
            raise _fail(f"git cat-file gave no blob for {rel}", str(root), "run git fsck")
        size = int(header[2])
        data = out[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(wanted)
