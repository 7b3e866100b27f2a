"""Audio features computed from the decoded audio at ingest, for content similarity.

The source is decoded with ffmpeg to mono 32-bit float PCM at ``RATE`` (the first
``MAX_SECONDS`` only), then measured with numpy over 2048-sample frames (hop 512):

- ``loudness_db``: RMS level of the whole signal in dBFS;
- ``spectral_centroid_hz``: the magnitude-weighted mean frequency, averaged over frames
  that are not silent (how bright the sound is);
- ``zero_crossing_rate``: sign changes per sample (noisiness, high-frequency content);
- ``onset_rate``: peaks of the spectral flux per second (how busy the rhythm is);
- ``tempo_bpm``: the shortest strong period of the flux's autocorrelation between 60 and
  200 beats per minute (0 when no period stands out: a steady or noisy sound has no beat).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from backend_stub.media.ffmpeg import ffmpeg

RATE = 22_050
MAX_SECONDS = 120
FRAME = 2048
HOP = 512
_SILENT_DB = -60.0
_MIN_BPM, _MAX_BPM = 60.0, 200.0
_ONSET_SHARE = 0.2
_OCTAVE_SHARE = 0.8
_PERIODIC = 0.5  # the beat's autocorrelation against the zero lag's, at least

Signal = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class AudioFeatures:
    duration_ms: int  # of the audio analysed (at most MAX_SECONDS)
    loudness_db: float
    spectral_centroid_hz: float
    zero_crossing_rate: float
    onset_rate: float
    tempo_bpm: float

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)

    def vector(self) -> list[float]:
        """The features that describe the sound, for similarity (not the duration)."""
        return [
            self.loudness_db,
            float(np.log2(max(self.spectral_centroid_hz, 1.0))),
            self.zero_crossing_rate,
            self.onset_rate,
            self.tempo_bpm,
        ]


def decode(path: Path) -> Signal:
    """The first ``MAX_SECONDS`` of ``path`` as mono float samples at ``RATE``."""
    done = ffmpeg("-i", path, "-t", str(MAX_SECONDS), "-map", "0:a:0", "-ac", "1",
                  "-ar", str(RATE), "-f", "f32le", "pipe:1")  # fmt: skip
    return np.frombuffer(done.stdout, dtype="<f4").astype(np.float32)


def analyse(path: Path) -> AudioFeatures:
    """The features of the audio file at ``path``."""
    return measure(decode(path))


def measure(samples: Signal, rate: int = RATE) -> AudioFeatures:
    """The features of mono ``samples`` at ``rate``."""
    x = samples.astype(np.float64)
    duration_ms = round(len(x) * 1000 / rate)
    rms = float(np.sqrt(np.mean(x * x))) if len(x) else 0.0
    loudness = 20 * np.log10(rms) if rms > 0 else -120.0
    crossings = float(np.mean(np.signbit(x[1:]) != np.signbit(x[:-1]))) if len(x) > 1 else 0.0
    if len(x) < FRAME * 2:
        return AudioFeatures(duration_ms, loudness, 0.0, crossings, 0.0, 0.0)
    count = 1 + (len(x) - FRAME) // HOP
    frames = np.lib.stride_tricks.sliding_window_view(x, FRAME)[::HOP][:count]
    spectrum = np.abs(np.fft.rfft(frames * np.hanning(FRAME), axis=1))
    freqs = np.fft.rfftfreq(FRAME, 1 / rate)
    energy = spectrum.sum(axis=1)
    frame_db = 20 * np.log10(np.sqrt(np.mean(frames * frames, axis=1)) + 1e-12)
    sounding = (frame_db > _SILENT_DB) & (energy > 0)
    centroid = (
        float(np.mean((spectrum[sounding] @ freqs) / energy[sounding])) if sounding.any() else 0.0
    )
    flux = np.maximum(np.diff(spectrum, axis=0), 0).sum(axis=1)
    frame_rate = rate / HOP
    onsets = _onsets(flux, energy[1:])
    return AudioFeatures(
        duration_ms=duration_ms,
        loudness_db=round(float(loudness), 3),
        spectral_centroid_hz=round(centroid, 3),
        zero_crossing_rate=round(crossings, 6),
        onset_rate=round(onsets * frame_rate / len(flux), 4),
        tempo_bpm=round(_tempo(flux, frame_rate), 2),
    )


def _onsets(flux: npt.NDArray[np.float64], energy: npt.NDArray[np.float64]) -> int:
    """Local maxima of the flux above its mean plus one standard deviation that are also
    a real change: at least ``_ONSET_SHARE`` of their frame's spectrum is new."""
    if len(flux) < 3 or not flux.any():
        return 0
    threshold = flux.mean() + flux.std()
    middle = flux[1:-1]
    new = middle > _ONSET_SHARE * energy[1:-1]
    peaks = (middle > threshold) & (middle >= flux[:-2]) & (middle > flux[2:])
    return int(np.sum(peaks & new))


def _tempo(flux: npt.NDArray[np.float64], frame_rate: float) -> float:
    """The beats per minute whose period best matches the flux's autocorrelation."""
    envelope = flux - flux.mean()
    shortest = int(frame_rate * 60 / _MAX_BPM)
    longest = int(frame_rate * 60 / _MIN_BPM)
    if len(envelope) <= longest or not envelope.any():
        return 0.0
    spectrum = np.fft.rfft(envelope, n=2 * len(envelope))
    correlation = np.fft.irfft(spectrum * np.conj(spectrum))[: len(envelope)]
    window = correlation[shortest : longest + 1]
    if window.max() < _PERIODIC * correlation[0]:
        return 0.0  # no period stands out: no beat
    # A beat's multiples correlate as well as the beat: take the shortest strong period.
    lag = shortest + int(np.flatnonzero(window >= _OCTAVE_SHARE * window.max())[0])
    while lag < longest and correlation[lag + 1] > correlation[lag]:
        lag += 1  # up to the top of that peak
    before, at, after = correlation[lag - 1], correlation[lag], correlation[lag + 1]
    curve = before - 2 * at + after
    exact = lag + (0.5 * (before - after) / curve if curve < 0 else 0.0)
    return float(np.clip(60 * frame_rate / exact, _MIN_BPM, _MAX_BPM))
