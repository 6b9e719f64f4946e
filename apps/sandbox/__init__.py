"""The embedded reference backend: the landlord's systems, served over HTTP.

Each seed API is a facade module (``pm5/`` now, ``fast2/``, ``errands/`` ...
later) over one set of tables in ``models/``, filled by ``demo/``. Nothing
outside this app imports it; it imports only ``apps.accounts.services``, to
create the portal's demo logins.
"""
