"""The screening against its labelled corpus: the targets of issue 13."""

from tests import summary
from tests.screening.corpus import load, score

RECALL_OVERALL = 0.95
RECALL_PER_KIND = 0.90
FALSE_HOLDS = 0.03


def test_the_corpus_is_big_enough():
    texts = load()
    result = score(texts)
    assert len(texts) >= 400
    assert result["clear_texts"] >= 150
    assert min(result["count_per_kind"].values()) >= 40 and len(result["count_per_kind"]) == 7


def test_recall_and_false_holds_meet_the_targets():
    result = score(load())
    print(f"\nrecall {result['recall']:.1%} of {result['held_texts']} texts to hold; "
          f"false holds {result['false_hold_rate']:.1%} of {result['clear_texts']} clear texts")
    for kind, recall in result["recall_per_kind"].items():
        print(f"  {kind:14} {recall:6.1%}  ({result['count_per_kind'][kind]} texts)")
    for kind, text, found in result["misses"]:
        print(f"  missed {kind}: {text!r} (found {found})")
    for text, found in result["false_holds"]:
        print(f"  held wrongly ({', '.join(found)}): {text!r}")
    summary.line(f"Screening corpus: recall {result['recall']:.1%}, false holds {result['false_hold_rate']:.1%}; "
                 + ", ".join(f"{kind} {recall:.0%}" for kind, recall in result["recall_per_kind"].items()))
    assert result["recall"] >= RECALL_OVERALL
    assert all(recall >= RECALL_PER_KIND for recall in result["recall_per_kind"].values())
    assert result["false_hold_rate"] <= FALSE_HOLDS
