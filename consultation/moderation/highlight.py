"""The text a moderator reads, with what the screening flagged marked in it: each span in a
<mark> followed by its kind in brackets, so the kind is read out and seen, not told by
colour alone."""

from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe

from consultation.screening import KINDS, screen


def flagged_spans(text: str) -> list[tuple[int, int, list[str]]]:
    """Findings merged where they overlap: (start, end, kinds)."""
    spans: list[tuple[int, int, list[str]]] = []
    for finding in screen(text):
        if spans and finding.start < spans[-1][1]:
            start, end, kinds = spans[-1]
            spans[-1] = (start, max(end, finding.end), kinds + [finding.kind] * (finding.kind not in kinds))
        else:
            spans.append((finding.start, finding.end, [finding.kind]))
    return spans


def highlighted(text: str) -> SafeString:
    parts, position = [], 0
    for start, end, kinds in flagged_spans(text):
        parts.append(escape(text[position:start]))
        label = "; ".join(KINDS[kind] for kind in kinds)
        parts.append(format_html('<mark class="coe-flag">{}</mark> <strong class="coe-flag__kind">[{}]</strong>',
                                 text[start:end], label))
        position = end
    parts.append(escape(text[position:]))
    # linebreaks escapes nothing more: every part is already escaped or built by format_html.
    return mark_safe(linebreaks(mark_safe("".join(parts))))  # noqa: S308


def flagged_summary(text: str) -> str:
    """"2 details flagged: a phone number; a person's name with details about them"."""
    spans = flagged_spans(text)
    kinds = [kind for kind in KINDS if any(kind in span_kinds for _, _, span_kinds in spans)]
    if not kinds:
        return ""
    return f"{len(spans)} detail{'s' if len(spans) != 1 else ''} flagged: " + "; ".join(KINDS[k] for k in kinds)
