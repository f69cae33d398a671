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
    name = "discussion:{}:{}:{}:{}".format(
        ":".join(str(subject[column] or "") for column in sorted(subject)), order, cursor, int(is_open))
    shared = cached_fragment(name, lambda: _shared_page(subject, order, after_key, before_key, is_open, with_official))
    own = selectors.own_unpublished(viewer, subject)
    return Discussion(
        threads_html=mark_safe(_personalise(shared, viewer, own, is_open)),  # noqa: S308 (rendered by templates)
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


def _with_own(shared, viewer, own, is_open) -> list:
    """The shared threads with the viewer's own unpublished comments put in their places:
    a removed-comment placeholder becomes their own comment, their held threads and replies
    join in order."""
    threads = [(key, list(pieces)) for key, pieces in shared["threads"]]
    on_page = {pieces[0][0]: pieces for _, pieces in threads}
    tops, replies = {}, defaultdict(list)
    for comment in own:
        if comment.parent_id is None:
            tops[comment.pk] = comment
        else:
            replies[comment.parent_id].append(comment)
    # A thread only the viewer can see, through their own reply under a comment nobody else can.
    for parent_id, own_replies in replies.items():
        if parent_id not in on_page and parent_id not in tops:
            tops[parent_id] = own_replies[0].parent
    tops = {pk: top for pk, top in tops.items()
            if pk in on_page or _covers(shared, selectors.thread_key(top))}
    to_render = [*tops.values(), *(reply for pk in replies if pk in tops or pk in on_page for reply in replies[pk])]
    rendered = {piece[0]: piece for piece in _render(to_render, viewer, is_open)}
    for pk, top in tops.items():
        if pk in on_page:
            on_page[pk][0] = rendered[pk]
        else:
            on_page[pk] = [rendered[pk]]
            threads.append((selectors.thread_key(top), on_page[pk]))
    for parent_id, own_replies in replies.items():
        if parent_id in on_page:
            pieces = on_page[parent_id]
            pieces[1:] = sorted([*pieces[1:], *(rendered[reply.pk] for reply in own_replies)], key=lambda p: p[2])
    threads.sort(key=lambda thread: thread[0], reverse=shared["descending"])
    return threads


def _personalise(shared, viewer, own, is_open) -> str:
    viewer_id = viewer.pk if viewer is not None and viewer.is_authenticated else None
    threads = _with_own(shared, viewer, own, is_open) if own else shared["threads"]
    out = []
    for _, pieces in threads:
        for _, author_id, _, head, own_links, report_link, tail in pieces:
            out.append(head)
            if viewer_id is not None:
                out.append(own_links if author_id == viewer_id and own_links else report_link)
            out.append(tail)
    return "".join(out)
