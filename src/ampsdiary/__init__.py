"""ampsdiary: a command-line diary for children and teens with AMPS."""

__version__ = "0.1.0"
