"""Theme finding on our own machine: texts in, groups with key phrases and quotes out.

No Django here and nothing leaves the process. The method was chosen by measurement on the
evaluation set in tests/themes (docs/decisions/0012-themes-found-offline.md):

1. TF-IDF of words and two-word phrases (sublinear counts, English stop words dropped),
   beside TF-IDF of 4-6 letter pieces of words,
2. TruncatedSVD (latent semantic analysis) to a few dozen dimensions, rows normalised,
3. k-means for each k in a range, keeping the k with the best cosine silhouette,
4. a comment far from every centre, or in a group smaller than MIN_SIZE, gets no theme,
5. key phrases by class-based TF-IDF (a group's terms weighed against all groups'),
   the most central comments as description and quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import wraps

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfVectorizer
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

METHOD = "tfidf-lsa-kmeans"
DOCUMENTS_PER_DIMENSION = 35
MIN_SIZE = 3
MIN_AVERAGE = 8
SAMPLE_PER_THEME = 40  # members per theme the hourly placement fits its vectors on
# Words every comment here uses: they describe the consultation, not a theme.
DOMAIN_STOP_WORDS = frozenset({
    "council", "councils", "centre", "children", "child", "services", "service", "social", "care",
    "please", "need", "needs", "would", "could", "should", "make", "help", "work", "really", "like",
    "think", "just", "also", "one", "every", "much", "many", "new", "idea", "ideas",
    "data", "time", "used", "use", "want", "way", "good", "able",
})
STOP_WORDS = sorted(ENGLISH_STOP_WORDS | DOMAIN_STOP_WORDS)
_STOP = frozenset(STOP_WORDS)
TOKEN_PATTERN = r"(?u)\b[a-zA-Z][a-zA-Z0-9]+\b"  # noqa: S105 a regular expression, not a secret


@dataclass(frozen=True)
class Parameters:
    dimensions: int = 0  # 0: one per DOCUMENTS_PER_DIMENSION comments, between 12 and 100
    min_k: int = 4
    max_k: int = 30
    min_similarity: float = 0.2  # cosine to the group's centre below which a comment has no theme
    silhouette_sample: int = 2000
    seed: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Group:
    members: list[int]  # indexes into the texts, most central first
    key_phrases: list[str] = field(default_factory=list)
    ranked_terms: list[str] = field(default_factory=list)  # the group's 20 most typical terms
    centrality: list[float] = field(default_factory=list)


@dataclass
class Result:
    groups: list[Group]
    labels: np.ndarray  # a group index per text, -1 for no theme
    k_tried: dict[int, float]


def single_threaded(function):
    """One BLAS/OpenMP thread: on a busy 2-core machine more threads fight each other and
    the work ran 15 times slower (measured: 421 comments 1.5 s against 22 s)."""

    @wraps(function)
    def wrapped(*args, **kwargs):
        with threadpool_limits(limits=1):
            return function(*args, **kwargs)

    return wrapped


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def vectoriser() -> TfidfVectorizer:
    return TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, max_df=0.4, sublinear_tf=True, stop_words=STOP_WORDS,
        token_pattern=TOKEN_PATTERN, lowercase=True, dtype=np.float32,
    )


def character_vectoriser() -> TfidfVectorizer:
    """Pieces of 4 to 6 letters inside words: "recruit", "recruiting" and "recruitment"
    share most of theirs, which word counts alone miss (measured: NMI +0.03, ARI +0.04)."""
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(4, 6), min_df=2, max_df=0.3, sublinear_tf=True,
                           dtype=np.float32)


def without_stop_words(text: str) -> str:
    return " ".join(w for w in re.findall(r"[a-z][a-z0-9]+", text.lower()) if w not in _STOP)


@single_threaded
def vectors(texts: list[str], parameters: Parameters) -> np.ndarray:
    """Normalised LSA vectors, one row per text (a text with no known term is a zero row)."""
    from scipy.sparse import hstack
    from sklearn.decomposition import TruncatedSVD

    cleaned = [clean(t) for t in texts]
    words = vectoriser().fit_transform(cleaned)
    try:
        pieces = character_vectoriser().fit_transform([without_stop_words(t) for t in cleaned])
        tfidf = hstack([normalize(words) * 0.5, normalize(pieces) * 0.5]).tocsr()
    except ValueError:  # too few texts to keep any piece twice
        tfidf = words
    wanted = parameters.dimensions or min(100, max(12, len(texts) // DOCUMENTS_PER_DIMENSION))
    dimensions = min(wanted, tfidf.shape[1] - 1, len(texts) - 1)
    if dimensions < 2:
        return normalize(tfidf.toarray())
    svd = TruncatedSVD(n_components=dimensions, random_state=parameters.seed, algorithm="randomized", n_iter=7)
    return normalize(svd.fit_transform(tfidf))


def _best_kmeans(points: np.ndarray, parameters: Parameters) -> tuple[KMeans, dict[int, float]]:
    n = len(points)
    # On average at least MIN_AVERAGE comments a theme: 36 comments make 4 themes, not 12.
    upper = min(parameters.max_k, max(2, n // MIN_AVERAGE))
    lower = min(parameters.min_k, upper)
    rng = np.random.default_rng(parameters.seed)
    sample = rng.choice(n, size=min(n, parameters.silhouette_sample), replace=False)
    scores, best, best_score = {}, None, -2.0
    for k in range(lower, upper + 1):
        model = KMeans(n_clusters=k, n_init=3, random_state=parameters.seed).fit(points)
        if len(set(model.labels_[sample])) < 2:
            continue
        score = float(silhouette_score(points[sample], model.labels_[sample], metric="cosine"))
        scores[k] = round(score, 4)
        if score > best_score:
            best, best_score = model, score
    if best is None:
        best = KMeans(n_clusters=1, n_init=1, random_state=parameters.seed).fit(points)
    return best, scores


@single_threaded
def find(texts: list[str], parameters: Parameters | None = None) -> Result:
    parameters = parameters or Parameters()
    if len(texts) < MIN_SIZE:
        return Result([], np.full(len(texts), -1), {})
    points = vectors(texts, parameters)
    has_terms = np.linalg.norm(points, axis=1) > 0
    labels = np.full(len(texts), -1)
    if has_terms.sum() < MIN_SIZE:
        return Result([], labels, {})
    usable = np.flatnonzero(has_terms)
    model, tried = _best_kmeans(points[usable], parameters)
    centres = normalize(model.cluster_centers_)
    similarity = (points[usable] * centres[model.labels_]).sum(axis=1)
    labels[usable] = np.where(similarity >= parameters.min_similarity, model.labels_, -1)
    groups = []
    for cluster in range(len(centres)):
        members = np.flatnonzero(labels == cluster)
        if len(members) < MIN_SIZE:
            labels[members] = -1
            continue
        closeness = points[members] @ centres[cluster]
        order = np.argsort(-closeness, kind="stable")
        groups.append(Group(members=[int(i) for i in members[order]],
                            centrality=[round(float(c), 4) for c in closeness[order]]))
    relabelled = np.full(len(texts), -1)
    for index, group in enumerate(groups):
        relabelled[group.members] = index
    add_key_phrases(texts, groups)
    return Result(groups, relabelled, tried)


def add_key_phrases(texts: list[str], groups: list[Group], top: int = 4) -> None:
    """Class-based TF-IDF: each group's text is one document; a term weighs its frequency in
    the group times log(1 + average words per group / its frequency over all groups)."""
    if not groups:
        return
    documents = [" ".join(clean(texts[i]) for i in group.members) for group in groups]
    counter = CountVectorizer(ngram_range=(1, 2), stop_words=STOP_WORDS, token_pattern=TOKEN_PATTERN)
    counts = counter.fit_transform(documents).astype(np.float64)
    terms = counter.get_feature_names_out()
    frequency = counts.multiply(1 / np.maximum(counts.sum(axis=1), 1)).tocsr()
    average_words = counts.sum() / len(groups)
    weight = np.log1p(average_words / np.maximum(np.asarray(counts.sum(axis=0)).ravel(), 1))
    scores = frequency.multiply(weight).tocsr()
    for index, group in enumerate(groups):
        row = scores.getrow(index).toarray().ravel()
        group.ranked_terms = [str(terms[i]) for i in np.argsort(-row, kind="stable")[:20] if row[i] > 0]
        used = counts.getrow(index).toarray().ravel()
        ranked = [i for i in np.argsort(-row, kind="stable") if row[i] > 0]
        chosen: list[str] = []
        # Terms several comments of the group use first: one comment's odd word is no theme.
        for term_index in [i for i in ranked if used[i] >= 2] + [i for i in ranked if used[i] < 2]:
            term = str(terms[term_index])
            if len(chosen) == top:
                break
            # A phrase and its own words say the same thing twice.
            if any(term in other or other in term for other in chosen):
                continue
            chosen.append(term)
        group.key_phrases = chosen


def nearest(points: np.ndarray, centres: np.ndarray, min_similarity: float) -> tuple[np.ndarray, np.ndarray]:
    """For new comments: the index of the nearest centre (or -1) and the similarity."""
    if len(centres) == 0:
        return np.full(len(points), -1), np.zeros(len(points))
    similarity = points @ normalize(centres).T
    best = similarity.argmax(axis=1)
    score = similarity[np.arange(len(points)), best]
    return np.where(score >= min_similarity, best, -1), score
