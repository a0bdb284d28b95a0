"""Article dates: when each article was written, as an interval with a point and evidence."""

from dateline.date.infer import date_article, infer_publication_date

__all__ = ["date_article", "infer_publication_date"]
