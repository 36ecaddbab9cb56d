"""Who ``they`` and ``it`` are when no person is meant: the group or body named as a
subject since one person spoke (``Wilcox and Beruff argued ... they said``), the person
who put out the document an ``it`` stands for, or the body an ``it`` follows. The part of
`ArticleSpeakers` that `pronouns` sends such pronouns to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..lexicons import words
from ..parse import text_of
from .speaker import Speaker
from .speaking_nouns import is_someone

if TYPE_CHECKING:
    from .article_speakers import ArticleSpeakers


class ItAndThey:
    """Who ``they`` and ``it`` are: mixed into `ArticleSpeakers`, whose paragraphs,
    speakers and issued documents it reads."""

    def _many(self: ArticleSpeakers, offset: int) -> Speaker | None:
        """Who ``they`` are when the last speaker is one person: the nearest subject
        before that names several people or a body (``Wilcox and Beruff argued ...
        States can do that, they said``, ``Republicans ... which they say ...``), outside
        quotation marks (``"Our members are doing the bulk of the marking," they said``:
        the words said, not who said them)."""
        last = self.last_speaker
        if last is None or last[1].kind != "person":
            return None
        for paragraph, doc in reversed(self.docs):
            if paragraph > offset or paragraph + len(text_of(doc)) < last[0]:
                continue
            subjects = [
                t
                for t in doc
                if last[0] < paragraph + t.idx < offset
                and not any(s <= paragraph + t.idx < e for s, e in self.quoted)
                and t.dep_ in {"nsubj", "nsubjpass"}
                and (t.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in t.children))
                and is_someone(t)
            ]
            if subjects:
                noun = subjects[-1]  # with all of them: "Johnson and Weld"
                end = max([noun.i] + [c.right_edge.i for c in noun.children if c.dep_ == "conj"])
                return self._named_at(doc[noun.left_edge.i : end + 1], paragraph)
        return None

    def _document_before(self: ArticleSpeakers, offset: int) -> Speaker | None:
        """Who put out the document an ``it`` at ``offset`` stands for: the last one the
        article said a person issued or read out (`documents.documents_issued`), in this
        paragraph or the one before, if no one has spoken since. A body's document is
        left to the body that spoke last, mostly the same one: the words a report is said
        to come from may be its contributors' (``The report, produced with contributions
        from universities``), not its issuer's."""
        found = self._paragraph(offset)
        if found is None:
            return None
        since = self._paragraph_before(found[0])
        if self.last_speaker is not None:
            since = max(since, self.last_speaker[0])
        documents = [
            (paragraph, issuer) for at, _, paragraph, issuer in self.issued if since <= at < offset
        ]
        issuer = self._issued_by(*documents[-1]) if documents else None
        return issuer if issuer is not None and issuer.kind == "person" else None

    def _body_just_before(self: ArticleSpeakers, offset: int) -> Speaker | None:
        """The body an ``it`` at ``offset`` follows: the last subject before it in its
        sentence or the one before, when that is a body by name (``The Thompson-Delacroix
        Regional District expanded its evacuation order. It said``) or by a word for one
        (``the ministry``), with no quotation mark between (a subject inside a quote is none),
        of a main clause, not of what a body was said to have done (``The lawsuit ...
        alleges that Red Mesa knew .... It also claims``: the lawsuit's)."""
        found = self._paragraph(offset)
        if found is None or not found[1].has_annotation("DEP"):
            return None
        paragraph, doc = found
        sentences = list(doc.sents)
        at = next((k for k, s in enumerate(sentences) if paragraph + s.end_char > offset), 0)
        words_before = doc[sentences[max(at - 1, 0)].start : sentences[at].end]
        pronoun = next((t for t in words_before if paragraph + t.idx == offset), None)
        subject = next(
            (
                t
                for t in reversed(words_before)
                if t.dep_ == "nsubj"
                and paragraph + t.idx < offset
                and t.pos_ != "PRON"
                and _main_clause(t.head, pronoun)
            ),
            None,
        )
        if (
            subject is None
            or subject.tag_ not in {"NN", "NNP"}
            or not (
                subject.ent_type_ == "ORG" or subject.lemma_.lower() in words("institution_heads")
            )
            or any(  # "''... the senior management team is leading us,'' it added"
                t.tag_ in {"``", "''"} and paragraph + t.idx < offset
                for t in doc[subject.i : words_before.end]
            )
        ):
            return None
        body = self._named_at(doc[subject.left_edge.i : subject.i + 1], paragraph)
        return body if body is not None and body.kind == "organization" else None


def _main_clause(verb: Token, pronoun: Token | None) -> bool:
    """``verb`` heads its sentence (or a clause joined to it), or a report the parse hung
    on the pronoun's own verb (``The district expanded its order, it said``)."""
    if pronoun is not None and verb.dep_ == "ccomp" and verb.head == pronoun.head:
        return True
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"
