"""Reads the labelled corpus and scores the screening against it (also used by the bench)."""

from collections import Counter
from pathlib import Path

from consultation.screening import KINDS, kinds_found

CORPUS = Path(__file__).resolve().parent / "corpus.txt"


def load(path: Path = CORPUS) -> list[tuple[set[str], str]]:
    texts = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        labels, _, text = line.partition("|")
        kinds = set() if labels == "clear" else set(labels.split(","))
        if not text or kinds - set(KINDS):
            raise ValueError(f"{path.name} line {number}: unknown kind or no text")
        texts.append((kinds, text))
    return texts


def score(texts) -> dict:
    """Recall per kind (the kind was found), overall recall (the text was held) and the
    false-hold rate (a clear text held), with the misses for reading."""
    expected, hit, misses, false_holds = Counter(), Counter(), [], []
    held_texts = held_right = clear = 0
    for kinds, text in texts:
        found = set(kinds_found(text))
        if kinds:
            held_texts += 1
            held_right += bool(found)
            for kind in kinds:
                expected[kind] += 1
                hit[kind] += kind in found
                if kind not in found:
                    misses.append((kind, text, sorted(found)))
        else:
            clear += 1
            if found:
                false_holds.append((text, sorted(found)))
    return {
        "recall": held_right / held_texts,
        "recall_per_kind": {kind: hit[kind] / expected[kind] for kind in KINDS if expected[kind]},
        "count_per_kind": dict(expected),
        "false_hold_rate": len(false_holds) / clear,
        "held_texts": held_texts,
        "clear_texts": clear,
        "misses": misses,
        "false_holds": false_holds,
    }
