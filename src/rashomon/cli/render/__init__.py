"""How answers look in the terminal, drawn with Rich.

Everything that came from an article (text, titles, outlets, names, file names) is untrusted: it goes
into tables and lines as ``Text`` (``cell``), never as a string Rich would read as markup.
"""
