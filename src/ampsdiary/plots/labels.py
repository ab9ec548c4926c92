"""Labels placed when drawn, once the layout is final, so they stay inside their axes.

A label beside a line (an onset's date) is measured by the renderer that draws it: when it
would cross the axes' edge on its side of the line it turns to the other side, and when it
would cover another label it moves down to its second row.
"""

from __future__ import annotations

import functools
from typing import Any

OTHER_SIDE = {"left": "right", "right": "left"}


def beside(
    ax: Any, x: Any, rows: tuple[float, float], text: str, ha: str, avoid: Any = None, **look: Any
) -> Any:
    """`text` at `x` on the first of `rows`, starting there ('left') or ending there ('right')."""
    label = _kind()(x, rows[0], text, rows, ha, avoid, **look)
    ax.add_artist(label)
    return label


@functools.cache
def _kind() -> type:
    """The label class, made on first use so matplotlib loads only when something is drawn."""
    from matplotlib.text import Text

    class Beside(Text):
        def __init__(self, x, y, text, rows, ha, avoid, **look) -> None:
            # Kept out of the layout: it stays inside the axes, so it needs no room of its own.
            super().__init__(x, y, text, ha=ha, clip_on=False, in_layout=False, **look)
            self.rows, self.side, self.avoid = rows, ha, avoid

        def draw(self, renderer: Any) -> None:
            self.set_y(self.rows[0])
            sides = (self.side, OTHER_SIDE[self.side])
            self.set_horizontalalignment(min(sides, key=lambda ha: self._overflow(renderer, ha)))
            box = self.get_window_extent(renderer)
            if self.avoid is not None and box.overlaps(self.avoid.get_window_extent(renderer)):
                self.set_y(self.rows[1])
            super().draw(renderer)

        def _overflow(self, renderer: Any, ha: str) -> float:
            """How far, in pixels, the label aligned `ha` would reach outside the axes."""
            self.set_horizontalalignment(ha)
            box, edges = self.get_window_extent(renderer), self.axes.bbox
            return max(0, edges.x0 - box.x0) + max(0, box.x1 - edges.x1)

    return Beside
