"""The portal's settings, read from the environment as usual, plus the benchmark's ceiling URL.

Only two things differ from coe.settings: the URLconf adds /bench/ceiling, and static files
are collected into bench-results/ so the benchmark never rewrites the project's staticfiles/.
"""

from coe.settings import *  # noqa: F403
from coe.settings import BASE_DIR

ROOT_URLCONF = "bench.urls"
STATIC_ROOT = BASE_DIR / "bench-results" / "staticfiles"
