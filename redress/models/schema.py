"""The case model (DESIGN.md "Cases") as typed SQLAlchemy 2 declarative classes.

Every table is created by the Alembic baseline (``migrations/versions``), never by
``create_all`` on a real vault. Facts carry ``source`` (where the fact came from: "client
interview", "court record", "import") and ``recorded_at`` so that every document and screening
can show its basis.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from decimal import Decimal
from typing import Annotated, Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Enum,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# --- column types -----------------------------------------------------------------------------


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC datetime stored as ISO 8601 text (SQLite has no time-zone type)."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> str | None:
        """Store as UTC ISO text."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use UTC")
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> dt.datetime | None:
        """Read back as an aware UTC datetime."""
        return None if value is None else dt.datetime.fromisoformat(value)


class DecimalText(TypeDecorator[Decimal]):
    """Exact money as text: ``Decimal`` in, ``Decimal`` out, never a float."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        """Store the exact decimal string."""
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError("money must be a Decimal")
        return str(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        """Read back the exact decimal."""
        return None if value is None else Decimal(value)


def new_id() -> str:
    """A random UUID4 as text, used as every entity's id."""
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    """Now, in UTC."""
    return dt.datetime.now(dt.UTC)


# --- enumerations (values are the stored and interchange spellings) ---------------------------


class Stage(enum.StrEnum):
    """Where a case stands."""

    INTAKE = "intake"
    SCREENING = "screening"
    DRAFTING = "drafting"
    FILED = "filed"
    DECIDED = "decided"
    CLOSED = "closed"


class ExploitationForm(enum.StrEnum):
    """Forms of exploitation (Palermo Protocol art. 3 and its national versions)."""

    SEXUAL = "sexual"
    LABOUR = "labour"
    DOMESTIC_SERVITUDE = "domestic_servitude"
    FORCED_CRIMINALITY = "forced_criminality"
    FORCED_BEGGING = "forced_begging"
    FORCED_MARRIAGE = "forced_marriage"
    OTHER = "other"


class Relationship(enum.StrEnum):
    """The client's relationship to the trafficker."""

    INTIMATE_PARTNER = "intimate_partner"
    FAMILY_MEMBER = "family_member"
    EMPLOYER = "employer"
    RECRUITER = "recruiter"
    STRANGER = "stranger"
    OTHER = "other"
    UNKNOWN = "unknown"


class EntryKind(enum.StrEnum):
    """What kind of record a record entry is."""

    CRIMINAL = "criminal"
    IMMIGRATION = "immigration"
    ADMINISTRATIVE = "administrative"
    CIVIL = "civil"


class OffenceLevel(enum.StrEnum):
    """Seriousness of the offence as the jurisdiction classes it."""

    FELONY = "felony"
    MISDEMEANOR = "misdemeanor"
    VIOLATION = "violation"
    INFRACTION = "infraction"
    INDICTABLE = "indictable"
    EITHER_WAY = "either_way"
    SUMMARY = "summary"
    ADMINISTRATIVE = "administrative"
    IMMIGRATION = "immigration"
    CIVIL = "civil"
    UNKNOWN = "unknown"


class OffenceCategory(enum.StrEnum):
    """Broad offence categories that rule packs refer to."""

    PROSTITUTION = "prostitution"
    LOITERING = "loitering"
    DRUGS = "drugs"
    CANNABIS_CULTIVATION = "cannabis_cultivation"
    THEFT = "theft"
    FRAUD = "fraud"
    FALSE_DOCUMENTS = "false_documents"
    IMMIGRATION = "immigration"
    BEGGING = "begging"
    TRESPASS = "trespass"
    PUBLIC_ORDER = "public_order"
    WEAPONS = "weapons"
    VIOLENCE = "violence"
    MONEY_LAUNDERING = "money_laundering"
    TRAFFIC = "traffic"
    LICENSING = "licensing"
    DEBT = "debt"
    OTHER = "other"


class Disposition(enum.StrEnum):
    """How a record entry ended (or that it has not)."""

    PENDING = "pending"
    CONVICTED_PLEA = "convicted_plea"
    CONVICTED_TRIAL = "convicted_trial"
    ADJOURNED = "adjourned_in_contemplation_of_dismissal"
    DIVERTED = "diverted"
    DISMISSED = "dismissed"
    ACQUITTED = "acquitted"
    CAUTION = "caution"
    PENALTY_IMPOSED = "penalty_imposed"
    REMOVAL_ORDER = "removal_order"
    VOLUNTARY_DEPARTURE = "voluntary_departure"
    CIVIL_JUDGMENT = "civil_judgment"
    NO_ACTION = "no_action"
    OTHER = "other"


class Cooperation(enum.StrEnum):
    """Whether the client co-operated with police or a prosecution.

    Recorded because some laws mention it; never a condition of relief (DESIGN.md).
    """

    YES = "yes"
    NO = "no"
    DECLINED = "declined"
    UNKNOWN = "unknown"
    NOT_ASKED = "not_asked"


class DocumentationKind(enum.StrEnum):
    """Official documentation of trafficking status."""

    T_VISA = "t_visa"
    T_VISA_BONA_FIDE = "t_visa_bona_fide_determination"
    CONTINUED_PRESENCE = "continued_presence"
    HHS_CERTIFICATION = "hhs_certification_letter"
    HHS_ELIGIBILITY = "hhs_eligibility_letter"
    LAW_ENFORCEMENT_DECLARATION = "law_enforcement_declaration"
    U_VISA = "u_visa"
    NRM_REASONABLE_GROUNDS = "nrm_reasonable_grounds"
    NRM_CONCLUSIVE_GROUNDS = "nrm_conclusive_grounds"
    COURT_FINDING = "court_finding"
    SERVICE_PROVIDER_LETTER = "service_provider_letter"
    NATIONAL_IDENTIFICATION = "national_identification"
    OTHER = "other"


class EvidenceKind(enum.StrEnum):
    """Kinds of evidence."""

    COURT_RECORD = "court_record"
    POLICE_REPORT = "police_report"
    DECLARATION = "declaration"
    EXPERT_REPORT = "expert_report"
    MEDICAL_RECORD = "medical_record"
    PAY_RECORD = "pay_record"
    MESSAGES = "messages"
    PHOTO = "photo"
    WITNESS = "witness"
    IMMIGRATION_RECORD = "immigration_record"
    OFFICIAL_LETTER = "official_letter"
    OTHER = "other"


class PartyRole(enum.StrEnum):
    """An adverse party's role."""

    TRAFFICKER = "trafficker"
    ASSOCIATE = "associate"
    RECRUITER = "recruiter"
    EMPLOYER = "employer"
    CONTROLLER = "controller"
    OTHER = "other"


class IndicatorAnswer(enum.StrEnum):
    """An indicator checklist answer; ``not_asked`` is the default, nothing is ever forced."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"
    NOT_ASKED = "not_asked"


class DeadlineKind(enum.StrEnum):
    """What a deadline is for."""

    FILING = "filing"
    HEARING = "hearing"
    RESPONSE = "response"
    LIMITATION = "limitation"
    INTERNAL = "internal"
    OTHER = "other"


def _enum(cls: type[enum.StrEnum]) -> Enum:
    return Enum(
        cls,
        native_enum=False,
        validate_strings=True,
        length=48,
        values_callable=lambda members: [m.value for m in members],
        name=cls.__name__.lower(),
    )


# --- base -------------------------------------------------------------------------------------

pk_id = Annotated[str, mapped_column(String(36), primary_key=True, default=new_id)]
case_fk = Annotated[
    str, mapped_column(String(36), ForeignKey("cases.id", ondelete="CASCADE"), index=True)
]
created_ts = Annotated[dt.datetime, mapped_column(UTCDateTime, default=utcnow)]

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with one type map and a naming convention (STYLE.md practice 8)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy's documented class attribute
        str: Text,
        dt.date: Date,
        dt.datetime: UTCDateTime,
        Decimal: DecimalText,
        bool: Boolean,
        int: Integer,
        bytes: LargeBinary,
        list[str]: JSON,
        dict[str, Any]: JSON,
    }


class Provenance:
    """Where a fact came from and when it was recorded ("tell once", DESIGN.md)."""

    source: Mapped[str | None]
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


# --- the case ---------------------------------------------------------------------------------


class Case(Base):
    """One client's matter: everything else hangs off it."""

    __tablename__ = "cases"

    id: Mapped[pk_id]
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    stage: Mapped[Stage] = mapped_column(_enum(Stage), default=Stage.INTAKE)
    jurisdiction: Mapped[str] = mapped_column(String(16))
    assigned_to: Mapped[str | None]
    team: Mapped[list[str]] = mapped_column(JSON, default=list)
    fictional: Mapped[bool] = mapped_column(default=False)
    cooperation: Mapped[Cooperation] = mapped_column(
        _enum(Cooperation), default=Cooperation.NOT_ASKED
    )
    cooperation_notes: Mapped[str | None]
    created_at: Mapped[created_ts]
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    client: Mapped[Client] = relationship(
        back_populates="case", cascade="all, delete-orphan", uselist=False
    )
    periods: Mapped[list[ExploitationPeriod]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="ExploitationPeriod.position"
    )
    record_entries: Mapped[list[RecordEntry]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="RecordEntry.position"
    )
    evidence: Mapped[list[EvidenceItem]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="EvidenceItem.position"
    )
    adverse_parties: Mapped[list[AdverseParty]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="AdverseParty.position"
    )
    documentation: Mapped[list[OfficialDocument]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="OfficialDocument.position"
    )
    deadlines: Mapped[list[Deadline]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        order_by=lambda: [Deadline.due_date, Deadline.id],
    )
    notes: Mapped[list[Note]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        order_by=lambda: [Note.created_at, Note.id],
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Attachment.created_at"
    )
    documents: Mapped[list[GeneratedDocument]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="GeneratedDocument.created_at"
    )
    checklist_answers: Mapped[list[ChecklistAnswer]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        order_by=lambda: [ChecklistAnswer.indicator_id],
    )


class Client(Provenance, Base):
    """The person the case is for. The pseudonym is what screens show by default."""

    __tablename__ = "clients"

    id: Mapped[pk_id]
    case_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cases.id", ondelete="CASCADE"), unique=True
    )
    legal_name: Mapped[str]
    pseudonym: Mapped[str]
    other_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    preferred_language: Mapped[str | None]
    date_of_birth: Mapped[dt.date | None]
    minor_at_offences: Mapped[bool | None]
    interpreter_needed: Mapped[bool] = mapped_column(default=False)
    interpreter_language: Mapped[str | None]
    gender_preference: Mapped[str | None]
    pronouns: Mapped[str | None]
    nationality: Mapped[str | None]
    safe_contact: Mapped[str | None]

    case: Mapped[Case] = relationship(back_populates="client")


class ExploitationPeriod(Provenance, Base):
    """One period of exploitation; a client may have several."""

    __tablename__ = "exploitation_periods"

    id: Mapped[pk_id]
    case_id: Mapped[case_fk]
    position: Mapped[int] = mapped_column(default=0)
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    forms: Mapped[list[str]] = mapped_column(JSON, default=list)
    relationship_to_trafficker: Mapped[Relationship] = mapped_column(
        _enum(Relationship), default=Relationship.UNKNOWN
    )
    means: Mapped[list[str]] = mapped_column(JSON, default=list)
    location: Mapped[str | None]
    description: Mapped[str | None]

    case: Mapped[Case] = relationship(back_populates="periods")


evidence_entry_links = Table(
    "evidence_entry_links",
    Base.metadata,
    Column("evidence_id", ForeignKey("evidence_items.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "record_entry_id", ForeignKey("record_entries.id", ondelete="CASCADE"), primary_key=True
    ),
)


class RecordEntry(Provenance, Base):
    """An arrest, charge, conviction, immigration or administrative matter on the record."""

    __tablename__ = "record_entries"

    id: Mapped[pk_id]
    case_id: Mapped[case_fk]
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[EntryKind] = mapped_column(_enum(EntryKind))
    jurisdiction: Mapped[str] = mapped_column(String(16))
    court: Mapped[str | None]
    docket: Mapped[str | None]
    statute: Mapped[str | None]
    offence_text: Mapped[str]
    offence_category: Mapped[OffenceCategory] = mapped_column(
        _enum(OffenceCategory), default=OffenceCategory.OTHER
    )
    offence_level: Mapped[OffenceLevel] = mapped_column(
        _enum(OffenceLevel), default=OffenceLevel.UNKNOWN
    )
    arrest_date: Mapped[dt.date | None]
    charge_date: Mapped[dt.date | None]
    disposition_date: Mapped[dt.date | None]
    disposition: Mapped[Disposition] = mapped_column(
        _enum(Disposition), default=Disposition.PENDING
    )
    sentence: Mapped[str | None]
    fines_owed: Mapped[Decimal | None]
    fines_currency: Mapped[str | None] = mapped_column(String(3))
    nexus_client: Mapped[str | None]
    nexus_lawyer: Mapped[str | None]

    case: Mapped[Case] = relationship(back_populates="record_entries")
    evidence: Mapped[list[EvidenceItem]] = relationship(
        secondary=evidence_entry_links, back_populates="record_entries"
    )


class EvidenceItem(Provenance, Base):
    """A piece of evidence and the facts it supports."""

    __tablename__ = "evidence_items"

    id: Mapped[pk_id]
    case_id: Mapped[case_fk]
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str]
    kind: Mapped[EvidenceKind] = mapped_column(_enum(EvidenceKind), default=EvidenceKind.OTHER)
    description: Mapped[str | None]
    date: Mapped[dt.date | None]
    held_by: Mapped[str | None]
    supports: Mapped[list[str]] = mapped_column(JSON, default=list)
    attachment_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("attachments.id", ondelete="SET NULL")
    )

    case: Mapped[Case] = relationship(back_populates="evidence")
    attachment: Mapped[Attachment | None] = relationship()
    record_entries: Mapped[list[RecordEntry]] = relationship(
        secondary=evidence_entry_links, back_populates="evidence"
    )


class AdverseParty(Provenance, Base):
    """A trafficker or associate, with name variants for conflict checks."""

    __tablename__ = "adverse_parties"

    id: Mapped[pk_id]
    case_id: Mapped[case_fk]
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str]
    name_variants: Mapped[list[str]] = mapped_column(JSON, default=list)
    role: Mapped[PartyRole] = mapped_column(_enum(PartyRole), default=PartyRole.TRAFFICKER)
    relationship_to_client: Mapped[Relationship] = mapped_column(
        _enum(Relationship), default=Relationship.UNKNOWN
    )
    notes: Mapped[str | None]

    case: Mapped[Case] = relationship(back_populates="adverse_parties")


class OfficialDocument(Provenance, Base):
    """Official documentation of trafficking status (a T visa, an NRM decision, a letter)."""

    __tablename__ = "official_documents"

    id: Mapped[pk_id]
    case_id: Mapped[case_fk]
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[DocumentationKind] = mapped_column(_enum(DocumentationKind))
    issuer: Mapped[str | None]
    reference: Mapped[str | None]
    issued_date: Mapped[dt.date | None]
    notes: Mapped[str | None]

    case: Mapped[Case] = relationship(back_populates="documentation")


class Deadline(Base):
    """A date that matters, with its basis and citation."""

    __tablename__ = "deadlines"

    id: Mapped[pk_id]
    case_id: Mapped[case_fk]
    title: Mapped[str]
    due_date: Mapped[dt.date] = mapped_column(index=True)
    kind: Mapped[DeadlineKind] = mapped_column(_enum(DeadlineKind), default=DeadlineKind.OTHER)
    basis: Mapped[str | None]
    citation: Mapped[str | None]
    done: Mapped[bool] = mapped_column(default=False)
    record_entry_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("record_entries.id", ondelete="SET NULL")
    )
    origin: Mapped[str] = mapped_column(String(16), default="user")

    case: Mapped[Case] = relationship(back_populates="deadlines")
    record_entry: Mapped[RecordEntry | None] = relationship()


class ChecklistAnswer(Provenance, Base):
    """The answer to one indicator of a checklist (coercive control, forced labour) for a case."""

    __tablename__ = "checklist_answers"
    __table_args__ = (UniqueConstraint("case_id", "indicator_id"),)

    id: Mapped[pk_id]
    case_id: Mapped[case_fk]
    checklist_id: Mapped[str] = mapped_column(String(64))
    indicator_id: Mapped[str] = mapped_column(String(96))
    answer: Mapped[IndicatorAnswer] = mapped_column(
        _enum(IndicatorAnswer), default=IndicatorAnswer.NOT_ASKED
    )
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    notes: Mapped[str | None]
    evidence_ids: Mapped[list[str]] = mapped_column(JSON, default=list)

    case: Mapped[Case] = relationship(back_populates="checklist_answers")


class Note(Base):
    """A free-text case note."""

    __tablename__ = "notes"

    id: Mapped[pk_id]
    case_id: Mapped[case_fk]
    body: Mapped[str]
    author: Mapped[str | None]
    created_at: Mapped[created_ts]

    case: Mapped[Case] = relationship(back_populates="notes")


class Attachment(Base):
    """A file kept encrypted in the vault's ``attachments/`` folder.

    The per-file key lives here, inside the encrypted database; the blob is AES-256-GCM in chunks
    (see :mod:`redress.models.attachments`). Deleting the row destroys the key (crypto-erase).
    """

    __tablename__ = "attachments"

    id: Mapped[pk_id]
    case_id: Mapped[case_fk]
    name: Mapped[str]
    media_type: Mapped[str] = mapped_column(String(128))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    blob: Mapped[str] = mapped_column(String(64), unique=True)
    file_key: Mapped[bytes]
    chunk_size: Mapped[int]
    chunks: Mapped[int]
    created_at: Mapped[created_ts]

    case: Mapped[Case] = relationship(back_populates="attachments")


class GeneratedDocument(Base):
    """A document Redress drafted, kept as an attachment with what it was made from."""

    __tablename__ = "generated_documents"

    id: Mapped[pk_id]
    case_id: Mapped[case_fk]
    template_id: Mapped[str] = mapped_column(String(128))
    template_version: Mapped[str] = mapped_column(String(32))
    title: Mapped[str]
    facts_used: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    attachment_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("attachments.id", ondelete="SET NULL")
    )
    created_at: Mapped[created_ts]

    case: Mapped[Case] = relationship(back_populates="documents")
    attachment: Mapped[Attachment | None] = relationship()


class AuditEntry(Base):
    """One link of the hash-chained audit log: who did what and when, never the content."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    detail: Mapped[str]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class VaultMeta(Base):
    """Key-value facts about the vault itself (id, rollback counter, creation time)."""

    __tablename__ = "vault_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str]
