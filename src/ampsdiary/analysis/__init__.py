"""What the diary means: week summaries, trends and the function-before-pain analysis.

Pure functions over `daily.Day` lists: no SQL, no printing. See docs/analysis.md for how
every number is computed.
"""
