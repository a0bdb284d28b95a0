"""Whole copied pages (select-all + copy: window title first, every visible line after it).

The pages are our own writing, shaped like what a browser copy of a news page gives.
"""

from __future__ import annotations

from cleankit import paragraphs

HEADLINE = "Ferry operator fined after a third of winter sailings left late"
WINDOW = f"{HEADLINE} | The Island Times"
MENU = ["Skip to content", "Search the site", "News", "Island life", "Sport", "Weather"]
BODY = [
    "The harbour authority fined the island ferry operator £40,000 on Wednesday after 212 of "
    "its 590 winter crossings left more than 15 minutes late.",
    "Inspectors blamed crew shortages for most of the delays and said the operator had been "
    "warned twice before the fine was imposed.",
    "The operator said it had hired 14 deckhands since April and expected punctuality to "
    "improve before the summer season.",
    "It has 28 days to appeal.",
]
MOST_READ = [
    "Most read",
    "Lifeboat crew rescue walkers cut off by the tide",
    "New distillery opens its doors to visitors",
    "Council backs second wind turbine at community farm",
    "Glendale road to close overnight for repairs",
    "Ferry timetable cut again for the winter",
    "Harbour master retires after 30 years",
]
COMMENTS = [
    "4 comments",
    "islandreader says:",
    "May 4, 2011 at 9:12 am",
    "About time somebody held them to account for the winter we had on the boats.",
    "mairi_k says:",
    "May 4, 2011 at 9:40 am",
    "My father missed his hospital appointment twice because of these crossings.",
    "portree_dad says:",
    "May 4, 2011 at 10:02 am",
    "The crews do their best, the company simply does not employ enough of them.",
    "sea_view says:",
    "May 4, 2011 at 11:30 am",
    "Forty thousand pounds is nothing to a company of that size, it will change nothing.",
    "old_skipper says:",
    "May 4, 2011 at 12:05 pm",
    "We had the same arguments in the eighties and nothing changed then either.",
]
FOOTER = ["About us", "Contact", "© 2011 The Island Times"]


def _page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part)


def test_headline_repeating_the_window_title_is_the_title_not_a_menu_line(clean) -> None:
    article = clean(_page([WINDOW], MENU, [HEADLINE, "By Ruth Calder", "May 4, 2011"], BODY))
    assert article.title == HEADLINE
    assert paragraphs(article) == BODY


def test_a_reworded_headline_is_still_found(clean) -> None:
    reworded = "Ferry operator fined after a third of its winter sailings ran late"
    article = clean(_page([WINDOW], MENU, [reworded, "By Ruth Calder"], BODY))
    assert article.title == reworded


def test_without_a_window_title_the_headline_sits_over_the_byline(clean) -> None:
    page = _page(MENU, ["Ferries", HEADLINE, "By Ruth Calder", "May 4, 2011"], BODY)
    assert clean(page).title == HEADLINE


def test_story_list_comments_and_footer_after_the_body_are_dropped(clean) -> None:
    article = clean(_page([WINDOW], MENU, [HEADLINE], BODY, MOST_READ, COMMENTS, FOOTER))
    assert paragraphs(article) == BODY


def test_the_article_goes_on_after_an_inline_story_list(clean) -> None:
    more = [
        "Passengers' groups welcomed the fine but said they wanted the money spent on the "
        "routes that suffered most during the winter months.",
        "The authority said the money would go to a fund for harbour improvements across the "
        "islands, starting with the pier at Uig next year.",
        "A spokesman for the operator declined to say whether it would appeal the decision.",
    ]
    article = clean(_page([WINDOW], MENU, [HEADLINE], BODY[:2], MOST_READ, more, FOOTER))
    assert paragraphs(article) == [*BODY[:2], *more]


def test_a_list_the_article_introduces_is_kept_with_its_short_items(clean) -> None:
    intro = "From June the ferry will call at these ports, the operator said:"
    items = ["Portree -- daily", "Uig -- Monday to Friday", "Tarbert -- weekends"]
    text = _page([WINDOW], MENU, [HEADLINE], BODY[:2], [""], [intro], items, [""], FOOTER)
    assert paragraphs(clean(text)) == [*BODY[:2], intro, *items]


def test_a_long_copy_of_the_story_below_the_page_is_metadata(clean) -> None:
    copy = " ".join(BODY * 4)  # a description field printing the whole story on one line
    article = clean(_page([WINDOW], MENU, [HEADLINE], BODY, FOOTER, [copy]))
    assert paragraphs(article) == BODY


def test_a_page_in_japanese_keeps_its_body(clean) -> None:
    body = [
        "港の新しい防波堤は火曜日の議会で承認され、工事は来月から始まる。",
        "費用は約四十億円で、国と県が半分ずつ負担する予定だという。",
        "地元の漁業者は、冬の高波から船を守るために長年建設を求めてきた。",
    ]
    title = "港の新しい防波堤、議会が承認"
    article = clean(_page([f"{title} | 島日報"], ["ホーム", "ニュース", "スポーツ"], [title], body))
    assert article.title == title
    assert paragraphs(article) == body


def test_a_long_subhead_between_paragraphs_stays_and_a_caption_beside_an_ad_goes(clean) -> None:
    subhead = "Why the winter timetable left so many crossings behind schedule"
    caption = "Passengers wait on the pier at Portree on a stormy Monday morning in March"
    body = [BODY[0], subhead, BODY[1], caption, "Advertisement", BODY[2]]
    article = clean(_page([WINDOW], MENU, [HEADLINE], body, FOOTER))
    assert paragraphs(article) == [BODY[0], subhead, BODY[1], BODY[2]]


def test_a_timetable_under_the_article_stays_with_it(clean) -> None:
    rows = [
        "Portree 07:10 -- Raasay 07:35",
        "Portree 09:40 -- Raasay 10:05",
        "Portree 13:15 -- Raasay 13:40",
        "Portree 17:30 -- Raasay 17:55",
    ]
    text = _page([WINDOW], MENU, [HEADLINE], BODY[:3], [""], rows, [""], FOOTER)
    assert paragraphs(clean(text)) == [*BODY[:3], *rows]


def test_a_page_of_short_steps_each_set_apart_by_blank_lines_keeps_them(clean) -> None:
    steps = []
    for day in ("Monday", "Wednesday", "Friday", "Sunday"):
        steps += [
            f"Crossing on {day}",
            "Arrive 30–45 minutes early",
            "Portree pier [car lane 2, foot passengers by the ticket office]",
            "Bring your booking code and a photo card, as the crew checks both.",
        ]
    blocks = [[line, ""] for line in [*BODY[:2], *steps]]
    text = _page([WINDOW, ""], MENU, ["", HEADLINE, ""], *blocks, MOST_READ, FOOTER)
    assert paragraphs(clean(text)) == [*BODY[:2], *steps]


def test_a_grid_of_other_stories_after_the_article_goes(clean) -> None:
    grid = []
    for kicker, headline, summary in [
        (
            "SLOW BOATS",
            "Island Ferry Timetable Cut Back For The Whole Winter Season",
            "The operator blames rising fuel costs and a shortage of trained crew this year.",
        ),
        (
            "A LONG WAIT",
            "Village Post Office Reopens After Eleven Months Of Repairs",
            "Residents had travelled twenty miles to collect their parcels since the flood.",
        ),
        (
            "NEW ROUTE",
            "Night Bus Returns To The Coast Road After A Public Campaign",
            "Campaigners collected four thousand names in a petition over the summer months.",
        ),
        (
            "HIGH TIDE",
            "Sea Wall At The Old Harbour Gives Way In The Weekend Storm",
            "Nobody was hurt, but two boats were lost and the slipway is closed until spring.",
        ),
        (
            "LAST ORDERS",
            "Oldest Pub On The Island Changes Hands After Ninety Years",
            "The new owners say they will keep the name and the Friday folk music nights.",
        ),
    ]:
        grid += [[kicker, ""], [headline, ""], ["island.example News", ""], [summary, ""]]
    text = _page([WINDOW, ""], MENU, ["", HEADLINE, ""], *[[p, ""] for p in BODY], *grid)
    assert paragraphs(clean(text)) == BODY


def test_a_headline_worded_apart_from_the_window_title_is_found_by_its_words(clean) -> None:
    window = (
        "Island ferry operator hit with £40,000 fine over late winter sailings | The Island Times"
    )
    headline = "‘We let passengers down’: ferry firm fined for a winter of late sailings"
    menu = [*MENU, "Island Times Careers", "Island Times Store", *MENU, "Island Times Careers"]
    page = _page([window], menu, ["Follow Island News", headline, "By Ruth Calder"], BODY)
    assert clean(page).title == headline


def test_a_short_subhead_set_apart_between_paragraphs_stays(clean) -> None:
    subhead = "WHAT COMES NEXT"
    paragraphs_ = [[p, ""] for p in BODY[:3]]
    text = _page([WINDOW, ""], MENU, ["", HEADLINE, ""], *paragraphs_[:2], [subhead, ""],
                 *paragraphs_[2:], MOST_READ)  # fmt: skip
    assert paragraphs(clean(text)) == [*BODY[:2], subhead, BODY[2]]


def test_a_headline_split_by_a_slash_is_found_whole_not_by_its_first_part(clean) -> None:
    headline = "Island Ferries 2 / Winter timetable"
    menu = [*MENU, "Island Ferries 2", "Island Ferries 1", *MENU, "Island Ferries 2"]
    page = _page([f"{headline} – The Island Times"], menu, [headline, "By Ruth Calder"], BODY)
    article = clean(page)
    assert article.title == headline
    assert paragraphs(article) == BODY


def test_a_headline_in_title_case_may_end_with_a_full_stop(clean) -> None:
    headline = "Ferry Fares Are Rising Again. Why Islanders Should Not Worry."
    window = "Ferry fares rise again on island routes - The Island Times"
    page = _page([window], MENU, ["Transport", headline, "By", "Ruth Calder", "May 4, 2011"], BODY)
    assert clean(page).title == headline


def test_the_headline_sharing_most_words_with_the_window_beats_a_short_menu_item(clean) -> None:
    window = "Ferry focus: do you have what it takes to run the island routes on time?"
    headline = "Ferry focus: why some islanders never reach the mainland for work"
    menu = [*MENU, "Island Routes Map", "Timetables and Fares"]
    page = _page([window], menu, [headline, "Ruth Calder"], BODY)
    assert clean(page).title == headline


SHARE_BAR = ["Share this article", "Share on Facebook", "Share on Twitter", "Share by email"]


def test_the_details_after_a_posts_sign_off_stay_up_to_its_share_bar(clean) -> None:
    sign_off = ["See you at the pier next Saturday!"]
    details = ["Island Film Club summer season", "The old lifeboat station, Portree"]
    page = _page([WINDOW], MENU, [HEADLINE], BODY, sign_off, [""], details, [""], SHARE_BAR)
    assert paragraphs(clean(page)) == [*BODY, *sign_off, *details]


def test_a_standfirst_without_a_full_stop_above_the_first_paragraph_stays(clean) -> None:
    standfirst = "Inspectors counted 212 late crossings in one winter and blamed crew shortages"
    head = [HEADLINE, "By Ruth Calder", "May 4, 2011", standfirst]
    article = clean(_page([WINDOW], MENU, head, BODY, MOST_READ, FOOTER))
    assert paragraphs(article) == [standfirst, *BODY]


def test_a_share_price_above_the_first_paragraph_is_no_standfirst(clean) -> None:
    head = [HEADLINE, "By Ruth Calder", "May 4, 2011", "FERRY PLC", "+0.52 +2.27%"]
    article = clean(_page([WINDOW], MENU, head, BODY, FOOTER))
    assert "+0.52 +2.27%" not in paragraphs(article)
