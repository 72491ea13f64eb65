"""The operating-system keychain behind one small interface (STYLE.md practice 12, after Vorta).

A device slot's secret may live in the keychain so that a lawyer can unlock without typing the
passphrase on their own machine. It is offered only where the backend really is a keychain
(Secret Service, macOS Keychain, Windows Credential Locker, KWallet). Plaintext or "fail"
backends, common on air-gapped Linux, are refused with a one-line reason, and the passphrase
always works. A keychain that changes or disappears (Signal's backend drift) never locks anyone
out and never causes anything to be deleted.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any, Protocol

SERVICE = "Redress vault"

# Module prefixes of backends that keep secrets in an OS-protected store.
SECURE_BACKEND_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
    "keyring.backends.kwallet",
)


@dataclass(frozen=True)
class KeychainStatus:
    """Whether a secure keychain is usable, and if not, why (one line, for the user).

    Attributes:
        available: a device slot can be offered.
        reason: the backend's name, or why none is usable.
    """

    available: bool
    reason: str


class Keychain(Protocol):
    """What the vault needs from a keychain."""

    def status(self) -> KeychainStatus:
        """Whether a secure backend is available."""

    def store(self, account: str, secret: bytes) -> None:
        """Save a secret (raises on failure)."""

    def load(self, account: str) -> bytes | None:
        """Read a secret, or ``None`` if absent or unreadable."""

    def delete(self, account: str) -> None:
        """Remove a secret if present."""


def _backend_is_secure(backend: Any) -> bool:
    module = type(backend).__module__
    if module.startswith("keyring.backends.chainer"):
        children = list(getattr(backend, "backends", []))
        return bool(children) and all(_backend_is_secure(child) for child in children)
    return module.startswith(SECURE_BACKEND_MODULES)


class SystemKeychain:
    """The ``keyring`` library's active backend, used only when it is a secure one."""

    def _backend(self) -> Any:
        import keyring  # imported lazily: probing D-Bus is slow and not needed to unlock

        return keyring.get_keyring()

    def status(self) -> KeychainStatus:
        """Inspect the active backend without storing anything."""
        try:
            backend = self._backend()
        except Exception as exc:  # keyring raises many kinds when no backend loads
            return KeychainStatus(False, f"no keychain could be loaded ({type(exc).__name__})")
        name = f"{type(backend).__module__}.{type(backend).__name__}"
        if not _backend_is_secure(backend):
            return KeychainStatus(
                False,
                f"no secure keychain on this machine (backend {name} is not one); "
                "use the passphrase",
            )
        return KeychainStatus(True, name)

    def store(self, account: str, secret: bytes) -> None:
        """Store ``secret`` (base64) under the Redress service name."""
        from redress.models.errors import KeychainUnavailableError

        status = self.status()
        if not status.available:
            raise KeychainUnavailableError(status.reason)
        try:
            self._backend().set_password(SERVICE, account, base64.b64encode(secret).decode("ascii"))
        except Exception as exc:  # a locked keychain, a dismissed prompt, a vanished D-Bus
            raise KeychainUnavailableError(
                f"the keychain refused to store the key ({type(exc).__name__}); "
                "the passphrase still works"
            ) from None

    def load(self, account: str) -> bytes | None:
        """Read a secret; any keychain failure reads as absent (the passphrase still works)."""
        try:
            if not self.status().available:
                return None
            value = self._backend().get_password(SERVICE, account)
        except Exception:
            return None
        if value is None:
            return None
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return None

    def delete(self, account: str) -> None:
        """Remove a secret; a missing one is not an error."""
        try:
            self._backend().delete_password(SERVICE, account)
        except Exception:
            return
