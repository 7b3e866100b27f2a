"""The web player: its static files at ``/player/`` (``/`` redirects there), the OAuth
callback page, and hls.js from npm at ``/player/vendor/hls.js``.

The page is styled only by the design system under ``/design/``. These routes serve
files, not the API, so they stay out of the OpenAPI document. hls.js comes from
``tools/node_modules`` (``npm ci --prefix tools``); without it the route answers 404 with
that command and the player falls back to the browser's native HLS.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from backend_stub.errors import ApiError
from backend_stub.settings import Settings

router = APIRouter(include_in_schema=False)

PLAYER = Path(__file__).resolve().parent.parent / "player"
HLS_DIST = Path("node_modules") / "hls.js" / "dist" / "hls.min.js"
INSTALL_HLS = "npm ci --prefix tools"
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
# The page loads only its own files; hls.js runs its transmuxer in a blob: worker and
# offline playback uses blob: media.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "media-src 'self' blob:; worker-src 'self' blob:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
_HEADERS = {"Content-Security-Policy": CSP, "Cache-Control": "no-cache"}


def hls_candidates(settings: Settings) -> list[Path]:
    """Where hls.js may be: ``tools/`` beside the project's ``encore.yaml``, then beside
    this checkout of the package."""
    roots = [settings.project.resolve().parent, PLAYER.parent.parent]
    return [root / "tools" / HLS_DIST for root in dict.fromkeys(roots)]


def _page() -> Response:
    return FileResponse(PLAYER / "index.html", media_type=_TYPES[".html"], headers=_HEADERS)


@router.get("/")
def root() -> Response:
    """The player is the home page."""
    return RedirectResponse("/player/", status_code=307)


@router.get("/player")
def player_slash() -> Response:
    return RedirectResponse("/player/", status_code=307)


@router.get("/player/")
def player() -> Response:
    return _page()


@router.get("/player/callback")
def callback() -> Response:
    """Where ``/authorize`` sends the code: the same page, which exchanges it."""
    return _page()


@router.get("/player/vendor/hls.js")
def hls_js(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    for path in hls_candidates(settings):
        if path.is_file():
            return FileResponse(path, media_type=_TYPES[".js"], headers=_HEADERS)
    raise ApiError(404, f"hls.js is not installed: run `{INSTALL_HLS}` in the project folder")


@router.get("/player/{path:path}")
def static_file(path: str) -> Response:
    """A file of the player (``js/...``, ``player.css``); nothing outside its folder."""
    target = (PLAYER / path).resolve()
    kind = _TYPES.get(target.suffix)
    if kind is None or not target.is_relative_to(PLAYER) or not target.is_file():
        raise ApiError(404, f"the player has no file {path}")
    return FileResponse(target, media_type=kind, headers=_HEADERS)
