"""Stories and events: incremental two-level clustering of articles, with the reasons for each assignment.

An **event** is one real-world happening (same actors, place and time); a **story** is a developing
topic that holds events over weeks. Each new article is compared only with candidate events found
through indexes (the events of its nearest articles by words, from an inverted index, within a time
window), and its similarity to them is read against the background of its part of the corpus.
"""

from rashomon.cluster.incremental import ClusterReport, update_clusters

__all__ = ["ClusterReport", "update_clusters"]
