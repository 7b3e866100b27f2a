"""The demo catalogue: invented artists with real-looking names (diacritics, ligatures,
letters without decompositions such as Þ and ð), albums, singles and an EP, and tracks
licensed in different markets. The audio is synthetic (``media.synth``)."""

from __future__ import annotations

from dataclasses import dataclass

NORDIC = ("DK", "FI", "IS", "NO", "SE")
AMERICAS = ("AR", "BR", "CA", "MX", "US")
EUROPE = ("DE", "ES", "FR", "GB", *NORDIC)
WORLD = tuple(sorted({*EUROPE, *AMERICAS, "AU", "JP", "VN"}))
WORLD_BUT_DE = tuple(m for m in WORLD if m != "DE")


@dataclass(frozen=True, slots=True)
class DemoTrack:
    name: str
    markets: tuple[str, ...] = WORLD
    featuring: tuple[str, ...] = ()
    explicit: bool = False
    popularity: int = 50


@dataclass(frozen=True, slots=True)
class DemoAlbum:
    name: str
    artist: str
    album_type: str
    release_date: str
    label: str
    tracks: tuple[DemoTrack, ...]


ARTISTS: dict[str, tuple[tuple[str, ...], int]] = {
    "Zoë Ångström": (("synth-pop", "swedish pop"), 71),
    "Dröhnhammer": (("heavy metal",), 64),
    "Sigrún Þórsdóttir": (("ambient", "icelandic"), 58),
    "Renée Beaumont": (("chanson", "neo-soul"), 67),
    "Los Hermanos Muñoz": (("cumbia", "latin"), 62),
    "Nguyễn Thảo": (("v-pop",), 55),
}

ALBUMS: tuple[DemoAlbum, ...] = (
    DemoAlbum(
        "Nattljus",
        "Zoë Ångström",
        "album",
        "2021-03-12",
        "Polarljud",
        (
            DemoTrack("Nattljus", popularity=74),
            DemoTrack("Fjärran stad", popularity=61),
            DemoTrack("Kärlek på distans", markets=NORDIC, popularity=48),
        ),
    ),
    DemoAlbum(
        "Über den Gipfeln",
        "Dröhnhammer",
        "album",
        "1986",
        "Eisenwerk",
        (
            DemoTrack("Eisenfaust", markets=WORLD_BUT_DE, explicit=True, popularity=69),
            DemoTrack("Donnerschlag", popularity=57),
        ),
    ),
    DemoAlbum(
        "Hljóð í myrkri",
        "Sigrún Þórsdóttir",
        "ep",
        "2019-11",
        "Norðurhljóð",
        (DemoTrack("Jökulsá", popularity=52), DemoTrack("Norðurljós", markets=EUROPE)),
    ),
    DemoAlbum(
        "Ça plane pour nous",
        "Renée Beaumont",
        "single",
        "2023-06-02",
        "Maison Lumière",
        (DemoTrack("Ça plane pour nous", popularity=70),),
    ),
    DemoAlbum(
        "Señales del sur",
        "Los Hermanos Muñoz",
        "album",
        "2018-09-21",
        "Discos Colibrí",
        (
            DemoTrack("Corazón de neón", markets=AMERICAS, popularity=66),
            DemoTrack("Café noir", featuring=("Renée Beaumont",), popularity=63),
            DemoTrack("Mañana será", popularity=49),
        ),
    ),
    DemoAlbum(
        "Mưa đêm",
        "Nguyễn Thảo",
        "single",
        "2022-08-19",
        "Sóng Records",
        (DemoTrack("Mưa đêm", markets=("JP", "US", "VN"), popularity=54),),
    ),
)


def duration_for(index: int) -> float:
    """The demo's track lengths: 8 to 20 seconds, varied but fixed."""
    return 8.0 + (index * 5) % 13
