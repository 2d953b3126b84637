"""`python -m rashomon` runs the CLI."""

from rashomon.cli import main

main()
