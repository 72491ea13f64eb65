"""Attachments: encrypted at rest in chunks, integrity-checked, never written out in plaintext."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from redress.models import attachments, cases
from redress.models.errors import AttachmentError, NotFoundError
from redress.models.schema import Case, Client
from redress.models.vault import Vault


def _case(vault: Vault) -> str:
    with vault.transaction() as session:
        return cases.add_case(
            session,
            Case(jurisdiction="US-CA", client=Client(legal_name="N", pseudonym="Client Ivy")),
        ).id


@pytest.mark.parametrize("size", [0, 1, 1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1, 3_500_000])
def test_round_trip_sizes(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    sealed = attachments.seal(tmp_path, io.BytesIO(data))
    assert sealed.size == size
    assert sealed.chunks == max(1, -(-size // attachments.CHUNK_SIZE))
    blob = (tmp_path / sealed.blob).read_bytes()
    assert len(blob) == len(attachments.MAGIC) + size + sealed.chunks * attachments.TAG_BYTES
    assert attachments.read_all(tmp_path, sealed) == data


def test_blob_holds_no_plaintext(tmp_path: Path) -> None:
    data = b"PAYSLIP canary-7f3a " * 1000
    sealed = attachments.seal(tmp_path, io.BytesIO(data))
    assert b"canary-7f3a" not in (tmp_path / sealed.blob).read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == [sealed.blob]


def _tamper_cases(tmp_path: Path) -> tuple[attachments.SealedBlob, bytes]:
    data = os.urandom(3 * 1024 + 10)
    sealed = attachments.seal(tmp_path, io.BytesIO(data), chunk_size=1024)
    return sealed, (tmp_path / sealed.blob).read_bytes()


def test_every_single_bit_flip_region_is_detected(tmp_path: Path) -> None:
    sealed, original = _tamper_cases(tmp_path)
    path = tmp_path / sealed.blob
    for position in range(0, len(original), 97):
        damaged = bytearray(original)
        damaged[position] ^= 0x01
        path.write_bytes(bytes(damaged))
        with pytest.raises(AttachmentError):
            attachments.verify(tmp_path, sealed)
    path.write_bytes(original)
    attachments.verify(tmp_path, sealed)


def test_truncated_reordered_dropped_and_extended_chunks_detected(tmp_path: Path) -> None:
    sealed, original = _tamper_cases(tmp_path)
    path = tmp_path / sealed.blob
    head = len(attachments.MAGIC)
    step = 1024 + attachments.TAG_BYTES
    chunks = [original[head + i * step : head + (i + 1) * step] for i in range(sealed.chunks)]
    variants = {
        "truncated": original[:-5],
        "last chunk dropped": original[: head + 3 * step],
        "swapped": original[:head] + chunks[1] + chunks[0] + b"".join(chunks[2:]),
        "appended": original + b"\x00" * 10,
        "duplicated": original[:head] + chunks[0] + chunks[0] + b"".join(chunks[2:]),
    }
    for name, content in variants.items():
        path.write_bytes(content)
        with pytest.raises(AttachmentError):
            attachments.verify(tmp_path, sealed)
        assert name


def test_blob_bound_to_its_own_record(tmp_path: Path) -> None:
    first = attachments.seal(tmp_path, io.BytesIO(b"first file"))
    second = attachments.seal(tmp_path, io.BytesIO(b"second file"))
    (tmp_path / second.blob).write_bytes((tmp_path / first.blob).read_bytes())
    with pytest.raises(AttachmentError):
        attachments.verify(tmp_path, second)


def test_missing_blob_reported(tmp_path: Path) -> None:
    sealed = attachments.seal(tmp_path, io.BytesIO(b"x"))
    (tmp_path / sealed.blob).unlink()
    with pytest.raises(AttachmentError, match="missing"):
        attachments.verify(tmp_path, sealed)


def test_vault_attachment_flow_and_export(vault: Vault, tmp_path: Path) -> None:
    case_id = _case(vault)
    content = b"%PDF-1.4 police report " + os.urandom(5000)
    with vault.transaction() as session:
        case = session.get(Case, case_id)
        assert case is not None
        row = cases.add_attachment(
            session, vault.attachments_dir, case, io.BytesIO(content), "../../etc/report.pdf"
        )
        assert row.name == "report.pdf"
        assert row.media_type == "application/pdf"
    with vault.sessions() as session:
        case = session.get(Case, case_id)
        assert case is not None
        found = cases.find_attachment(session, case, "REPORT.PDF")
        assert attachments.read_all(vault.attachments_dir, cases.sealed(found)) == content
        with pytest.raises(NotFoundError):
            cases.find_attachment(session, case, "other.pdf")
        out = tmp_path / "copy.pdf"
        attachments.export_to(
            out, attachments.open_chunks(vault.attachments_dir, cases.sealed(found))
        )
    assert out.read_bytes() == content
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert vault.check().ok


def test_export_never_leaves_partial_file_on_damage(vault: Vault, tmp_path: Path) -> None:
    case_id = _case(vault)
    with vault.transaction() as session:
        case = session.get(Case, case_id)
        assert case is not None
        row = cases.add_attachment(
            session, vault.attachments_dir, case, io.BytesIO(os.urandom(3 * 1024 * 1024)), "a.bin"
        )
        sealed = cases.sealed(row)
    blob = vault.attachments_dir / sealed.blob
    data = bytearray(blob.read_bytes())
    data[-3] ^= 0xFF  # last chunk: the first two have already been written when this fails
    blob.write_bytes(bytes(data))
    out = tmp_path / "out.bin"
    with pytest.raises(AttachmentError):
        attachments.export_to(out, attachments.open_chunks(vault.attachments_dir, sealed))
    assert not out.exists()
    assert list(tmp_path.glob(".out.bin.*")) == []
    report = vault.check()
    assert not next(i for i in report.items if i.name == "attachments").ok


def test_clean_name_rejects_empty() -> None:
    with pytest.raises(AttachmentError):
        attachments.clean_name("../")
