"""Running the stages of `rashomon analyze`.

    stages.py      the stage table: each stage, what it requires and produces, how its input is read and
                   its output written; checked before every run
    runner.py      ``analyze``: article stages batch by batch over the cores, then each corpus stage once
    executors.py   a function over items in order, inline or in a pool of forked workers
    interrupts.py  Ctrl-C that is never lost between two units of work
"""
