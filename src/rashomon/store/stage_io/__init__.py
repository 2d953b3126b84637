"""What the runners read from the store for each stage, and how they store what the stage produced.

A stage never opens the store: its runner reads the stage's inputs here (records, or an index over
what is stored), calls the stage, and writes what it produced here, inside the runner's transaction.
One module per stage: ``ingest`` (fingerprints, copies, feed entries), ``annotations`` (articles to
annotate, the entity registry, annotations), ``quotes`` (quote groups), ``clusters`` (events, stories).
"""
