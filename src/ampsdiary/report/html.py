"""The report as one self-contained HTML file: the chart inline as SVG, styles inline.

Opens in any browser with no network and prints cleanly (A4 or letter page size, no
screen-only decoration). Every diary text is escaped.
"""

from __future__ import annotations

import re
from html import escape

from ..dates import day_label
from ..plots import recovery as recovery_plot
from ..plots import style
from ..plots.output import svg_text
from .content import Block, Chart, Columns, Heading, Report, Table, Text

CSS = """
@page { size: %(paper)s; margin: 14mm; }
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #222; max-width: 48rem;
       margin: 1.5rem auto; padding: 0 1rem; font-size: 10.5pt; line-height: 1.4; }
header { border-bottom: 2px solid #222; margin-bottom: 0.8rem; }
header h1 { font-size: 1.6rem; margin: 0; display: flex; justify-content: space-between; }
header .who { font-size: 1.1rem; }
header p { color: #666; margin: 0.2rem 0 0.4rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 0.3rem; break-after: avoid; }
p.headline { font-size: 1.15rem; font-weight: bold; }
p.small, footer { font-size: 0.85rem; color: #444; }
table { border-collapse: collapse; font-size: 0.9rem; break-inside: auto; }
th { text-align: left; border-bottom: 1px solid #666; padding: 0.15rem 0.7rem 0.15rem 0; }
td { padding: 0.1rem 0.7rem 0.1rem 0; }
td.n, th.n { text-align: right; }
td.sub { padding-left: 1.2em; }
tr:nth-child(even) td { background: #F2F4F7; }
.better { color: #006B4F; font-weight: bold; }
.worse { color: #B23A00; font-weight: bold; }
.same { color: #666; }
.columns { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
.columns > div:last-child { flex: 1 1 14rem; }
.columns h2:first-child { margin-top: 0.3rem; }
figure { margin: 0.4rem 0; break-inside: avoid; }
figure svg { width: 100%%; height: auto; }
figcaption { font-weight: bold; font-size: 0.9rem; }
dl.notes { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.notes dt { font-weight: bold; }
dl.notes dd { margin: 0; overflow-wrap: anywhere; }
footer { border-top: 1px solid #999; margin-top: 1.5rem; padding-top: 0.3rem; }
@media print { body { margin: 0; max-width: none; } details { display: none; } }
"""
PAPER = {"a4": "A4", "letter": "letter"}


def _table(block: Table) -> str:
    def cell(tag: str, value: str, i: int, extra: str = "") -> str:
        """A cell; an indented label ('  aerobic', a part of the row above) is indented by
        CSS, since a browser drops leading spaces."""
        sub = "sub" if value.startswith(" ") else ""
        classes = " ".join(c for c in ("n" if i else "", sub, extra) if c)
        attr = f' class="{classes}"' if classes else ""
        return f"<{tag}{attr}>{escape(value.strip())}</{tag}>"

    head = "".join(cell("th", c, i) for i, c in enumerate(block.columns))
    body = []
    for n, row in enumerate(block.rows):
        verdict = block.verdicts[n] if block.verdicts else None
        cells = [
            cell("td", v, i, (verdict or "") if i == len(row) - 1 else "")
            for i, v in enumerate(row)
        ]
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _chart(block: Chart) -> str:
    """The picture as inline SVG (text stays text), its caption, and its numbers on screen."""
    from matplotlib.figure import Figure

    with style.context():
        fig = Figure(figsize=(style.A4_WIDTH - 0.9, 3.2), layout="constrained")
        ax = fig.add_subplot()
        handles = recovery_plot.draw(ax, block.days, block.recovery)
        fig.legend(handles=handles, loc="outside lower center", ncols=4, fontsize=8)
        svg = svg_text(fig, block.caption)
    svg = svg[svg.index("<svg") :]
    # Drop the fixed size so the picture fits the page; name it for screen readers.
    label = f'<svg role="img" aria-label="{escape(block.caption)}" '
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', lambda m: label + m[1], svg, count=1)
    numbers = ""
    if block.weeks:
        numbers = f"<details><summary>The chart in numbers</summary>{_table(block.weeks)}</details>"
    return f"<figure>{svg}<figcaption>{escape(block.caption)}</figcaption>{numbers}</figure>"


def _block(block: Block) -> str:
    if isinstance(block, Text):
        return f'<p class="{block.style}">{escape(block.text)}</p>'
    if isinstance(block, Heading):
        return f"<h2>{escape(block.text)}</h2>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Chart):
        return _chart(block)
    if isinstance(block, Columns):
        left, right = ("".join(_block(b) for b in side) for side in (block.left, block.right))
        return f'<div class="columns"><div>{left}</div><div>{right}</div></div>'
    items = "".join(f"<dt>{day_label(d)}</dt><dd>{escape(n)}</dd>" for d, n in block.items)
    return f'<h2>{escape(block.title)}</h2><dl class="notes">{items}</dl>'


def render(report: Report, paper: str = "a4") -> str:
    title = escape(" – ".join(p for p in (report.title, report.who, report.dates) if p))
    body = "\n".join(_block(b) for b in report.blocks)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{CSS % {"paper": PAPER[paper]}}</style>
</head>
<body>
<header>
<h1><span>{escape(report.title)}</span><span class="who">{escape(report.who)}</span></h1>
<p>{escape(report.dates)}</p>
</header>
<main>
{body}
</main>
<footer>{escape(report.footer)}</footer>
</body>
</html>
"""
