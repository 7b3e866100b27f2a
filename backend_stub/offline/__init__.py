"""Offline downloads: devices register an RSA public key (``jwk``); a download is a
track's progressive rendition encrypted with a fresh AES-256-GCM key in chunks, the key
kept only wrapped for the device (``crypto``), stored beside the media until it expires
(``files``); rows in ``store``."""
