"""The `ampsdiary` command: parse, call the domain, render. No SQL and no heavy imports here."""

from __future__ import annotations

from typing import Annotated

import typer

from . import analyses, backups, day, demo, exchange, log, manage, plot, report, review, show
from .terminal import forgiving_stdin

app = typer.Typer(
    name="ampsdiary",
    help="A daily diary for AMPS (pediatric CRPS, juvenile fibromyalgia): "
    "function comes back first, pain falls later.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Diary file. Default: $AMPSDIARY_DB, else your user data folder.",
            metavar="PATH",
        ),
    ] = None,
) -> None:
    """A daily diary for AMPS: function comes back first, pain falls later."""
    forgiving_stdin()  # before any question reads an answer
    ctx.obj = db


for module in (log, day, show, manage, backups, demo, plot, analyses, report, exchange, review):
    module.register(app)
