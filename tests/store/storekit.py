"""Articles for the store tests: our own made-up news, with wire copies in two dresses."""

from __future__ import annotations

from datetime import date

from dateline.model import Article, PublicationDate

FERRY_BODY = (
    "The harbour authority suspended all ferry crossings to Marrow Island on Tuesday after "
    "inspectors found cracks in the main loading ramp at the Keston terminal. About four "
    "thousand commuters use the crossing every weekday, and the authority said a temporary "
    "bus link over the causeway would start on Thursday morning. Engineers will spend at least "
    "three weeks replacing the hinge assembly, which was last overhauled in 2011. The island "
    "council called the closure a serious blow to shops that depend on day visitors during the "
    "spring holidays and asked the regional government for emergency support. A spokesperson "
    "for the ferry operator said passengers with season tickets would be refunded for every "
    "day the service is suspended and that the two vessels would use the downtime for their "
    "annual safety checks. Fishermen on the island said the cracks had been visible for months "
    "and that they had warned the authority in writing last autumn. The authority's director "
    "declined to comment on the letters but said an independent review of maintenance records "
    "at all three of its terminals would report to the board before the summer timetable "
    "begins. Until then, freight lorries will be limited to night crossings on the older "
    "vehicle ferry from the northern slipway, which the inspectors cleared on Monday."
)

FERRY_WIRE = (
    "KESTON, March 4 (Northwire) - "
    + FERRY_BODY
    + "\nReporting by Ana Lindqvist; Editing by Tom Barre"
)

FERRY_COURIER = (
    "By Staff Reporter | The Keston Courier\n"
    + FERRY_BODY
    + "\nRead more: Island traders fear a lost season\n"
    "Sign up for our morning newsletter to get local news first."
)

# Same topic, same place, written independently: not a copy.
FERRY_FOLLOW_UP = (
    "Ferry passengers queued for replacement buses at the Keston causeway on Thursday, two days "
    "after the harbour authority halted the Marrow Island service because of a cracked ramp. "
    "Several travellers complained that the buses were full before eight o'clock and that no "
    "staff were on hand to explain the new timetable. The authority apologised and promised "
    "extra coaches from Friday. Repairs to the terminal are expected to take about three "
    "weeks, according to the operator, which has begun refunding season-ticket holders."
)

BUDGET = (
    "The city council approved a budget of 412 million crowns for next year on Monday evening, "
    "with the largest increase going to school maintenance and the public library network. "
    "Opposition members voted against the plan, arguing that the new parking charges in the "
    "old town would drive shoppers to the retail park outside the ring road. The finance "
    "committee chair said the charges would raise nine million crowns a year for cycle lanes."
)


def article(
    text: str, source: str, outlet: str = "", day: int | None = None, **fields: object
) -> Article:
    """An article as the pipeline would hand it over: clean text set, optionally dated."""
    published = None
    if day is not None:
        published = PublicationDate(
            date(2025, 3, day), date(2025, 3, day), date(2025, 3, day), 0.9, ("header",), "header"
        )
    extra: dict[str, object] = {"text": text, "outlet": outlet, "published": published}
    extra.update(fields)
    return Article.from_raw(source, text, **extra)
