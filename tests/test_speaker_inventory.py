"""Every speaker extracted from the seeds and the development corpus, reviewed by reading:
each is a name, a title or an organisation, never a pronoun, a verb, a determiner or a
fragment. A new speaker fails this test until someone reads it and adds it here."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.extract import extract_figures
from checker.load import load_documents

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"

SPEAKERS = {
    "seeds": {
        "Austin",
        "Gallant",
        "Israel",
        "Israel Defense Forces Spokesperson Rear Adm. Daniel Hagari",
        "Israeli Defense Minister Yoav Gallant",
        "Israeli tallies",
        "Pentagon",
        "local health authorities",
    },
    "lahaina-wildfire-2023-08": {
        "Byrd",
        "Federal Emergency Management Agency (FEMA)",
        "Green",
        "Hawaii Gov. Josh Green",
        "Hawaii authorities",
        "Hawaii's governor",
        "Local officials",
        "Maui County Mayor Richard Bissen",
        "Maui County Police Chief John Pelletier",
        "Maui County police",
        "Maui County website",
        "Maui Police Chief John Pelletier",
        "Maui Police Department",
        "Maui police",
        "Officials",
        "Pacific Disaster Center (PDC)",
        "Pelletier",
        "Police",
        "authorities",
        "county",
        "county officials",
        "officials",
        "police spokesperson Alana Pico",
        "two agencies",  # "the two agencies published": the PDC and FEMA
    },
    "ahli-hospital-explosion-2023-10": {
        "DRM",
        "France's Directorate of Military Intelligence (DRM)",
        "French",  # "the intelligence gathered by the French"
        "French military intelligence",
        "Gaza Strip's Hamas-run health ministry",
        "Gaza's Ministry of Health",
        "Gaza's health ministry",
        "Hagari",
        "Hamas",
        "Hamas and the health ministry",
        "Human Rights Watch",
        "Human Rights Watch (HRW)",
        "Israel Defense Forces (IDF)",
        "Israel Defense Forces spokesperson Rear Admiral Daniel Hagri",
        "Israeli army and several independent sources",
        "Macron",
        "Officials in Gaza",
        "Palestinian President Mahmoud Abbas",
        "Palestinian health ministry",
        "Sunak",
        "US intelligence community",
        "army",
        "doctor",
        "head of a European intelligence agency",
        "health authorities in the Hamas-ruled territory",
        "health ministry",
        "local Anglican official",
        "senior European intelligence official",
        "senior official of the French military intelligence service",
    },
}


def _speakers(folder: Path) -> set[str]:
    documents, problems = load_documents([folder])
    assert problems == []
    return {str(s) for s in extract_figures(documents)["origin"] if s}


def test_every_speaker_of_the_seeds_is_a_name_title_or_body() -> None:
    assert _speakers(ROOT / "seeds") == SPEAKERS["seeds"]


@pytest.mark.parametrize("event", sorted(set(SPEAKERS) - {"seeds"}))
def test_every_speaker_of_the_development_corpus_is_a_name_title_or_body(event: str) -> None:
    folder = CORPORA / event
    if not folder.is_dir():
        pytest.skip(f"the development corpus is not beside this checkout ({folder})")
    assert _speakers(folder) == SPEAKERS[event]
