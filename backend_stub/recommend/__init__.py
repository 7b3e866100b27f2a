"""Recommendations: item-item similarity over listening events blended with content
similarity from audio features (``model``), rebuilt when stale (``engine``), with a
popularity fallback and "because you played X" reasons (``rank``)."""
