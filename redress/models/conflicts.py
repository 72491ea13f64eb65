"""Conflict checks: does a name in this case match a client or adverse party of another case?

A lawyer must not act for a client against a former client, nor for two clients whose interests
collide; in trafficking work the same recruiter, employer or family member turns up in several
cases under different spellings. :func:`check_conflicts` compares names against every client
(legal name, pseudonym, other names) and every adverse party (name and variants) of the *other*
cases in the vault, and says how they match, never with what: a hit names the other case by
reference and pseudonym only, and :func:`reveal_match` returns the matched name when the user
asks for it.

How names are compared
----------------------
Every name is first *normalized* (:func:`normalize_name`): Unicode compatibility decomposition
(NFKD), combining marks removed (so "José" is "jose", Vietnamese "Nguyễn" is "nguyen" and Arabic
short vowels are dropped), case folded ("ß" becomes "ss"), letters that do not decompose
transliterated ("ø" → "o", "ł" → "l", "đ" → "d", "æ" → "ae"...), punctuation, hyphens and
apostrophes turned into spaces, and runs of spaces collapsed. Two names then match as:

``EXACT``
    The normalized strings are equal: "JOSÉ GARCÍA" and "Jose Garcia".
``NAME_ORDER``
    The same words in another order: "Nguyen Van An" and "An Nguyen Van"; "Garcia, Maria"
    and "Maria Garcia".
``SIMILAR``
    A similar spelling, when any of these holds:

    1. ``difflib.SequenceMatcher`` ratio ≥ 0.85 (:data:`SIMILARITY`) on the normalized strings,
       on the strings with their words sorted, or on the strings with the spaces removed (so
       "Al-Rashid" meets "Alrashid"). The ratio is 2·M / T (M matching characters, T the two
       lengths added), so 0.85 allows about one differing letter in seven: "Katarzyna" and
       "Katarzina" (0.89), "Dwayne Merriweather" and "Dwayne Meriwether" (0.94), "Mohammed
       Al-Rashid" and "Muhammad Alrashid" (0.86), but not "Ana Lopez" and "Ana Perez" (0.78)
       nor "John Smith" and "Jane Smith" (0.80). 0.85 is the lowest value at which no pair in
       the negative examples of the unit tests is flagged; below 0.8, first names alone start to
       decide ("Chen Wei" / "Chen Li").
    2. Every word of the name with fewer words matches a different word of the other name, and
       the shorter name has at least two words (or both have one). Words match when their ratio
       is ≥ 0.85, when one is an initial of the other ("R. Solis" and "Rigoberto Solis"; at
       least one word must be more than an initial), or when both have the same
       *transliteration key* (:func:`transliteration_key`) of at least three letters. The key
       keeps the first letter and the consonants, folding the common romanization variants
       (ph/f, q/k, kh/k, doubled letters), so "Mohammed" and "Muhammad" (key ``mhmd``),
       "Youssef" and "Yusuf" (``ysf``), "Hussein" and "Husayn" (``hsn``) agree although their
       ratios are only 0.67–0.75. This rule also finds a name inside a longer one: "Maria Lopez"
       in "Maria Lopez Garcia", "Hung Nguyen" in "Nguyen Van Hung".

What is deliberately not flagged: a single word against a longer name ("Maria" against every
"Maria ..." would bury real conflicts in noise), a shared first name alone ("Mohammed Ali" /
"Mohammed Hassan"), and names differing in a whole word ("Ana Lopez" / "Ana Perez"). What is
flagged although it may be harmless: one-letter differences ("Sara Khan" / "Sana Khan") and
names of one Arabic root ("Hassan" / "Hussein" share the key ``hsn``). A missed conflict costs
far more than a dismissed one, so the thresholds err towards flagging.

Speed: every name in the vault is normalized once per call, exact and word-order matches are
dictionary look-ups, and ``SequenceMatcher`` runs only after its cheap upper bounds
(``real_quick_ratio``, ``quick_ratio``) pass, with the caller's name as the cached second
sequence. Word matches are computed once per distinct word of the vault.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache, reduce
from operator import or_
from typing import NamedTuple

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from redress.models.errors import NotFoundError
from redress.models.schema import AdverseParty, Case, Client, PartyRole

SIMILARITY = 0.85
"""The ``SequenceMatcher`` ratio at or above which two spellings count as similar."""

MIN_KEY_LENGTH = 3
"""Transliteration keys shorter than this are too common to count as a match."""

# Letters that NFKD does not decompose into a base letter plus marks.
_TRANSLITERATE = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "ı": "i",
        "ħ": "h",
        "ŀ": "l",
        "ŧ": "t",
        "ƀ": "b",
        "ɨ": "i",
        "ʉ": "u",
        "ŋ": "ng",
        "ĸ": "k",
        # Arabic-script spelling variants: taa marbuta, alif maqsura, Persian yeh and kaf; the
        # tatweel (a stretching stroke) and zero-width (non-)joiners are not letters at all.
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",
        "ک": "ك",
        "ـ": "",
        "\u200c": "",
        "\u200d": "",
    }
)
_VOWELS = frozenset("aeiouy")
# ``\w`` is exactly ``str.isalnum()`` plus "_" (Python ``re`` documentation).
_NOT_ALNUM = re.compile(r"[\W_]+")
_INITIAL_FOLDS = {"a": "a", "e": "a", "i": "a", "o": "a", "u": "a", "q": "k", "w": "v"}
_KEY_REWRITES = (("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "v"))


class MatchKind(enum.Enum):
    """How two names match, strongest first."""

    EXACT = "exact"
    NAME_ORDER = "name_order"
    SIMILAR = "similar"

    @property
    def strength(self) -> int:
        """Higher is stronger (EXACT 3, NAME_ORDER 2, SIMILAR 1)."""
        return {MatchKind.EXACT: 3, MatchKind.NAME_ORDER: 2, MatchKind.SIMILAR: 1}[self]


class MatchRole(enum.Enum):
    """What the matched person is in the other case."""

    CLIENT = "client"
    ADVERSE_PARTY = "adverse party"


class MatchedField(enum.Enum):
    """Which field of the other case's client or adverse party matched."""

    LEGAL_NAME = "legal_name"
    PSEUDONYM = "pseudonym"
    OTHER_NAME = "other_names"
    PARTY_NAME = "name"
    NAME_VARIANT = "name_variants"


@dataclass(frozen=True)
class ConflictHit:
    """A possible conflict: one of the given names matches someone in another case.

    Deliberately carries no matched name: the other case is identified by reference and
    pseudonym; :func:`reveal_match` fetches the name when the user asks.

    Attributes:
        name: the given name that matched (as given).
        input_index: its position in the names passed to :func:`check_conflicts`.
        kind: how it matched.
        case_id: the other case's id.
        reference: the other case's reference.
        pseudonym: the other case's client pseudonym.
        role: whether the match is that case's client or one of its adverse parties.
        party_role: the adverse party's role (``None`` for a client).
        matched_id: the id of the matched client or adverse party row.
        matched_field: which of its fields matched.
        matched_index: the position in that field's list (other names, variants), else 0.
    """

    name: str
    input_index: int
    kind: MatchKind
    case_id: str
    reference: str
    pseudonym: str
    role: MatchRole
    party_role: PartyRole | None
    matched_id: str
    matched_field: MatchedField
    matched_index: int = 0

    @property
    def role_label(self) -> str:
        """``"client"`` or ``"adverse party (<role>)"`` (English; the desktop translates)."""
        if self.role is MatchRole.CLIENT or self.party_role is None:
            return "client"
        return f"adverse party ({self.party_role.value.replace('_', ' ')})"


@dataclass(frozen=True)
class Candidate:
    """One name of another case to compare against (never shown to the user as such).

    Attributes:
        name: the name as stored.
        case_id: its case's id.
        reference: its case's reference.
        pseudonym: its case's client pseudonym.
        role: client or adverse party.
        party_role: the adverse party's role, if any.
        matched_id: the client or adverse party row id.
        matched_field: the field the name comes from.
        matched_index: the position within a list field.
    """

    name: str
    case_id: str
    reference: str
    pseudonym: str
    role: MatchRole
    party_role: PartyRole | None
    matched_id: str
    matched_field: MatchedField
    matched_index: int = 0


# --- normalization ----------------------------------------------------------------------------


def normalize_name(name: str) -> str:
    """A name folded for comparison: no accents, case, punctuation or extra spaces.

    Args:
        name: a name in any script.

    Returns:
        Lower-case words separated by single spaces ("" if the name has no letters or digits).
    """
    folded = name.casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
        # All marks (Mn, Mc, Me), not only those with a combining class: Indic vowel signs have
        # class 0 and would otherwise split words in two.
        folded = "".join(ch for ch in folded if not unicodedata.category(ch).startswith("M"))
        folded = folded.translate(_TRANSLITERATE)
    return " ".join(_NOT_ALNUM.sub(" ", folded).split())


def name_tokens(name: str) -> tuple[str, ...]:
    """The words of a normalized name, sorted (so word order does not matter)."""
    return tuple(sorted(normalize_name(name).split()))


@lru_cache(maxsize=65536)
def transliteration_key(token: str) -> str:
    """A loose key for romanization variants of one (normalized) word.

    Keeps the first letter (any initial vowel becomes ``a``: Omar/Umar, Ibrahim/Ebrahim) and the
    consonants after it, with doubled letters collapsed, ``h`` after a consonant dropped
    (kh, dh, th, sh, gh) and ph/f, ck/k, q/k, w/v folded.

    Args:
        token: one normalized word.

    Returns:
        The key ("" for an empty word).
    """
    if not token:
        return ""
    word = re.sub(r"(.)\1+", r"\1", token)
    for old, new in _KEY_REWRITES:
        word = word.replace(old, new)
    first = "a" if word[0] in _VOWELS and word[0] != "y" else word[0]
    out = [first]
    previous = word[0]
    for ch in word[1:]:
        if ch in _VOWELS or (ch == "h" and previous not in _VOWELS):
            previous = ch
            continue
        if out[-1] != ch:
            out.append(ch)
        previous = ch
    return "".join(out)


# --- comparing two names ----------------------------------------------------------------------


def _ratio_at_least(a: str, b: str, threshold: float = SIMILARITY) -> bool:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    )


def _words_match(a: str, b: str) -> bool:
    """Whether two normalized words are spellings of one word (initials aside)."""
    if a == b:
        return True
    if _ratio_at_least(a, b):
        return True
    key = transliteration_key(a)
    return len(key) >= MIN_KEY_LENGTH and key == transliteration_key(b)


def _is_initial_of(a: str, b: str) -> bool:
    return len(a) == 1 and len(b) > 1 and b.startswith(a)


def _assign(
    shorter: Sequence[str], longer: Sequence[str], words_match: Callable[[str, str], bool]
) -> bool:
    """Whether each word of ``shorter`` can take a different word of ``longer`` it matches.

    At least one pair must be a real word match rather than an initial. Names have a handful of
    words, so a plain backtracking search is quick.
    """

    def pair(a: str, b: str) -> int:
        """0: no match, 1: initial only, 2: word match."""
        if _is_initial_of(a, b) or _is_initial_of(b, a):
            return 1
        return 2 if words_match(a, b) else 0

    def search(i: int, used: frozenset[int], real: bool) -> bool:
        if i == len(shorter):
            return real
        for j, word in enumerate(longer):
            if j in used:
                continue
            level = pair(shorter[i], word)
            if level and search(i + 1, used | {j}, real or level == 2):
                return True
        return False

    return search(0, frozenset(), False)


class _Prepared(NamedTuple):
    normalized: str
    tokens: tuple[str, ...]
    sorted_join: str
    squeezed: str


def _prepare(name: str) -> _Prepared:
    return _prepare_normalized(normalize_name(name))


def _prepare_normalized(normalized: str) -> _Prepared:
    tokens = tuple(sorted(normalized.split()))
    return _Prepared(normalized, tokens, " ".join(tokens), normalized.replace(" ", ""))


def _subset_rule_applies(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    shorter = min(len(a), len(b))
    return shorter >= 2 or len(a) == len(b) == 1


def _compare_prepared(a: _Prepared, b: _Prepared) -> MatchKind | None:
    if not a.normalized or not b.normalized:
        return None
    if a.normalized == b.normalized:
        return MatchKind.EXACT
    if a.tokens == b.tokens:
        return MatchKind.NAME_ORDER
    if (
        _ratio_at_least(a.normalized, b.normalized)
        or _ratio_at_least(a.sorted_join, b.sorted_join)
        or _ratio_at_least(a.squeezed, b.squeezed)
    ):
        return MatchKind.SIMILAR
    if _subset_rule_applies(a.tokens, b.tokens):
        shorter, longer = (
            (a.tokens, b.tokens) if len(a.tokens) <= len(b.tokens) else (b.tokens, a.tokens)
        )
        if _assign(shorter, longer, _words_match):
            return MatchKind.SIMILAR
    return None


def compare_names(a: str, b: str) -> MatchKind | None:
    """How two names match, if they do (see the module docstring for the rules).

    Args:
        a: one name.
        b: the other name.

    Returns:
        The strongest kind of match, or ``None`` when the names do not match.
    """
    return _compare_prepared(_prepare(a), _prepare(b))


# --- matching many names at once --------------------------------------------------------------


class _CharBits(dict[str, int]):
    """Character → one of 63 bits (collisions only make the bound looser)."""

    def __missing__(self, ch: str) -> int:
        bit = 0 if ch == " " else 1 << (ord(ch) % 63)
        self[ch] = bit
        return bit


_CHAR_BITS = _CharBits()


def _letters_mask(text: str) -> int:
    """A bit per distinct character of ``text`` (spaces aside)."""
    return reduce(or_, map(_CHAR_BITS.__getitem__, set(text)), 0)


def _could_be_similar(
    length_a: int, length_b: int, only_in_a: int, only_in_b: int, threshold: float = SIMILARITY
) -> bool:
    """Whether the ratio of two strings can reach ``threshold``, from cheap facts alone.

    A character absent from the other string cannot be matched, so each string's matched
    characters are at most its length minus its count of such characters (counted here by
    distinct character, which only loosens the bound). ``SequenceMatcher.ratio`` is
    2·M / (length_a + length_b), so this is an upper bound like ``real_quick_ratio``, only
    tighter.
    """
    matched = min(length_a - only_in_a, length_b - only_in_b)
    return matched > 0 and 2 * matched >= threshold * (length_a + length_b)


def _key_initial(word: str) -> str:
    """The first letter of ``transliteration_key(word)``, without computing the whole key."""
    first = word[0]
    if first == "p" and word.lstrip("p").startswith("h"):
        return "f"
    if first == "c" and word.lstrip("c").startswith("k"):
        return "k"
    return _INITIAL_FOLDS.get(first, first)


class NameIndex:
    """Names of other cases, prepared once, to match many names against.

    Attributes:
        candidates: the names, in the order given.
    """

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self.candidates = list(candidates)
        names = [candidate.name for candidate in self.candidates]
        normalized_of = {name: normalize_name(name) for name in set(names)}
        # One slot per distinct normalized name, in parallel lists (quicker than objects). Most
        # names occur once; the few repeated ones keep their further owners in ``_more_owners``.
        self._slot_of: dict[str, int] = {}
        self._first_owner: list[int] = []
        self._more_owners: dict[int, list[int]] = defaultdict(list)
        for index, name in enumerate(names):
            normalized = normalized_of[name]
            if not normalized:
                continue
            slot = self._slot_of.setdefault(normalized, len(self._first_owner))
            if slot == len(self._first_owner):
                self._first_owner.append(index)
            else:
                self._more_owners[slot].append(index)
        # Strings and ints only: the garbage collector ignores them, and 40,000 small objects
        # would otherwise trigger collections that cost more than the work itself.
        self._normalized = list(self._slot_of)
        self._sorted = [" ".join(sorted(normalized.split())) for normalized in self._normalized]
        self._squeezed = [normalized.replace(" ", "") for normalized in self._normalized]
        self._masks = [_letters_mask(squeezed) for squeezed in self._squeezed]
        self._by_word: dict[str, list[int]] = defaultdict(list)
        for slot, sorted_join in enumerate(self._sorted):
            for word in sorted_join.split():
                self._by_word[word].append(slot)
        self._words = list(self._by_word)
        self._word_masks = [_letters_mask(word) for word in self._words]
        # Transliteration keys are computed lazily, only for words sharing a key's first letter.
        self._by_initial: dict[str, list[str]] = defaultdict(list)
        for word in self._words:
            self._by_initial[_key_initial(word)].append(word)

    def _similar_words(self, word: str) -> set[str]:
        """Words of the index that match ``word`` (same word, ratio or transliteration key)."""
        found = {word} if word in self._by_word else set()
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(word)
        mask, length = _letters_mask(word), len(word)
        for other, other_mask in zip(self._words, self._word_masks, strict=True):
            if not _could_be_similar(
                length,
                len(other),
                (mask & ~other_mask).bit_count(),
                (other_mask & ~mask).bit_count(),
            ):
                continue
            matcher.set_seq1(other)
            if matcher.ratio() >= SIMILARITY:
                found.add(other)
        key = transliteration_key(word)
        if len(key) >= MIN_KEY_LENGTH:
            found.update(
                other
                for other in self._by_initial.get(key[0], ())
                if transliteration_key(other) == key
            )
        return found

    def match(self, name: str) -> dict[int, MatchKind]:
        """The candidates ``name`` matches, by their index in :attr:`candidates`.

        Args:
            name: the name to look for.

        Returns:
            Candidate index → the kind of match (only matching candidates).
        """
        target = _prepare(name)
        if not target.normalized:
            return {}
        kinds: dict[int, MatchKind] = {}
        exact = self._slot_of.get(target.normalized)
        if exact is not None:
            kinds[exact] = MatchKind.EXACT
        self._match_spelling(target, kinds)
        self._match_words(target, kinds)
        return {
            index: kind
            for slot, kind in kinds.items()
            for index in (self._first_owner[slot], *self._more_owners.get(slot, ()))
        }

    def _match_spelling(self, target: _Prepared, kinds: dict[int, MatchKind]) -> None:
        """NAME_ORDER, and rule 1 of SIMILAR: the ratio as written, word-sorted or squeezed."""
        as_written = SequenceMatcher(None, autojunk=False)
        as_written.set_seq2(target.normalized)
        word_sorted = SequenceMatcher(None, autojunk=False)
        word_sorted.set_seq2(target.sorted_join)
        squeezed = SequenceMatcher(None, autojunk=False)
        squeezed.set_seq2(target.squeezed)
        mask = _letters_mask(target.squeezed)
        length, squeezed_length = len(target.normalized), len(target.squeezed)
        for slot, other_mask in enumerate(self._masks):
            if slot in kinds:
                continue
            only_here = (mask & ~other_mask).bit_count()
            only_there = (other_mask & ~mask).bit_count()
            pairs: list[tuple[SequenceMatcher[str], str]] = []
            other = self._normalized[slot]
            if _could_be_similar(length, len(other), only_here, only_there):
                other_sorted = self._sorted[slot]
                if other_sorted == target.sorted_join:
                    kinds[slot] = MatchKind.NAME_ORDER
                    continue
                pairs += [(as_written, other), (word_sorted, other_sorted)]
            other_squeezed = self._squeezed[slot]
            if _could_be_similar(squeezed_length, len(other_squeezed), only_here, only_there):
                pairs.append((squeezed, other_squeezed))
            for matcher, text in pairs:
                matcher.set_seq1(text)
                if matcher.quick_ratio() >= SIMILARITY and matcher.ratio() >= SIMILARITY:
                    kinds[slot] = MatchKind.SIMILAR
                    break

    def _match_words(self, target: _Prepared, kinds: dict[int, MatchKind]) -> None:
        """Rule 2 of SIMILAR: every word of the shorter name matches a word of the other."""
        similar = {word: self._similar_words(word) for word in target.tokens if len(word) > 1}
        slots: set[int] = set()
        for words in similar.values():
            for word in words:
                slots.update(self._by_word[word])

        def words_match(a: str, b: str) -> bool:
            # Every pair has one word of the target; its matches are already complete.
            if a == b:
                return True
            if a in similar:
                return b in similar[a]
            return b in similar and a in similar[b]

        for slot in slots:
            if slot in kinds:
                continue
            other = tuple(self._sorted[slot].split())
            if not _subset_rule_applies(target.tokens, other):
                continue
            shorter, longer = (
                (target.tokens, other)
                if len(target.tokens) <= len(other)
                else (other, target.tokens)
            )
            if _assign(shorter, longer, words_match):
                kinds[slot] = MatchKind.SIMILAR


# --- the vault --------------------------------------------------------------------------------


def load_candidates(session: Session, exclude_case_id: str | None) -> list[Candidate]:
    """Every client and adverse-party name of the vault's cases except ``exclude_case_id``.

    Args:
        session: an open session.
        exclude_case_id: the case being checked (its own names are not conflicts).

    Returns:
        One candidate per name (legal name, pseudonym, other names; party names, variants).
    """
    # JSON lists are unnested by SQLite (json_each), which is much quicker than decoding 10,000
    # lists in Python; only text elements count as names.
    other_names = func.json_each(Client.other_names).table_valued("key", "value", "type")
    variants = func.json_each(AdverseParty.name_variants).table_valued("key", "value", "type")
    queries = {
        "client": select(
            Client.id, Client.case_id, Case.reference, Client.pseudonym, Client.legal_name
        ).join(Case, Case.id == Client.case_id),
        "other_name": select(
            Client.id,
            Client.case_id,
            Case.reference,
            Client.pseudonym,
            other_names.c.value,
            other_names.c.key,
        )
        .select_from(Client)
        .join(Case, Case.id == Client.case_id)
        .join(other_names, true())
        .where(other_names.c.type == "text"),
        "party": select(
            AdverseParty.id,
            AdverseParty.case_id,
            Case.reference,
            Client.pseudonym,
            AdverseParty.name,
            AdverseParty.role,
        )
        .join(Case, Case.id == AdverseParty.case_id)
        .outerjoin(Client, Client.case_id == AdverseParty.case_id),
        "variant": select(
            AdverseParty.id,
            AdverseParty.case_id,
            Case.reference,
            Client.pseudonym,
            variants.c.value,
            variants.c.key,
            AdverseParty.role,
        )
        .select_from(AdverseParty)
        .join(Case, Case.id == AdverseParty.case_id)
        .outerjoin(Client, Client.case_id == AdverseParty.case_id)
        .join(variants, true())
        .where(variants.c.type == "text"),
    }
    if exclude_case_id is not None:
        queries = {kind: query.where(Case.id != exclude_case_id) for kind, query in queries.items()}
    client, party = MatchRole.CLIENT, MatchRole.ADVERSE_PARTY
    out: list[Candidate] = []
    for row_id, case_id, reference, pseudonym, legal in session.execute(queries["client"]):
        base = (case_id, reference, pseudonym, client, None, row_id)
        out.append(Candidate(legal, *base, MatchedField.LEGAL_NAME))
        out.append(Candidate(pseudonym, *base, MatchedField.PSEUDONYM))
    for row_id, case_id, reference, pseudonym, name, key in session.execute(queries["other_name"]):
        base = (case_id, reference, pseudonym, client, None, row_id)
        out.append(Candidate(name, *base, MatchedField.OTHER_NAME, key))
    for row_id, case_id, reference, pseudonym, name, role in session.execute(queries["party"]):
        base = (case_id, reference, pseudonym or "", party, role, row_id)
        out.append(Candidate(name, *base, MatchedField.PARTY_NAME))
    variants_rows = session.execute(queries["variant"])
    for row_id, case_id, reference, pseudonym, name, key, role in variants_rows:
        base = (case_id, reference, pseudonym or "", party, role, row_id)
        out.append(Candidate(name, *base, MatchedField.NAME_VARIANT, key))
    return out


def find_conflicts(names: Sequence[str], index: NameIndex) -> list[ConflictHit]:
    """Match ``names`` against an index: one hit per (name, matched person), strongest kind.

    Args:
        names: the names to check.
        index: the other cases' names.

    Returns:
        Hits ordered by the given names, then strongest first, then by reference.
    """
    best: dict[tuple[int, str, str], ConflictHit] = {}
    for input_index, name in enumerate(names):
        for candidate_index, kind in index.match(name).items():
            c = index.candidates[candidate_index]
            key = (input_index, c.case_id, c.matched_id)
            held = best.get(key)
            if held is not None and held.kind.strength >= kind.strength:
                continue
            best[key] = ConflictHit(
                name=name,
                input_index=input_index,
                kind=kind,
                case_id=c.case_id,
                reference=c.reference,
                pseudonym=c.pseudonym,
                role=c.role,
                party_role=c.party_role,
                matched_id=c.matched_id,
                matched_field=c.matched_field,
                matched_index=c.matched_index,
            )
    return sorted(
        best.values(),
        key=lambda h: (h.input_index, -h.kind.strength, h.reference, h.role.value, h.matched_id),
    )


def check_conflicts(
    session: Session, names: Sequence[str], exclude_case_id: str | None
) -> list[ConflictHit]:
    """Compare names against every client and adverse party of the other cases in the vault.

    Args:
        session: an open session (reads only).
        names: the names to check (a case's parties and variants, its client's names).
        exclude_case_id: the case the names belong to, left out of the comparison.

    Returns:
        The possible conflicts (see :func:`find_conflicts` for the order); no matched names.
    """
    if not any(normalize_name(name) for name in names):
        return []
    return find_conflicts(names, NameIndex(load_candidates(session, exclude_case_id)))


def reveal_match(session: Session, hit: ConflictHit) -> str:
    """The matched name of a hit, for when the user asks to see it.

    Args:
        session: an open session.
        hit: a hit from :func:`check_conflicts`.

    Returns:
        The name as stored in the other case.

    Raises:
        NotFoundError: the matched record has since been changed or deleted.
    """
    gone = NotFoundError("the matched name has changed or been removed since the check")
    if hit.role is MatchRole.CLIENT:
        client = session.get(Client, hit.matched_id)
        if client is None:
            raise gone
        if hit.matched_field is MatchedField.LEGAL_NAME:
            return client.legal_name
        if hit.matched_field is MatchedField.PSEUDONYM:
            return client.pseudonym
        values = client.other_names
    else:
        party = session.get(AdverseParty, hit.matched_id)
        if party is None:
            raise gone
        if hit.matched_field is MatchedField.PARTY_NAME:
            return party.name
        values = party.name_variants
    if not 0 <= hit.matched_index < len(values):
        raise gone
    return values[hit.matched_index]
