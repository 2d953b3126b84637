"""Stories and events: incremental two-level clustering of articles, with the reasons for each assignment.

An **event** is one real-world happening (same actors, place and time); a **story** is a developing
topic that holds events over weeks. Each new article is compared only with candidate events found
through indexes (its nearest event centroids in the sentence-vector space, events that share its rarer
entities or its most distinctive words, within a time window), so the cost of one more article stays
flat as the corpus grows.
"""

from rashomon.cluster.incremental import ClusterReport, update_clusters

__all__ = ["ClusterReport", "update_clusters"]
