"""Property tests of `rules suggest` on random small corpora (strategies of tests/fuzzing.py).

Whatever the documents hold, the suggestion either fails with a CheckerError whose first line
names a file, or gives a rules file that loads as written, whose examples all pass, and whose
text is the same on a second run. No other outcome is allowed.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from checker.errors import CheckerError
from checker.pipeline import run_examples, run_suggest
from checker.rules import load_rules
from checker.suggest import SuggestOptions
from tests.fuzzing import DOCUMENTS, FILE_NAMES, PUBLISHED, SENTENCES, assert_located

SHORT: settings = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# News-like documents: well-formed front matter and sentences of figures, so that groups,
# senses and trends are formed, not only noise rejected.
NEWS = st.dictionaries(
    FILE_NAMES.map(lambda n: f"{n}.md"),
    st.builds(
        lambda outlet, published, body: (
            f"---\noutlet: {json.dumps(outlet)}\npublished: {json.dumps(published)}\n---\n" + body
        ).encode("utf-8", "surrogatepass"),
        st.sampled_from(["Wire", "Gazette", "Courier", "Post"]),
        PUBLISHED,
        st.lists(SENTENCES, min_size=1, max_size=8).map(" ".join),
    ),
    min_size=1,
    max_size=6,
)
OPTIONS = st.builds(
    SuggestOptions,
    min_documents=st.integers(1, 3),
    fact_prefix=st.sampled_from(["", "x-", "ab"]),
    exclude_nouns=st.sampled_from([(), ("drones",), ("people", "missiles")]),
)


def _suggest_on(documents: dict[str, bytes], options: SuggestOptions) -> None:
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
        news = Path("news")
        news.mkdir()
        for name, raw in documents.items():
            with contextlib.suppress(OSError):
                (news / name).parent.mkdir(parents=True, exist_ok=True)
                (news / name).write_bytes(raw)
        try:
            result = run_suggest([news], options, jobs=1)
        except CheckerError as error:
            assert_located(error)
            return
        text = result.suggestion.render("yaml", Path("suggested.yaml"))
        Path("suggested.yaml").write_text(text, encoding="utf-8")
        rules = load_rules([Path("suggested.yaml")])
        assert len(rules.facts) == len(result.suggestion.facts)
        failed = [r for r in run_examples(rules) if not r.passed]
        assert failed == []
        json.loads(result.suggestion.render("json"))
        again = run_suggest([news], options, jobs=1).suggestion
        assert again.render("yaml", Path("suggested.yaml")) == text


@SHORT
@given(DOCUMENTS, OPTIONS)
def test_suggest_never_crashes_on_any_documents(
    documents: dict[str, bytes], options: SuggestOptions
) -> None:
    _suggest_on(documents, options)


@SHORT
@given(NEWS, OPTIONS)
def test_suggest_on_news_like_corpora_writes_rules_that_pass(
    documents: dict[str, bytes], options: SuggestOptions
) -> None:
    _suggest_on(documents, options)
