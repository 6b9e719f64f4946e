"""Fault reports and errands: the node walk, Skapa felanmälan, Hämta ett ärende, Hämta Ärenderadfil."""

from apps.backends.pm5.base import Pm5Base


class ErrandsApi(Pm5Base):
    pass
