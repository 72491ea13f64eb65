"""Process hardening applied at start-up: no core dumps, not attachable (SECURITY.md test 17)."""

from __future__ import annotations

import contextlib
import sys


def harden_process() -> None:
    """Disable core dumps and, on Linux, mark the process non-dumpable (no ptrace by peers).

    Best effort: Python and Qt cannot guarantee memory is wiped, so keeping key material out of
    crash dumps is the part that can be guaranteed.
    """
    if sys.platform == "win32":  # pragma: no cover
        return
    import resource

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_dumpable = 4
            libc.prctl(pr_set_dumpable, 0, 0, 0, 0)
