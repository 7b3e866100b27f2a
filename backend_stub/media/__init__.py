"""Media: synthetic audio, ingest QA, the AAC ladder and HLS packaging (all with ffmpeg)."""
