"""e-ID login (BankID, Freja eID) through an OpenID Connect broker, on allauth's provider.

provider.py reads the verified personnummer out of the ID token and keeps it out of
everything allauth stores; adapter.py turns it into the account of the backend
customer it belongs to (login.py), or a clear message on the login page.
"""
