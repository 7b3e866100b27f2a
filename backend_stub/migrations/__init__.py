"""Numbered SQL migrations, one folder per dialect (package data)."""
