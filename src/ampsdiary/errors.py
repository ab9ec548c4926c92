"""The one error a user ever sees: which field, which value, what is allowed."""

EMPTY_DIARY = "has nothing logged yet; start with `ampsdiary log` (or try `ampsdiary demo`)"


class DiaryError(Exception):
    """Bad input or an unusable diary file; the CLI prints it on one line and exits 2."""

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        shown = "" if value is None else f"{value!r} "
        super().__init__(f"{field}: {shown}{allowed}")
