"""Stories and events: incremental two-level clustering of articles, with the reasons for each assignment.

An **event** is one real-world happening (same actors, place and time); a **story** is a developing
topic that holds events over weeks. Each new article is compared only with candidate events found
through indexes (the events of its nearest articles by words, from an inverted index, within a time
window), and its similarity to them is read against the background of its part of the corpus.

    profiles.py     what the clusterer knows of an article: words, entities, vector, date
    similarity.py   word weights and the cluster model's parameters
    neighbours.py   each article's nearest reports by words and its background
    languages.py    each article's closest report in every other language, by meaning
    index.py        events, stories and the indexes that find an article's candidates
    assign.py       one article's place, and why
    split.py        the event an article joined split where its reports share no specific content
    placing.py      the clusters stage: every new article placed, in order of publication
"""
