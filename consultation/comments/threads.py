"""Render once, personalise cheaply: the discussion under a subject, a page of threads at a
time (docs/decisions/0015).

A page of threads is rendered once, as a signed-out reader sees it, and cached under the
content version (`coe.cache.cached_fragment`): every reader shares it, and any change to a
comment, its moderation state or its author's name retires it. In that render
`_comment.html` marks where the per-person links go and renders both kinds (the author's
Edit and Withdraw, and Report for other signed-in readers); the marks are split off once,
when the page is cached. Each request then only picks, per comment, which links this reader
gets, and renders the reader's own unpublished comments (only they may see them) for them
alone, in their places among the shared ones.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from coe.cache import cached_fragment
from consultation.comments import selectors

NOTHING_OWN = {"tops": [], "parents": [], "replies": {}}
START, OWN, REPORT, TAIL = "<!--coe:comment-->", "<!--coe:own-->", "<!--coe:report-->", "<!--coe:tail-->"


@dataclass
class Discussion:
    """What the discussion partial shows: the threads, and where the page links lead."""

    threads_html: SafeString
    official_html: SafeString
    newer: str | None  # the "previous" link's cursor; "" leads to the first page; None: no link
    older: str | None  # the "next" link's cursor; None: no link


def discussion_page(*, viewer, subject: dict, order: str, after=None, before=None, is_open: bool,
                    with_official: bool = False) -> Discussion:
    after_key, before_key = selectors.decode_cursor(after), selectors.decode_cursor(before)
    cursor = f"a{selectors.encode_cursor(after_key)}" if after_key else (
        f"b{selectors.encode_cursor(before_key)}" if before_key else "first")
    subject_key = ":".join(str(subject[column] or "") for column in sorted(subject))
    name = f"discussion:{subject_key}:{order}:{cursor}:{int(is_open)}"
    shared = cached_fragment(name, lambda: _shared_page(subject, order, after_key, before_key, is_open, with_official))
    viewer_id = viewer.pk if viewer is not None and viewer.is_authenticated else None
    own = NOTHING_OWN
    if viewer_id is not None:
        own = cached_fragment(f"own:{viewer_id}:{subject_key}:{int(is_open)}",
                              lambda: _own_pieces(viewer, subject, is_open))
    return Discussion(
        threads_html=mark_safe(_personalise(shared, viewer_id, own)),  # noqa: S308 (rendered by templates)
        official_html=mark_safe(shared["official"]),  # noqa: S308 (rendered by a template)
        newer=shared["newer"], older=shared["older"],
    )


# --- The shared render ----------------------------------------------------------------------

def _shared_page(subject, order, after, before, is_open, with_official) -> dict:
    """Plain data only (strings, tuples, datetimes): what is cached must unpickle after a deploy."""
    page = selectors.public_thread_page(subject, order=order, after=after, before=before)
    flat = [comment for thread in page.threads for comment in (thread, *thread.visible_replies)]
    pieces = iter(_render(flat, AnonymousUser(), is_open, shared=True))
    official = ""
    if with_official:
        official = render_to_string("consultation/_official_responses.html", {
            "official_responses": selectors.official_responses_for(subject["focus_area_id"])})
    return {
        "threads": [(selectors.thread_key(thread), [next(pieces) for _ in range(1 + len(thread.visible_replies))])
                    for thread in page.threads],
        "descending": selectors.ORDERS.get(order, selectors.ORDERS["newest"])[0].startswith("-"),
        "after": page.after, "last": page.last, "newer": page.newer, "older": page.older, "official": official,
    }


def _render(comments, viewer, is_open, *, shared=False) -> list[tuple]:
    """The comments in one render, cut into pieces: (pk, author, key, head, own, report, tail).
    `own` and `report` are only filled in the shared render; otherwise `head` is it all."""
    if not comments:
        return []
    html = render_to_string("consultation/_threads.html", {
        "comments": comments, "user": viewer, "shared": shared, "consultation_is_open": is_open})
    chunks = html.split(START)[1:]
    if len(chunks) != len(comments):
        raise ValueError("consultation/_threads.html must mark the start of every comment")
    pieces = []
    for comment, chunk in zip(comments, chunks, strict=True):
        head, _, rest = chunk.partition(OWN)
        own, _, rest = rest.partition(REPORT)
        report, _, tail = rest.partition(TAIL)
        pieces.append((comment.pk, comment.author_id, selectors.thread_key(comment), head, own, report, tail))
    return pieces


# --- The per-person step --------------------------------------------------------------------

def _covers(shared, key) -> bool:
    """Whether a thread with this key belongs on the cached page (see ThreadPage)."""
    def earlier(a, b):
        return a > b if shared["descending"] else a < b
    return ((shared["after"] is None or earlier(shared["after"], key))
            and (shared["last"] is None or not earlier(shared["last"], key)))


def _own_pieces(viewer, subject, is_open) -> dict:
    """The viewer's own unpublished comments on the subject, rendered for them (cached per
    person under the content version, like the shared page): the threads they head, the
    replies by the thread they belong to, and the placeholder of any thread that only
    their reply makes visible to them."""
    own = selectors.own_unpublished(viewer, subject)
    tops = {comment.pk: comment for comment in own if comment.parent_id is None}
    replies = defaultdict(list)
    for comment in own:
        if comment.parent_id is not None:
            replies[comment.parent_id].append(comment)
    parents = {pk: group[0].parent for pk, group in replies.items() if pk not in tops}
    rendered = {piece[0]: piece for piece in _render(
        [*tops.values(), *parents.values(), *(reply for group in replies.values() for reply in group)], viewer, is_open)}
    return {
        "tops": [(selectors.thread_key(top), rendered[pk]) for pk, top in tops.items()],
        "parents": [(selectors.thread_key(parent), rendered[pk]) for pk, parent in parents.items()],
        "replies": {pk: [rendered[reply.pk] for reply in group] for pk, group in replies.items()},
    }


def _with_own(shared, own) -> list:
    """The shared threads with the viewer's own unpublished comments put in their places:
    a removed-comment placeholder becomes their own comment, their held threads and replies
    join in order."""
    threads = [(key, list(pieces)) for key, pieces in shared["threads"]]
    on_page = {pieces[0][0]: pieces for _, pieces in threads}
    for key, piece in own["tops"]:
        if piece[0] in on_page:
            on_page[piece[0]][0] = piece
        elif _covers(shared, key):
            on_page[piece[0]] = [piece]
            threads.append((key, on_page[piece[0]]))
    for key, piece in own["parents"]:
        if piece[0] not in on_page and _covers(shared, key):
            on_page[piece[0]] = [piece]
            threads.append((key, on_page[piece[0]]))
    for parent_id, replies in own["replies"].items():
        if parent_id in on_page:
            pieces = on_page[parent_id]
            pieces[1:] = sorted([*pieces[1:], *replies], key=lambda piece: piece[2])
    threads.sort(key=lambda thread: thread[0], reverse=shared["descending"])
    return threads


def _personalise(shared, viewer_id, own) -> str:
    threads = _with_own(shared, own) if own["tops"] or own["replies"] else shared["threads"]
    out = []
    for _, pieces in threads:
        for _, author_id, _, head, own_links, report_link, tail in pieces:
            out.append(head)
            if viewer_id is not None:
                out.append(own_links if author_id == viewer_id and own_links else report_link)
            out.append(tail)
    return "".join(out)
