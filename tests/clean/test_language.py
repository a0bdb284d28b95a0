"""Language of the clean text: which articles the later stages can read."""

from __future__ import annotations

import pytest

from dateline.clean.language import language_of, script_of, untagged

TEXTS = {
    "en": "The regional council voted on Tuesday to close the old bridge for repairs, and the "
    "ferry will run an extra crossing every hour until the work is done in the spring.",
    "de": "Der Gemeinderat hat am Dienstag beschlossen, die alte Brücke für Reparaturen zu "
    "schließen, und die Fähre wird bis zum Ende der Arbeiten im Frühjahr stündlich fahren.",
    "fr": "Le conseil régional a voté mardi la fermeture du vieux pont pour des travaux, et le "
    "bac fera une traversée de plus chaque heure jusqu'à la fin du chantier au printemps.",
    "es": "El consejo regional votó el martes el cierre del viejo puente para las obras, y el "
    "transbordador hará un cruce más cada hora hasta que terminen los trabajos en la primavera.",
    "pt": "O conselho regional votou na terça-feira o fechamento da velha ponte para as obras, e "
    "a balsa fará uma travessia a mais por hora até o fim dos trabalhos na primavera.",
    "und-Cyrl": "Областной совет во вторник проголосовал за закрытие старого моста на ремонт, "
    "а паром будет делать лишний рейс каждый час до конца работ весной.",
    "und-Jpan": "地域の議会は火曜日、古い橋を修理のために閉鎖することを決めた。工事が終わる春までフェリーは毎時一便を増やす。",
    "und-Arab": "صوت المجلس الإقليمي يوم الثلاثاء على إغلاق الجسر القديم للإصلاح، وستقوم العبارة برحلة إضافية كل ساعة.",
}


@pytest.mark.parametrize(("tag", "text"), TEXTS.items())
def test_language_of_prose(tag: str, text: str) -> None:
    assert language_of(text) == tag


def test_too_little_prose_is_undetermined() -> None:
    assert language_of("Home News Sport") == "und"
    assert language_of("") == "und"


def test_script_is_the_majority_of_letters() -> None:
    assert script_of("Москва, 3 марта (Reuters)") == "Cyrl"
    assert script_of("1234 --") == ""


def test_untagged_counts_what_later_stages_cannot_read() -> None:
    counts = untagged(["en", "de", "de", "und-Cyrl", "und", "en"])
    assert counts == {"de": 2, "und-Cyrl": 1}
