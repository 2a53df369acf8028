"""The instruments shipped inside the package, one TOML file each in ``assessment/instruments``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from assessment._internal.model import Instrument, InstrumentError, parse_instrument, quote

_PACKAGE_DIR = "instruments"


class UnknownInstrumentError(LookupError):
    """No shipped instrument has the requested id."""

    def __init__(self, ident: str) -> None:
        self.ident = ident
        known = ", ".join(instrument_ids()) or "-"
        super().__init__(f"instrumen {quote(ident)} tidak dikenal (tersedia: {known})")


def instrument_ids() -> list[str]:
    """Ids of the shipped instruments (their file names without ``.toml``), sorted."""
    folder = resources.files("assessment").joinpath(_PACKAGE_DIR)
    return sorted(entry.name.removesuffix(".toml") for entry in folder.iterdir() if entry.name.endswith(".toml"))


@cache
def load_instrument(ident: str) -> Instrument:
    """Load and validate a shipped instrument by id.

    Raises:
        UnknownInstrumentError: No such instrument.
        InstrumentError: Its definition is broken, or its ``id`` differs from its file name.

    """
    if ident not in instrument_ids():
        raise UnknownInstrumentError(ident)
    name = f"{ident}.toml"
    text = resources.files("assessment").joinpath(_PACKAGE_DIR, name).read_text(encoding="utf-8")
    instrument = parse_instrument(text, source=f"assessment/{_PACKAGE_DIR}/{name}")
    if instrument.id != ident:
        raise InstrumentError(name, "instrumen", f"id '{instrument.id}' harus sama dengan nama berkas '{ident}'")
    return instrument


def load_instrument_file(path: str | Path) -> Instrument:
    """Load and validate an instrument definition from any file."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise InstrumentError(str(file), "berkas", f"tidak dapat dibaca ({error.strerror})") from None
    except UnicodeDecodeError as error:
        raise InstrumentError(str(file), "berkas", f"bukan teks UTF-8 (byte ke-{error.start + 1} tidak sah)") from None
    return parse_instrument(text, source=str(file))
