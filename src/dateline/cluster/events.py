"""When two sentences report one event: the wording threshold `select.entries` gathers an
entry's further sources with (reports elsewhere in the pile of what the entry says)."""

# Cosine above which two sentences report one event. Tuned by hand on our own paraphrase
# pairs ("Japan sends 600 troops" written three ways): paraphrases score 0.35-0.6, different
# events of one story 0.05-0.25.
MERGE_THRESHOLD = 0.35
