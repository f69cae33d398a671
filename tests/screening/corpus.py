"""Reads the labelled corpus and scores the screening against it (also used by the bench)."""

import csv
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


PROBE_CORPUS = CORPUS.with_name("probe_corpus.csv")
HELD_OUT = CORPUS.with_name("held_out.csv")


def load_rows(path: Path) -> list[dict]:
    """A CSV of texts with `text`, `expect_hold` (yes/no) and `kind` (the family of the case:
    name_child, ni_number, clear...), as the privacy probe of November 2026 wrote them; or with
    `text` and `expected` (held/clear) only, as the round 5 tester wrote them (the label is the kind)."""
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    for row in rows:
        if "expected" in row and "expect_hold" not in row:
            row["expect_hold"] = {"held": "yes", "clear": "no"}.get(row["expected"], "")
            row["kind"] = row["expected"]
    if not rows or any(row["expect_hold"] not in ("yes", "no") or not row["text"] for row in rows):
        raise ValueError(f"{path.name}: every row needs a text and expect_hold yes or no")
    return rows


def score_rows(rows: list[dict]) -> dict:
    """Per row kind: how many rows, how many the screening held; overall recall and false holds."""
    per_kind: dict[str, list[int]] = {}
    misses, false_holds = [], []
    for row in rows:
        held = bool(kinds_found(row["text"]))
        total_held = per_kind.setdefault(row["kind"], [0, 0])
        total_held[0] += 1
        total_held[1] += held
        if row["expect_hold"] == "yes" and not held:
            misses.append((row["kind"], row["text"]))
        elif row["expect_hold"] == "no" and held:
            false_holds.append((row["text"], kinds_found(row["text"])))
    to_hold = [row for row in rows if row["expect_hold"] == "yes"]
    return {
        "per_kind": per_kind,
        "to_hold": len(to_hold),
        "recall": 1 - len(misses) / len(to_hold) if to_hold else 1.0,
        "clear": len(rows) - len(to_hold),
        "misses": misses,
        "false_holds": false_holds,
    }


def report(name: str, result: dict) -> None:
    """Prints a corpus's figures, misses and wrong holds (read with pytest -s)."""
    print(f"\n{name}: recall {result['recall']:.1%} of {result['to_hold']} texts to hold; "
          f"{len(result['false_holds'])} of {result['clear']} clear texts held")
    for kind, (total, held) in sorted(result["per_kind"].items()):
        print(f"  {kind:15} {held:3} of {total:3} held")
    for kind, text in result["misses"]:
        print(f"  missed ({kind}): {text!r}")
    for text, found in result["false_holds"]:
        print(f"  held wrongly ({', '.join(found)}): {text!r}")


def scored_corpus(name: str, path: Path) -> tuple[list[dict], dict]:
    """A labelled CSV corpus's rows and scores, reported and added to the run's summary."""
    from tests import summary

    rows = load_rows(path)
    result = score_rows(rows)
    report(name, result)
    summary.line(f"Screening {name[0].lower()}{name[1:]}: recall {result['recall']:.1%}, "
                 f"{len(result['false_holds'])} of {result['clear']} clear texts held")
    return rows, result


def held_short(result: dict, kinds) -> list[str]:
    """The kinds, of these, where not every text was held."""
    return [f"{kind}: {held} of {total} held" for kind in sorted(kinds)
            for total, held in [result["per_kind"][kind]] if held != total]
