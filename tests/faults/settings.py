"""The portal's settings for the fault suite's server process: the real ones, with the
tests' fast password hasher, so a response's time is the fault's cost, not PBKDF2's (the
enumeration tests time the real hasher)."""

from coe.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
