"""The words pages print around their own date, per language, in one place.

Month names (full and the short forms pages use), and the words that mark a line as the
page's publication stamp, its update stamp, or something else's date (a comment, a cookie
notice). Languages: those of the real pages dateline is measured on (`real/dates/`), with
English, German, French, Spanish, Portuguese, Italian, Dutch and the Scandinavian languages
first. Examples beside each table show the lines they are for.
"""

from __future__ import annotations

import re

from dateline.english import MONTH_NAMES

# One row per language, January first. "19. Oktober 2019", "17 de marzo de 2020",
# "10. marts 2020", "23 Març 2020", "4 Mei 2020", "30 Ekim 2020", "1 Декабря 2020".
_MONTH_ROWS = (
    " ".join(MONTH_NAMES),
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "januari februari maart april mei juni juli augustus september oktober november december",
    "januar februar marts april maj juni juli august september oktober november december",
    "januari februari mars april maj juni juli augusti september oktober november december",
    "gener febrer març abril maig juny juliol agost setembre octubre novembre desembre",
    "januari februari maret april mei juni juli agustus september oktober november desember",
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "janar shkurt mars prill maj qershor korrik gusht shtator tetor nëntor dhjetor",
    "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
)
# Short forms: "Oct 29 2020", "29. Okt. 2019", "3 déc. 2020", "5 ene 2021".
_SHORT_ROWS = (
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "jan feb mär apr mai jun jul aug sep okt nov dez",
    "janv févr mars avr mai juin juil août sept oct nov déc",
    "ene feb mar abr may jun jul ago sept oct nov dic",
    "jan fev mar abr mai jun jul ago set out nov dez",
    "gen feb mar apr mag giu lug ago set ott nov dic",
    "jan feb mrt apr mei jun jul aug sep okt nov dec",
)
_EXTRA_MONTHS = {"sept": 9, "jänner": 1, "feber": 2, "maerz": 3, "mrz": 3, "märz": 3}


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for row in (*_MONTH_ROWS, *_SHORT_ROWS):
        names = row.split()
        if len(names) == 12:
            table.update({name: number for number, name in enumerate(names, 1)})
    return {**table, **_EXTRA_MONTHS}


MONTHS = _month_table()
MONTH_PATTERN = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))

# "Published: …", "Veröffentlicht am 5. Juni 2023", "publié le 26/12/2020", "Publicado el …",
# "Von Claudia Riedler 19. Oktober 2019", "Posted 11. April 2018 by …", "Erstellt am …".
PUBLISHED = re.compile(
    r"\b(?:published|posted|publish date|first published|created|"
    r"veröffentlicht|erstellt|erschienen|publié|publiée|publicado|publicada|pubblicato|"
    r"gepubliceerd|geplaatst|publicert|publiceret|publicerad|opublikowano|yayınlanma|"
    r"dated?|datum|fecha)\b",
    re.IGNORECASE,
)
# The words of PUBLISHED that only the page's own stamp uses ("posted", "created" and "date"
# also stamp comments and forum entries): a line with one is the page's even among comments.
PUBLISHED_ONLY = re.compile(
    r"\b(?:published|veröffentlicht|erschienen|publié|publiée|publicado|publicada|"
    r"pubblicato|gepubliceerd|publiceret|publicerad|publicert)\b",
    re.IGNORECASE,
)
# "Updated 11/8/2023", "Aktualisiert am …", "Mis à jour le …", "Actualizado el …",
# "Zuletzt geändert: …", "Laatste update", "Atualizado", "Aggiornato".
UPDATED = re.compile(
    r"\b(?:updated?|last modified|modified|revised|edited|aktualisiert|geändert|"
    r"mis à jour|mise à jour|actualizado|actualizada|atualizado|atualizada|aggiornato|"
    r"bijgewerkt|laatste update|opdateret|uppdaterad|oppdatert|güncelleme|güncellendi)\b",
    re.IGNORECASE,
)
# Headings of what follows a story on its page: comments and replies, guest books, more
# stories. "42 comments", "Kommentare", "MORE NEWS", "Most popular", "Guest book".
FOLLOWING = (
    r"comments?|replies|reply|leave a reply|kommentare?|antworten|commentaires?|comentarios?|"
    r"commenti|reacties|guest ?book|gästebuch|entries|more news|more stories|related|"
    r"most popular|popular|most read|meistgelesen|trending|recommended|empfohlen|"
    r"read more|weiterlesen|lesen sie auch|mehr zum thema|à lire aussi|leer más"
)
FOLLOWS = re.compile(rf"\b(?:{FOLLOWING})\b", re.IGNORECASE)
# A line with one of these is a notice or someone else's words, never the page's date line:
# cookie and privacy notices, copyright lines, comments and replies, photo captions, forum
# profiles. "Privacy Policy … effective May 23rd, 2018", "Anna says: 3 March 2020 at 10:12",
# "Photo taken Dec. 1, 2005", "Registriert: 18.09.2008", "© 2020 Lee Enterprises".
NOTICE = re.compile(
    r"(?:\b(?:privacy|cookies?|datenschutz|policy|terms|copyright|says|wrote|schreibt|reply|"
    r"replies|antworten|répondre|responder|rispondi|reageer|registriert|registered|"
    r"member since|mitglied seit|caption|photo|foto)\b|©)",
    re.IGNORECASE,
)
# A line with one of these is more likely some other thing's date: a listing of what is on
# or until when ("(bis 31.12.2018)", "Event: 4 May 2017"), a sidebar or "more" tile.
ELSEWHERE = re.compile(
    rf"\b(?:{FOLLOWING}|effective|gültig|valid|bis|until|expires?|deadline|event|"
    r"veranstaltung|termin|webinar|photos|bild|sidebar|joined)\b",
    re.IGNORECASE,
)
