"""Word patterns of page chrome, grouped by how much they say on their own.

Each group is one compiled alternation so a line costs a handful of regex scans. Weights feed
the score in `score.py`: 5 = decides alone (a copyright line, a newsletter prompt), 3 = decides
together with a non-sentence shape, 2 = a hint. Patterns describe web furniture in general,
not any one site.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _alternation(parts: list[str], flags: int = _I) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{part})" for part in parts), flags)


# The whole (normalised: case-folded, digits as 0, edge punctuation stripped) line is chrome.
WHOLE_LINE = re.compile(
    r"(?:"
    + "|".join(
        [
            r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer|article|story)",
            r"(?:share|share this|share (?:this )?(?:article|story|page|post)|print|print this"
            r"|e-?mail|email this|tweet|pin(?: it)?|reddit|whatsapp|facebook|twitter|linkedin"
            r"|instagram|youtube|flipboard|copy link|link copied|save|saved|save for later"
            r"|bookmark|comment|comments|reply|like|follow|more|less|next|previous|prev"
            r"|back|back to top|top|home|menu|search|close|open|sign in|sign out|log ?in"
            r"|log out|register|sign up|subscribe|subscribe now|subscribe today|my account"
            r"|account|settings|edition|select edition|switch edition|loading|loading comments)",
            r"(?:advertisement|advertising|ad|ads|sponsored|sponsored content|promoted"
            r"|paid content|paid post|partner content|story continues below(?: advertisement)?"
            r"|continue reading(?: below| the main story)?|scroll down for video"
            r"|article continues below|ad feedback|report this ad)",
            r"(?:story tools|story highlights|highlights|key points|related|related topics"
            r"|related stories|related articles|related content|related coverage|related links"
            r"|related news|more on this story|more on this|most read|most popular|most viewed"
            r"|most shared|most emailed|most commented|top stories|top news|trending"
            r"|trending now|latest|latest news|latest stories|latest headlines"
            r"|editor'?s'? picks|recommended|recommended for you|recommended stories"
            r"|you (?:may|might) also like|don'?t miss|in case you missed it"
            r"|around the web|from around the web|from the web|watch more|more videos?"
            r"|photos?|galler(?:y|ies)|video|videos|topics|tags|in pictures|slideshow|audio"
            r"|listen|watch|play|play video|replay|live|breaking|breaking news|exclusive"
            r"|developing|developing story|update|updated|just in|opinion|analysis"
            r"|graphic|interactive|podcast|newsletter|newsletters|more stories|more news"
            r"|more headlines|more from .{1,40}|elsewhere on .{1,40}|in other news)",
            r"(?:0 comments?|comments? ?\(?0|0 repl(?:y|ies)|0 shares?|0 min(?:ute)?s? read"
            r"|0 photos|0 images|view comments|show comments|hide comments|view gallery"
            r"|view all|see all|see more|show more|read more|read full (?:article|story)"
            r"|full story|full coverage|click here|click to (?:play|watch|enlarge|expand))",
        ]
    )
    + r")",
    _I,
)

# Headings that open a list of other stories, links or summary bullets: the short lines that
# follow belong to the list.
LIST_HEADING = re.compile(
    r"(?:story highlights|highlights|key points|related(?: \w+){0,2}|more on this(?: story)?"
    r"|most (?:read|popular|viewed|shared|emailed|commented)(?: \w+){0,2}|top stories"
    r"|top news|trending(?: now)?|latest(?: news| stories| headlines)?|editor'?s'? picks"
    r"|recommended(?: \w+){0,2}|you (?:may|might) also like|don'?t miss|in case you missed it"
    r"|(?:from )?around the web|more (?:from|on|in|about) .{1,40}|more stories|more news"
    r"|more headlines|elsewhere on .{1,40}|in other news|what (?:to|you need to) (?:read|know)"
    r"|topics|tags|in pictures|watch more|more videos?|share this(?: \w+)?"
    r"|read more|see also|also read|read next|more|more coverage|further reading)",
    _I,
)

# Anywhere in the line, and decisive whatever the line looks like (weight 5).
STRONG_ANYWHERE = _alternation(
    [
        r"©",
        r"\(c\)\s*\d{4}",
        r"\bcopyright\s*(?:©\s*)?\d{4}",
        r"\ball rights reserved\b",
        r"\bthis material may not be (?:published|broadcast|rewritten|redistributed)",
        r"\bmay not be (?:published|reproduced|redistributed|broadcast)\b",
        r"\bcontributed (?:reporting )?to this (?:report|story|article)\b",
        r"\breporting by\b.*\bediting by\b",
        r"\bour standards\s*:",
        r"\btrust principles\b",
        r"\bwe use cookies\b",
        r"\b(?:by continuing|continue) (?:to (?:use|browse)|browsing)\b"
        r".{0,40}\b(?:agree|accept|consent)",
        r"\bGetty Images\b",
    ]
)

# Photo credits: case-sensitive, so "the picture: a city in ruins" is not one (weight 5).
CREDIT = re.compile(
    "|".join(
        [
            r"\b(?:AP|AFP|EPA|PA|Reuters|REUTERS|Getty|UPI|Xinhua) Photo(?:graph)?\s*/",
            r"(?:^|[(\[.] ?)(?:Photo|PHOTO|Photograph|Picture|Image|Credit|Photos|Pictures)"
            r"\s*(?:[Cc]redit\s*)?:\s*[A-Z]",
            r"\((?:[Pp]hoto|[Pp]icture|[Ii]mage|[Cc]redit|[Pp]hotograph)s?\b[^)]{0,80}\)",
            r"/\s*(?:Getty Images|AFP|Reuters|AP|EPA|Bloomberg|PA|Xinhua)\)?\s*$",
            r"\((?:AP|AFP|Reuters|EPA|Getty Images|Xinhua|PA)\)\s*$",
            r"\b(?:[Pp]hoto|[Pp]icture|[Ii]mage|[Pp]hotograph)s? "
            r"(?:by|courtesy of|courtesy)\s+[A-Z]",
            r"^(?:Illustration|Illustrations|Graphic|Graphics|Animation|Artwork|Video) "
            r"(?:by|courtesy of)\s+[A-Z]",
        ]
    )
)

# Anywhere, decisive on a short line (weight 5) but only a hint in a long sentence (weight 2):
# an article may well report on a privacy policy or a newsletter.
SHORT_ANYWHERE = _alternation(
    [
        r"\bterms (?:of (?:use|service)|(?:&|and) conditions)\b",
        r"\bprivacy (?:policy|notice|statement|settings)\b",
        r"\b(?:we|this (?:site|website)) uses? cookies\b",
        r"\bcookie (?:policy|settings|preferences|notice)\b",
        r"\baccept (?:all )?cookies\b",
        r"\bnewsletters?\b",
        r"\b(?:delivered (?:straight )?to|in|into|to) your inbox\b",
        r"\bunsupported on your (?:device|browser)\b|\bmedia playback\b",
        r"\benable javascript\b|\byour browser (?:does not|doesn'?t)\b|\bad ?blocker\b",
        r"\b(?:log|sign) in to (?:comment|reply|continue)\b",
        r"\bjoin the (?:conversation|discussion)\b",
        r"\bcomments? (?:are|is) (?:closed|now closed|open)\b",
        r"\bfollow (?:us|me|him|her) on (?:twitter|facebook|instagram|x|linkedin|tiktok)\b",
        r"\b(?:on|at) twitter\s*@\w+",
        r"\blike us on facebook\b",
        r"\bdownload (?:our|the) [\w ]{0,20}app\b",
        r"\b[\w.+-]+@[\w-]+\.[\w.]+\b",
        r"\bsupport (?:independent|local|our|quality) [\w ]{0,20}journalism\b",
        r"\bbecome an? (?:member|subscriber|supporter|patron)\b",
        r"\bmake a (?:donation|contribution)\b|\bdonate (?:now|today)\b",
    ]
)

# At the start of the line (after bullets), and decisive (weight 5).
STRONG_START = _alternation(
    [
        r"click (?:here|on) (?:to|for|and)\b|click to\b",
        r"tap here\b",
        r"skip to\b",
        r"subscribe (?:to|for|now|today)\b",
        r"sign up (?:for|to|now|today)\b",
        r"(?:get|receive) (?:our|the|breaking|the latest)\b[^.]{0,60}"
        r"\b(?:newsletter|alerts?|app|emails?|updates)\b",
        r"(?:read|see|watch|listen to) (?:more|also|the full|next|related)\b",
        r"(?:read|see|watch|listen|video|videos|photos?|gallery|slideshow|audio|in pictures"
        r"|related|also read|also see|more|recommended|sponsored|exclusive|breaking|live"
        r"|trending|pictured|graphic|interactive|podcast)\s*[:|»›>]",
        r"image (?:copyright|caption|source)\b",
        r"(?:media|video) caption\b",
        r"(?:tags|filed under|topics|categories|related topics|keywords|posted in)\s*:",
        r"(?:contact|email|e-mail|reach) (?:the )?(?:newsroom|reporter|author|writer|editor|us)\b",
        r"(?:have|got) a (?:news )?tip\b|send (?:us )?(?:your )?(?:news )?tips?\b",
        r"\(?(?:additional )?(?:reporting|writing|editing) by\b",
        r"(?:this|an earlier version of this) (?:article|story|report) "
        r"(?:was|has been|is) (?:originally |first )?(?:published|updated|amended|corrected)",
        r"(?:this|a version of this) (?:article|story|essay|piece) (?:appears|appeared|"
        r"was published|will appear) in\b",
        r"(?:next|previous|prev) (?:article|story|post|page)\b",
        r"(?:share|print|email|save) (?:this|via|article|story|page)\b",
        r"share on (?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest)\b",
        r"(?:email|send) (?:this )?to a friend\b",
        r"save (?:to|for) (?:my |your )?(?:list|later|favou?rites|reading list)\b",
        r"(?:view|see|show) (?:all|more|comments|gallery|photos|full|larger)\b",
        r"leave a comment\b",
        r"(?:open|close|toggle) (?:menu|search|navigation)\b",
        r"NEW\s*:",
        r"(?:eds?|editor'?s'? note|note to editors)\s*:",
    ]
)

# At the start of the line: a hint (weight 3).
WEAK_START = _alternation(
    [
        r"(?:more|latest) (?:stories|news|headlines|from|on|about|in)\b",
        r"(?:posted|filed|published) in\b",
        r"(?:advertisement|sponsored|promoted)\b",
        r"(?:follow|find) (?:us|\w+ \w+ on)\b",
        r"(?:watch|listen)\s*[-–—]",
    ]
)

# "Jane Doe is a reporter covering ...": an author bio (weight 5). Present tense only: "Lopez
# was a reporter until 2001" is reporting about someone.
AUTHOR_BIO = re.compile(
    r"^(?:[A-Z][\w.'’-]+ ){1,4}(?:is|covers|writes|reports)\b[^.]{0,60}"
    r"\b(?:reporter|correspondent|writer|editor|journalist|columnist|producer|contributor"
    r"|anchor|critic|freelancer|intern|fellow)s?\b"
)

# Words that make up navigation bars ("World Business Sport Tech Weather").
NAV_WORDS = frozenset(
    str.split(
        """home news world us u.s. uk europe asia africa americas australia middle east politics
    business economy money markets tech technology science health sport sports football
    entertainment arts culture music film movies tv books style lifestyle travel food opinion
    opinions editorials letters video videos photos weather local national obituaries
    classifieds jobs cars autos real estate homes education environment climate crime
    religion games puzzles crossword podcasts newsletters more sections menu search
    subscribe login register account shop deals reviews live latest features magazine
    investigations the & and"""
    )
)
