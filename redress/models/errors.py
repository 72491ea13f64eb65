"""Errors the vault raises: each carries a one-line message that is safe to show and to log.

No message ever contains case content, a passphrase or key material: only what went wrong and,
where useful, which file or field (by path, never by value).
"""

from __future__ import annotations


class RedressError(Exception):
    """Base class: ``str(error)`` is a complete, user-facing, non-sensitive sentence."""


class VaultError(RedressError):
    """Something about the vault as a whole."""


class VaultNotFoundError(VaultError):
    """No vault at the given location (and none is created by an open)."""


class VaultExistsError(VaultError):
    """Refusing to create a vault over an existing one."""


class WrongCredentialError(VaultError):
    """The passphrase, recovery key or device key does not open this vault."""


class VaultDamagedError(VaultError):
    """The vault's files fail an integrity check (or a key is wrong in a way we can't tell)."""


class VaultInUseError(VaultError):
    """Another process (or window) has the vault open."""


class RollbackError(VaultError):
    """The database is older than the vault's rollback counter says it should be."""


class KdfParametersError(VaultError):
    """Key-derivation parameters in a key slot are outside the accepted bounds."""


class WeakPassphraseError(RedressError):
    """A new passphrase does not meet the policy (NIST SP 800-63B)."""


class KeychainUnavailableError(VaultError):
    """No secure operating-system keychain is available for a device slot."""


class NotFoundError(RedressError):
    """A case, attachment or other record does not exist."""


class AttachmentError(RedressError):
    """An attachment could not be stored or fails its integrity check."""


class SchemaVersionError(VaultError):
    """The vault was written by a newer Redress than this one."""


class FormatIssue:
    """One problem found while validating an interchange document.

    Attributes:
        path: where the problem is, as a JSON path (``cases[0].record_entries[2].arrest_date``).
        reason: what is wrong, without quoting the offending value.
    """

    __slots__ = ("path", "reason")

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def __repr__(self) -> str:
        return f"FormatIssue({self.path!r}, {self.reason!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FormatIssue) and (self.path, self.reason) == (
            other.path,
            other.reason,
        )

    def __hash__(self) -> int:
        return hash((self.path, self.reason))


class CaseFormatError(RedressError):
    """An interchange document is malformed; ``issues`` lists every problem found.

    Attributes:
        issues: the problems, each with a field path and a reason.
    """

    def __init__(self, issues: list[FormatIssue]) -> None:
        self.issues = issues
        first = str(issues[0]) if issues else "unknown problem"
        more = f" (and {len(issues) - 1} more)" if len(issues) > 1 else ""
        super().__init__(f"invalid case file: {first}{more}")
